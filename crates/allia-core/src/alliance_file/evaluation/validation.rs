//! The import's check of the file's `evaluation`: limits, ids, forms' rules and the
//! links between records.

use std::collections::HashMap;

use crate::evaluation::IndicatorAggregation;
use crate::objectives::ObjectiveRef;
use crate::validation::{too_many_message, ValidationErrors};

use super::{
    FileEvaluation, ALLIANCE_FILE_MAX_GAP_ANALYSES, ALLIANCE_FILE_MAX_INDICATORS,
    ALLIANCE_FILE_MAX_MEASUREMENTS,
};

impl FileEvaluation {
    /// Checked for import, fields under `evaluation.`: the frame, each indicator
    /// (`evaluation.indicators.N.`, N from 1), measurement and gap analysis valid by the
    /// forms' rules, each id checked by `check_id` (a UUID used once in the file); an
    /// objective named is one `objective_exists` knows (the file's `objectives`), a
    /// responsible partner one `known_actor` knows (an actor of the file), a
    /// measurement's indicator one of `indicators` (and validated with its
    /// aggregation); at most [`ALLIANCE_FILE_MAX_INDICATORS`],
    /// [`ALLIANCE_FILE_MAX_MEASUREMENTS`] and [`ALLIANCE_FILE_MAX_GAP_ANALYSES`] records.
    /// Indicators' positions are renumbered from 0 in the file's order of position.
    /// `None` when something is wrong (in `errors`).
    pub(in crate::alliance_file) fn validated(
        &self,
        errors: &mut ValidationErrors,
        mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
        objective_exists: impl Fn(&ObjectiveRef) -> bool,
        known_actor: impl Fn(&str) -> bool,
    ) -> Option<FileEvaluation> {
        let before = errors.0.len();
        for (field, count, max, what) in [
            (
                "evaluation.indicators",
                self.indicators.len(),
                ALLIANCE_FILE_MAX_INDICATORS,
                "indicateurs",
            ),
            (
                "evaluation.measurements",
                self.measurements.len(),
                ALLIANCE_FILE_MAX_MEASUREMENTS,
                "mesures",
            ),
            (
                "evaluation.gapAnalyses",
                self.gap_analyses.len(),
                ALLIANCE_FILE_MAX_GAP_ANALYSES,
                "analyses des écarts",
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
            check_id(errors, "evaluation.frame.id", &f.id);
            match f.draft().validated() {
                Ok(draft) => Some(f.with_draft(draft)),
                Err(e) => {
                    errors.extend_prefixed("evaluation.frame", e);
                    None
                }
            }
        });
        let mut indicators = Vec::with_capacity(self.indicators.len());
        for (index, indicator) in self.indicators.iter().enumerate() {
            let prefix = format!("evaluation.indicators.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &indicator.id);
            let draft = match indicator.draft().validated() {
                Ok(draft) => draft,
                Err(e) => {
                    errors.extend_prefixed(&prefix, e);
                    continue;
                }
            };
            if !objective_exists(&draft.objective) {
                errors.push(
                    format!("{prefix}.objective"),
                    unknown_objective(&draft.objective),
                );
            }
            if let Some(partner) = &draft.owner_partner_id {
                if !known_actor(partner) {
                    errors.push(
                        format!("{prefix}.ownerPartnerId"),
                        format!(
                            "Le partenaire responsable {partner} n’est pas un acteur de ce fichier."
                        ),
                    );
                }
            }
            indicators.push(indicator.with_draft(draft));
        }
        // Stable: equal positions keep the file's order.
        indicators.sort_by_key(|i| i.position);
        for (position, indicator) in indicators.iter_mut().enumerate() {
            indicator.position = u32::try_from(position).unwrap_or(u32::MAX);
        }
        let aggregations: HashMap<&str, IndicatorAggregation> = self
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.aggregation))
            .collect();
        let mut measurements = Vec::with_capacity(self.measurements.len());
        for (index, measurement) in self.measurements.iter().enumerate() {
            let prefix = format!("evaluation.measurements.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &measurement.id);
            let Some(aggregation) = aggregations.get(measurement.indicator_id.as_str()) else {
                errors.push(
                    format!("{prefix}.indicatorId"),
                    format!(
                        "L’indicateur {} n’est pas un indicateur de ce fichier.",
                        measurement
                            .indicator_id
                            .chars()
                            .take(40)
                            .collect::<String>()
                    ),
                );
                continue;
            };
            match measurement.draft().validated(*aggregation) {
                Ok(draft) => measurements.push(measurement.with_draft(draft)),
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        let mut gap_analyses = Vec::with_capacity(self.gap_analyses.len());
        for (index, gap) in self.gap_analyses.iter().enumerate() {
            let prefix = format!("evaluation.gapAnalyses.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &gap.id);
            match gap.draft().validated() {
                Ok(draft) => {
                    if !objective_exists(&draft.objective) {
                        errors.push(
                            format!("{prefix}.objective"),
                            unknown_objective(&draft.objective),
                        );
                    }
                    gap_analyses.push(gap.with_draft(draft));
                }
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        (errors.0.len() == before).then_some(FileEvaluation {
            frame,
            indicators,
            measurements,
            gap_analyses,
        })
    }
}

fn unknown_objective(objective: &ObjectiveRef) -> String {
    format!(
        "L’{} {} n’est pas un objectif de ce fichier.",
        objective.level.label().to_lowercase(),
        objective.id.chars().take(40).collect::<String>()
    )
}
