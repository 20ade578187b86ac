//! The objectives' records in the alliance file and the stored ones: each way, for the
//! frame, the strategic objectives, the strategic gaps and the operational objectives.

use chrono::{DateTime, Utc};

use crate::objectives::{
    ObjectiveLevel, ObjectiveRef, ObjectivesFrame, ObjectivesFrameDraft, OperationalObjective,
    OperationalObjectiveDraft, StrategicGap, StrategicGapDraft, StrategicObjective,
    StrategicObjectiveDraft,
};

use super::{
    FileObjectives, FileObjectivesFrame, FileOperationalObjective, FileStrategicGap,
    FileStrategicObjective, ObjectivesRecords,
};

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

    pub(super) fn with_draft(&self, draft: ObjectivesFrameDraft) -> FileObjectivesFrame {
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

    pub(super) fn with_draft(&self, draft: StrategicObjectiveDraft) -> FileStrategicObjective {
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

    pub(super) fn with_draft(&self, draft: StrategicGapDraft) -> FileStrategicGap {
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

    pub(super) fn with_draft(&self, draft: OperationalObjectiveDraft) -> FileOperationalObjective {
        FileOperationalObjective::new(
            self.id.clone(),
            self.created_at,
            self.updated_at,
            self.position,
            draft,
        )
    }
}
