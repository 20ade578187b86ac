//! The alliance file's `objectives` (format 2, an additive root field; guide section 4,
//! « Définir les objectifs stratégiques », « Formuler des objectifs opérationnels
//! SMART »): the frame (shared vision, horizon year, priority criteria), the strategic
//! objectives with their place, the strategic gaps and the operational objectives with
//! their partners, each record with its id and dates. A file without it imports as an
//! alliance without objectives.
//!
//! ```json
//! "objectives": {
//!   "frame": { "id": "…", "createdAt": "…", "updatedAt": "…", "vision": "…",
//!              "horizonYear": 2030, "priorityCriteria": [ { "id": "need_urgency", "name": "Urgence du besoin", "weight": 1 } ] },
//!   "strategic": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "position": 0,
//!                    "title": "…", "expectedImpacts": ["…"], "priorityScores": { "need_urgency": 5 } } ],
//!   "gaps": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "strategicObjectiveId": "…",
//!               "partnerId": "…", "description": "…" } ],
//!   "operational": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "position": 0,
//!                      "strategicObjectiveId": "…", "wording": "…", "dimension": "pooling",
//!                      "partnerIds": ["…"], "targetValue": 15.0, "unit": "%", … } ]
//! }
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::Criterion;
use crate::objectives::records::OBJECTIVES_MAX;
use crate::objectives::{
    default_priority_criteria, CooperationDimension, ObjectiveLevel, ObjectiveRef, ObjectivesFrame,
    ObjectivesFrameDraft, OperationalObjective, OperationalObjectiveDraft, StrategicGap,
    StrategicGapDraft, StrategicObjective, StrategicObjectiveDraft,
};
use crate::validation::{too_many_message, ValidationErrors};

/// Most strategic gaps in one file.
pub const ALLIANCE_FILE_MAX_STRATEGIC_GAPS: usize = 1_000;
/// Most operational objectives in one file (under all the strategic ones).
pub const ALLIANCE_FILE_MAX_OPERATIONAL_OBJECTIVES: usize = 2_000;

/// The objectives as the file carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileObjectives {
    /// The vision and priority criteria, `null` when none were written.
    #[serde(default)]
    pub frame: Option<FileObjectivesFrame>,
    /// `position` orders them (from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategic: Vec<FileStrategicObjective>,
    /// Each names a strategic objective of `strategic` and an actor of the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<FileStrategicGap>,
    /// Each names a strategic objective of `strategic`; `position` orders them under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operational: Vec<FileOperationalObjective>,
}

// Figures are finite once validated (NaN is refused), so equality is an equivalence.
impl Eq for FileObjectives {}

/// The frame: id and dates, then the fields of [`ObjectivesFrameDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileObjectivesFrame {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_year: Option<i32>,
    #[serde(default = "default_priority_criteria")]
    pub priority_criteria: Vec<Criterion>,
}

/// One strategic objective: id, dates and place, then the fields of
/// [`StrategicObjectiveDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileStrategicObjective {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From 0 in the alliance's order.
    pub position: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_impacts: Vec<String>,
    /// Priority criterion id → score 0 to 5.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub priority_scores: BTreeMap<String, u8>,
}

/// One strategic gap: id and dates, then the fields of [`StrategicGapDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileStrategicGap {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub strategic_objective_id: String,
    /// A partner of the alliance (an actor of the file, « Engagé » when linked).
    pub partner_id: String,
    pub description: String,
}

/// One operational objective: id, dates and place under its strategic objective, then
/// the fields of [`OperationalObjectiveDraft`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileOperationalObjective {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From 0 under its strategic objective.
    pub position: u32,
    pub strategic_objective_id: String,
    pub wording: String,
    pub dimension: CooperationDimension,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_dimension: Option<String>,
    /// Partners of the alliance (actors of the file, « Engagé » when linked), in the
    /// order chosen.
    #[serde(default)]
    pub partner_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
}

/// An alliance's objectives as stored records (what the file gives an alliance, or is
/// made from).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectivesRecords {
    pub frame: Option<ObjectivesFrame>,
    /// By position.
    pub strategic: Vec<StrategicObjective>,
    pub gaps: Vec<StrategicGap>,
    /// By strategic objective, then position.
    pub operational: Vec<OperationalObjective>,
}

impl FileObjectives {
    /// The file's objectives from the stored records; `None` when there are none, so that
    /// a file without objectives is written as before.
    pub fn of(records: &ObjectivesRecords) -> Option<FileObjectives> {
        if records.frame.is_none()
            && records.strategic.is_empty()
            && records.gaps.is_empty()
            && records.operational.is_empty()
        {
            return None;
        }
        Some(FileObjectives {
            frame: records.frame.as_ref().map(|f| {
                let ObjectivesFrameDraft {
                    vision,
                    horizon_year,
                    priority_criteria,
                } = f.draft.clone();
                FileObjectivesFrame {
                    id: f.id.clone(),
                    created_at: f.created_at,
                    updated_at: f.updated_at,
                    vision,
                    horizon_year,
                    priority_criteria,
                }
            }),
            strategic: records
                .strategic
                .iter()
                .map(|s| {
                    FileStrategicObjective::new(
                        s.id.clone(),
                        s.created_at,
                        s.updated_at,
                        s.position,
                        s.draft.clone(),
                    )
                })
                .collect(),
            gaps: records
                .gaps
                .iter()
                .map(|g| {
                    let StrategicGapDraft {
                        strategic_objective_id,
                        partner_id,
                        description,
                    } = g.draft.clone();
                    FileStrategicGap {
                        id: g.id.clone(),
                        created_at: g.created_at,
                        updated_at: g.updated_at,
                        strategic_objective_id,
                        partner_id,
                        description,
                    }
                })
                .collect(),
            operational: records
                .operational
                .iter()
                .map(|o| {
                    FileOperationalObjective::new(
                        o.id.clone(),
                        o.created_at,
                        o.updated_at,
                        o.position,
                        o.draft.clone(),
                    )
                })
                .collect(),
        })
    }

    /// The records to store for alliance `alliance_id`, ids and dates as in the file.
    pub fn records(&self, alliance_id: &str) -> ObjectivesRecords {
        ObjectivesRecords {
            frame: self.frame.as_ref().map(|f| ObjectivesFrame {
                id: f.id.clone(),
                alliance_id: alliance_id.to_string(),
                created_at: f.created_at,
                updated_at: f.updated_at,
                draft: f.draft(),
            }),
            strategic: self
                .strategic
                .iter()
                .map(|s| StrategicObjective {
                    id: s.id.clone(),
                    alliance_id: alliance_id.to_string(),
                    position: s.position,
                    created_at: s.created_at,
                    updated_at: s.updated_at,
                    draft: s.draft(),
                })
                .collect(),
            gaps: self
                .gaps
                .iter()
                .map(|g| StrategicGap {
                    id: g.id.clone(),
                    alliance_id: alliance_id.to_string(),
                    created_at: g.created_at,
                    updated_at: g.updated_at,
                    draft: g.draft(),
                })
                .collect(),
            operational: self
                .operational
                .iter()
                .map(|o| OperationalObjective {
                    id: o.id.clone(),
                    alliance_id: alliance_id.to_string(),
                    position: o.position,
                    created_at: o.created_at,
                    updated_at: o.updated_at,
                    draft: o.draft(),
                })
                .collect(),
        }
    }

    /// Whether `objective` is one of the file's objectives (what an indicator or a gap
    /// analysis of the file may name).
    pub fn contains(&self, objective: &ObjectiveRef) -> bool {
        match objective.level {
            ObjectiveLevel::Strategic => self.strategic.iter().any(|s| s.id == objective.id),
            ObjectiveLevel::Operational => self.operational.iter().any(|o| o.id == objective.id),
        }
    }

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
    pub(super) fn validated(
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

impl FileObjectivesFrame {
    /// The fields the user edits.
    pub fn draft(&self) -> ObjectivesFrameDraft {
        ObjectivesFrameDraft {
            vision: self.vision.clone(),
            horizon_year: self.horizon_year,
            priority_criteria: self.priority_criteria.clone(),
        }
    }

    fn with_draft(&self, draft: ObjectivesFrameDraft) -> FileObjectivesFrame {
        let ObjectivesFrameDraft {
            vision,
            horizon_year,
            priority_criteria,
        } = draft;
        FileObjectivesFrame {
            vision,
            horizon_year,
            priority_criteria,
            ..self.clone()
        }
    }
}

impl FileStrategicObjective {
    fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        position: u32,
        draft: StrategicObjectiveDraft,
    ) -> FileStrategicObjective {
        let StrategicObjectiveDraft {
            title,
            description,
            expected_impacts,
            priority_scores,
        } = draft;
        FileStrategicObjective {
            id,
            created_at,
            updated_at,
            position,
            title,
            description,
            expected_impacts,
            priority_scores,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> StrategicObjectiveDraft {
        StrategicObjectiveDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            expected_impacts: self.expected_impacts.clone(),
            priority_scores: self.priority_scores.clone(),
        }
    }

    fn with_draft(&self, draft: StrategicObjectiveDraft) -> FileStrategicObjective {
        FileStrategicObjective::new(
            self.id.clone(),
            self.created_at,
            self.updated_at,
            self.position,
            draft,
        )
    }
}

impl FileStrategicGap {
    /// The fields the user edits.
    pub fn draft(&self) -> StrategicGapDraft {
        StrategicGapDraft {
            strategic_objective_id: self.strategic_objective_id.clone(),
            partner_id: self.partner_id.clone(),
            description: self.description.clone(),
        }
    }

    fn with_draft(&self, draft: StrategicGapDraft) -> FileStrategicGap {
        let StrategicGapDraft {
            strategic_objective_id,
            partner_id,
            description,
        } = draft;
        FileStrategicGap {
            strategic_objective_id,
            partner_id,
            description,
            ..self.clone()
        }
    }
}

impl FileOperationalObjective {
    fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        position: u32,
        draft: OperationalObjectiveDraft,
    ) -> FileOperationalObjective {
        let OperationalObjectiveDraft {
            strategic_objective_id,
            wording,
            dimension,
            custom_dimension,
            partner_ids,
            baseline_value,
            target_value,
            unit,
            scope,
            owner_partner_id,
            owner_person,
            start_date,
            due_date,
        } = draft;
        FileOperationalObjective {
            id,
            created_at,
            updated_at,
            position,
            strategic_objective_id,
            wording,
            dimension,
            custom_dimension,
            partner_ids,
            baseline_value,
            target_value,
            unit,
            scope,
            owner_partner_id,
            owner_person,
            start_date,
            due_date,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> OperationalObjectiveDraft {
        OperationalObjectiveDraft {
            strategic_objective_id: self.strategic_objective_id.clone(),
            wording: self.wording.clone(),
            dimension: self.dimension,
            custom_dimension: self.custom_dimension.clone(),
            partner_ids: self.partner_ids.clone(),
            baseline_value: self.baseline_value,
            target_value: self.target_value,
            unit: self.unit.clone(),
            scope: self.scope.clone(),
            owner_partner_id: self.owner_partner_id.clone(),
            owner_person: self.owner_person.clone(),
            start_date: self.start_date,
            due_date: self.due_date,
        }
    }

    fn with_draft(&self, draft: OperationalObjectiveDraft) -> FileOperationalObjective {
        FileOperationalObjective::new(
            self.id.clone(),
            self.created_at,
            self.updated_at,
            self.position,
            draft,
        )
    }
}
