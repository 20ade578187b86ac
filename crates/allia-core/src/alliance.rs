//! An alliance: the collective project the association builds with its partners.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{optional_text, plausible_date, text, ValidationErrors};

/// Where the alliance stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum AllianceStatus {
    #[default]
    UnderConstruction,
    Active,
    Closed,
}

impl AllianceStatus {
    pub const ALL: [AllianceStatus; 3] = [Self::UnderConstruction, Self::Active, Self::Closed];

    pub fn label(self) -> &'static str {
        match self {
            Self::UnderConstruction => "En construction",
            Self::Active => "Active",
            Self::Closed => "Close",
        }
    }
}

/// What the user edits about an alliance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
#[serde(rename_all = "camelCase")]
pub struct AllianceDraft {
    pub name: String,
    /// Objet de l'alliance.
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub territory: Option<String>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    pub status: AllianceStatus,
    /// What its convention says about duration, signature and disputes.
    #[serde(default)]
    #[cfg_attr(feature = "sqlx", sqlx(skip))]
    pub terms: AgreementTerms,
}

/// The terms every convention of the alliance shares: how long it lasts from
/// `AllianceDraft::start_date`, whether it renews, where and when it is signed, in how
/// many originals, and which court settles disputes. A document's own settings (place,
/// date, copies) take precedence over these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AgreementTerms {
    /// Duration in months (1 to 120).
    #[serde(default)]
    pub duration_months: Option<u32>,
    /// Tacit renewal for the same duration.
    #[serde(default)]
    pub tacit_renewal: bool,
    /// Notice, in months, to end it or refuse its renewal.
    #[serde(default)]
    pub notice_months: Option<u32>,
    /// « Fait à … ».
    #[serde(default)]
    pub signature_place: Option<String>,
    #[serde(default)]
    pub signature_date: Option<NaiveDate>,
    /// Number of originals; one per party when absent.
    #[serde(default)]
    pub copies: Option<u32>,
    /// The competent court, e.g. « tribunal judiciaire de Grenoble »; the court of the
    /// lead's seat when absent.
    #[serde(default)]
    pub court: Option<String>,
}

/// A stored alliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Alliance {
    pub id: String,
    pub archived: bool,
    pub partner_count: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: AllianceDraft,
}

impl AllianceDraft {
    pub fn validated(&self) -> Result<AllianceDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = text(
            &mut errors,
            "name",
            &self.name,
            Some("le nom de l’alliance"),
            200,
        );
        let purpose = optional_text(&mut errors, "purpose", &self.purpose, 5000);
        let territory = optional_text(&mut errors, "territory", &self.territory, 300);
        if let Some(date) = self.start_date {
            plausible_date(
                &mut errors,
                "startDate",
                date,
                "Cette date de début semble erronée : vérifiez l’année.",
            );
        }
        errors.into_result(AllianceDraft {
            name,
            purpose,
            territory,
            start_date: self.start_date,
            status: self.status,
            terms: self.terms.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_required_and_trimmed() {
        let err = AllianceDraft::default().validated().expect_err("no name");
        assert_eq!(err.0[0].field, "name");
        assert_eq!(err.0[0].message, "Indiquez le nom de l’alliance.");
        let ok = AllianceDraft {
            name: "  Service partagé ".into(),
            purpose: Some("".into()),
            ..Default::default()
        }
        .validated()
        .expect("valid");
        assert_eq!(ok.name, "Service partagé");
        assert_eq!(ok.purpose, None);
        assert_eq!(ok.status, AllianceStatus::UnderConstruction);
    }

    #[test]
    fn absurd_start_date_is_refused() {
        let err = AllianceDraft {
            name: "A".into(),
            start_date: NaiveDate::from_ymd_opt(202, 1, 1),
            ..Default::default()
        }
        .validated()
        .expect_err("year 202");
        assert_eq!(err.0[0].field, "startDate");
        assert!(err.0[0].message.contains("vérifiez l’année"));
    }

    #[test]
    fn purpose_length_limit() {
        let err = AllianceDraft {
            name: "A".into(),
            purpose: Some("x".repeat(5001)),
            ..Default::default()
        }
        .validated()
        .expect_err("long purpose");
        assert_eq!(err.0[0].field, "purpose");
        let err = AllianceDraft {
            name: "A".repeat(100_000),
            ..Default::default()
        }
        .validated()
        .expect_err("long name");
        assert_eq!(err.0[0].field, "name");
        assert_eq!(
            err.0[0].message,
            "Ce texte est trop long\u{a0}: 200 caractères au plus (100\u{202f}000 saisis)."
        );
    }

    #[test]
    fn status_labels_are_french() {
        let labels: Vec<_> = AllianceStatus::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels, vec!["En construction", "Active", "Close"]);
    }

    #[test]
    fn status_serialises_as_snake_case() {
        let json = serde_json::to_string(&AllianceStatus::UnderConstruction).expect("json");
        assert_eq!(json, "\"under_construction\"");
    }
}
