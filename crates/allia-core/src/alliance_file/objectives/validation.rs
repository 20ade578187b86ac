//! The import's check of the file's `objectives`: limits, ids, forms' rules, the links
//! between records and the positions.

use std::collections::{HashMap, HashSet};

use crate::objectives::records::OBJECTIVES_MAX;
use crate::validation::{too_many_message, ValidationErrors};

use super::{
    FileObjectives, ALLIANCE_FILE_MAX_OPERATIONAL_OBJECTIVES, ALLIANCE_FILE_MAX_STRATEGIC_GAPS,
};

impl FileObjectives {
    /// Checked for import, fields under `objectives.`: the frame and each record valid by
    /// the forms' rules (`objectives.strategic.N.`, `objectives.gaps.N.`,
    /// `objectives.operational.N.`, N from 1), each id checked by `check_id` (a UUID used
    /// once in the file); a gap's or an operational objective's strategic objective one of
    /// `strategic`, its partners (and responsible partner) ones `known_actor` knows (an
    /// actor of the file: the store only links engaged partners, but one may have left
    /// « Engagé » since, and the file its vault exports must import); at most [`OBJECTIVES_MAX`] strategic objectives,
    /// [`ALLIANCE_FILE_MAX_OPERATIONAL_OBJECTIVES`] operational ones and
    /// [`ALLIANCE_FILE_MAX_STRATEGIC_GAPS`] gaps. Positions are renumbered from 0 in the
    /// file's order of position (the operational objectives under each strategic one).
    /// `None` when something is wrong (in `errors`).
    pub(in crate::alliance_file) fn validated(
        &self,
        errors: &mut ValidationErrors,
        mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
        known_actor: impl Fn(&str) -> bool,
    ) -> Option<FileObjectives> {
        let before = errors.0.len();
        for (field, count, max, what) in [
            (
                "objectives.strategic",
                self.strategic.len(),
                OBJECTIVES_MAX,
                "objectifs stratégiques",
            ),
            (
                "objectives.gaps",
                self.gaps.len(),
                ALLIANCE_FILE_MAX_STRATEGIC_GAPS,
                "écarts stratégiques",
            ),
            (
                "objectives.operational",
                self.operational.len(),
                ALLIANCE_FILE_MAX_OPERATIONAL_OBJECTIVES,
                "objectifs opérationnels",
            ),
        ] {
            if count > max {
                errors.push(field, too_many_message(what, max, count));
            }
        }
        if errors.0.len() > before {
            return None;
        }
        let frame = self.frame.as_ref().and_then(|f| {
            check_id(errors, "objectives.frame.id", &f.id);
            match f.draft().validated() {
                Ok(draft) => Some(f.with_draft(draft)),
                Err(e) => {
                    errors.extend_prefixed("objectives.frame", e);
                    None
                }
            }
        });
        let mut strategic = Vec::with_capacity(self.strategic.len());
        for (index, s) in self.strategic.iter().enumerate() {
            let prefix = format!("objectives.strategic.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &s.id);
            match s.draft().validated() {
                Ok(draft) => strategic.push(s.with_draft(draft)),
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        let strategic_ids: HashSet<&str> = self.strategic.iter().map(|s| s.id.as_str()).collect();
        let unknown_strategic = |errors: &mut ValidationErrors, field: String, id: &str| {
            if !strategic_ids.contains(id) {
                errors.push(
                    field,
                    format!(
                        "Aucun objectif stratégique de ce fichier n’a l’identifiant «\u{a0}{}\u{a0}».",
                        id.chars().take(40).collect::<String>()
                    ),
                );
            }
        };
        let unknown_actor = |errors: &mut ValidationErrors, field: String, id: &str| {
            if !known_actor(id) {
                errors.push(
                    field,
                    format!(
                        "Aucun acteur de ce fichier n’a l’identifiant «\u{a0}{}\u{a0}».",
                        id.chars().take(40).collect::<String>()
                    ),
                );
            }
        };
        let mut gaps = Vec::with_capacity(self.gaps.len());
        for (index, g) in self.gaps.iter().enumerate() {
            let prefix = format!("objectives.gaps.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &g.id);
            match g.draft().validated() {
                Ok(draft) => {
                    unknown_strategic(
                        errors,
                        format!("{prefix}.strategicObjectiveId"),
                        &draft.strategic_objective_id,
                    );
                    unknown_actor(errors, format!("{prefix}.partnerId"), &draft.partner_id);
                    gaps.push(g.with_draft(draft));
                }
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        let mut operational = Vec::with_capacity(self.operational.len());
        for (index, o) in self.operational.iter().enumerate() {
            let prefix = format!("objectives.operational.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &o.id);
            match o.draft().validated() {
                Ok(draft) => {
                    unknown_strategic(
                        errors,
                        format!("{prefix}.strategicObjectiveId"),
                        &draft.strategic_objective_id,
                    );
                    for partner in &draft.partner_ids {
                        unknown_actor(errors, format!("{prefix}.partnerIds"), partner);
                    }
                    if let Some(owner) = &draft.owner_partner_id {
                        unknown_actor(errors, format!("{prefix}.ownerPartnerId"), owner);
                    }
                    operational.push(o.with_draft(draft));
                }
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        // Stable sorts: equal positions keep the file's order.
        strategic.sort_by_key(|s| s.position);
        let mut order: HashMap<String, usize> = HashMap::new();
        for (position, s) in strategic.iter_mut().enumerate() {
            s.position = u32::try_from(position).unwrap_or(u32::MAX);
            order.insert(s.id.clone(), position);
        }
        operational.sort_by_key(|o| (order.get(&o.strategic_objective_id).copied(), o.position));
        let mut under: HashMap<String, u32> = HashMap::new();
        for o in &mut operational {
            let next = under.entry(o.strategic_objective_id.clone()).or_default();
            if usize::try_from(*next).unwrap_or(usize::MAX) >= OBJECTIVES_MAX {
                errors.push(
                    "objectives.operational",
                    too_many_message(
                        "objectifs opérationnels sous un même objectif stratégique",
                        OBJECTIVES_MAX,
                        OBJECTIVES_MAX + 1,
                    ),
                );
                break;
            }
            o.position = *next;
            *next += 1;
        }
        (errors.0.len() == before).then_some(FileObjectives {
            frame,
            strategic,
            gaps,
            operational,
        })
    }
}
