//! The alliance file's `modelAdvisor` (format 2, an additive root field): the model
//! advisor's answers (guide section 2 « Choisir le bon modèle de partenariat ») with the
//! record's id and dates. The recommendation is not carried: the importing vault
//! computes it from the answers. A file without it imports as an alliance whose
//! questionnaire is not answered.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model_advisor::{AdvisorAnswers, ModelAdvisor};
use crate::validation::ValidationErrors;

/// The model advisor's record as the file carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileModelAdvisor {
    /// Its id in the vault that wrote the file (a UUID).
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The questionnaire's answers, each optional.
    #[serde(default)]
    pub answers: AdvisorAnswers,
}

impl FileModelAdvisor {
    /// The file's record from a stored one; `None` when nothing is stored, so that a
    /// file without answers is written as before.
    pub fn of(stored: Option<&ModelAdvisor>) -> Option<FileModelAdvisor> {
        stored.map(|s| FileModelAdvisor {
            id: s.id.clone(),
            created_at: s.created_at,
            updated_at: s.updated_at,
            answers: s.answers.clone(),
        })
    }

    /// Checked for import, fields under `modelAdvisor.`: the id by `check_id` (a UUID
    /// used once in the file), the answers by [`AdvisorAnswers::validated`]
    /// (`modelAdvisor.answers.publicFundingCents`…). `None` when something is wrong
    /// (in `errors`).
    pub(super) fn validated(
        &self,
        errors: &mut ValidationErrors,
        mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
    ) -> Option<FileModelAdvisor> {
        let before = errors.0.len();
        check_id(errors, "modelAdvisor.id", &self.id);
        let answers = match self.answers.validated() {
            Ok(answers) => answers,
            Err(e) => {
                errors.extend_prefixed("modelAdvisor.answers", e);
                AdvisorAnswers::default()
            }
        };
        (errors.0.len() == before).then(|| FileModelAdvisor {
            answers,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model_advisor::demo_answers;

    fn record() -> FileModelAdvisor {
        let at: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().expect("date");
        FileModelAdvisor {
            id: "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f".into(),
            created_at: at,
            updated_at: at,
            answers: demo_answers(),
        }
    }

    #[test]
    fn reads_back_what_it_writes_and_accepts_partial_answers() {
        let json = serde_json::to_string(&record()).expect("json");
        assert!(json.contains("\"partnerCount\":4"), "{json}");
        let back: FileModelAdvisor = serde_json::from_str(&json).expect("read");
        assert_eq!(back, record());
        let partial: FileModelAdvisor = serde_json::from_str(
            r#"{"id":"0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f","createdAt":"2026-12-01T10:00:00Z",
                "updatedAt":"2026-12-01T10:00:00Z","answers":{"callForProjects":true}}"#,
        )
        .expect("partial");
        assert_eq!(partial.answers.call_for_projects, Some(true));
        assert_eq!(partial.answers.partner_count, None);
    }

    #[test]
    fn wrong_answers_are_placed_under_model_advisor() {
        let mut wrong = record();
        wrong.answers.public_funding_cents = Some(-5);
        let mut errors = ValidationErrors::default();
        assert_eq!(wrong.validated(&mut errors, |_, _, _| {}), None);
        assert_eq!(errors.0[0].field, "modelAdvisor.answers.publicFundingCents");
        let mut errors = ValidationErrors::default();
        assert_eq!(
            record().validated(&mut errors, |_, _, _| {}),
            Some(record())
        );
    }
}
