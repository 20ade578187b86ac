//! An alliance: the collective project the association builds with its partners.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{
    optional_multiline_text, optional_text, plausible_date, text, ValidationErrors,
};

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
    /// What its convention says about duration, signature and disputes (stored as one
    /// JSON column, `alliance.terms`). Left out of the JSON when none is set, so files and
    /// frozen snapshots written before terms existed read and write back byte for byte.
    #[serde(default, skip_serializing_if = "AgreementTerms::is_unset")]
    #[cfg_attr(feature = "sqlx", sqlx(json))]
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

/// Longest convention, in months (10 years): beyond it a multi-year agreement is
/// usually renegotiated rather than signed once.
pub const TERMS_MAX_DURATION_MONTHS: u32 = 120;
/// Longest notice, in months.
pub const TERMS_MAX_NOTICE_MONTHS: u32 = 24;
/// Most originals one convention is signed in (as a document's own setting).
pub const TERMS_MAX_COPIES: u32 = 50;
/// Longest place of signature, in characters (as a document's own setting).
pub const TERMS_PLACE_MAX: usize = 100;
/// Longest name of the competent court, in characters.
pub const TERMS_COURT_MAX: usize = 150;

impl AgreementTerms {
    /// Whether no term is set (the default: no duration, no renewal…).
    pub fn is_unset(&self) -> bool {
        *self == AgreementTerms::default()
    }

    /// Trims the texts and checks every term; errors are named after the fields
    /// (`durationMonths`, `noticeMonths`, `signaturePlace`, `signatureDate`, `copies`,
    /// `court`), in French. Rules: a duration of 1 to [`TERMS_MAX_DURATION_MONTHS`]
    /// months, required for a tacit renewal (it renews « pour la même durée »); a
    /// notice of 0 to [`TERMS_MAX_NOTICE_MONTHS`] months and shorter than the duration;
    /// a plausible signature date; 1 to [`TERMS_MAX_COPIES`] originals.
    pub fn validated(&self) -> Result<AgreementTerms, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        self.check_durations(&mut errors);
        let signature_place = optional_text(
            &mut errors,
            "signaturePlace",
            &self.signature_place,
            TERMS_PLACE_MAX,
        );
        if let Some(date) = self.signature_date {
            plausible_date(
                &mut errors,
                "signatureDate",
                date,
                "Cette date de signature semble erronée\u{a0}: vérifiez l’année.",
            );
        }
        if let Some(copies) = self.copies {
            if !(1..=TERMS_MAX_COPIES).contains(&copies) {
                errors.push(
                    "copies",
                    format!("Indiquez entre 1 et {TERMS_MAX_COPIES} exemplaires originaux."),
                );
            }
        }
        let court = optional_text(&mut errors, "court", &self.court, TERMS_COURT_MAX);
        errors.into_result(AgreementTerms {
            duration_months: self.duration_months,
            tacit_renewal: self.tacit_renewal,
            notice_months: self.notice_months,
            signature_place,
            signature_date: self.signature_date,
            copies: self.copies,
            court,
        })
    }

    fn check_durations(&self, errors: &mut ValidationErrors) {
        let duration = self.duration_months;
        match duration {
            Some(months) if !(1..=TERMS_MAX_DURATION_MONTHS).contains(&months) => errors.push(
                "durationMonths",
                format!(
                    "Indiquez une durée de 1 à {TERMS_MAX_DURATION_MONTHS}\u{a0}mois (10\u{a0}ans au plus)."
                ),
            ),
            None if self.tacit_renewal => errors.push(
                "durationMonths",
                "Indiquez la durée\u{a0}: une reconduction tacite renouvelle la convention pour la même durée.",
            ),
            _ => {}
        }
        let Some(notice) = self.notice_months else {
            return;
        };
        if notice > TERMS_MAX_NOTICE_MONTHS {
            errors.push(
                "noticeMonths",
                format!("Indiquez un préavis de 0 à {TERMS_MAX_NOTICE_MONTHS}\u{a0}mois."),
            );
        } else if let Some(months) =
            duration.filter(|m| (1..=TERMS_MAX_DURATION_MONTHS).contains(m))
        {
            if notice >= months {
                errors.push(
                    "noticeMonths",
                    format!(
                        "Le préavis doit être plus court que la durée de la convention ({months}\u{a0}mois)."
                    ),
                );
            }
        }
    }
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
        let purpose = optional_multiline_text(&mut errors, "purpose", &self.purpose, 5000);
        let territory = optional_text(&mut errors, "territory", &self.territory, 300);
        if let Some(date) = self.start_date {
            plausible_date(
                &mut errors,
                "startDate",
                date,
                "Cette date de début semble erronée : vérifiez l’année.",
            );
        }
        let terms = self.terms.validated().unwrap_or_else(|e| {
            errors.extend_prefixed("terms", e);
            self.terms.clone()
        });
        errors.into_result(AllianceDraft {
            name,
            purpose,
            territory,
            start_date: self.start_date,
            status: self.status,
            terms,
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

    fn with_terms(terms: AgreementTerms) -> Result<AllianceDraft, ValidationErrors> {
        AllianceDraft {
            name: "A".into(),
            terms,
            ..Default::default()
        }
        .validated()
    }

    fn fields(err: &ValidationErrors) -> Vec<&str> {
        err.0.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn terms_are_optional_and_texts_trimmed() {
        let ok = with_terms(AgreementTerms::default()).expect("no terms");
        assert_eq!(ok.terms, AgreementTerms::default());
        let ok = with_terms(AgreementTerms {
            duration_months: Some(36),
            tacit_renewal: true,
            notice_months: Some(3),
            signature_place: Some("  Lyon ".into()),
            signature_date: NaiveDate::from_ymd_opt(2027, 3, 3),
            copies: Some(6),
            court: Some(" ".into()),
        })
        .expect("valid terms");
        assert_eq!(ok.terms.signature_place.as_deref(), Some("Lyon"));
        assert_eq!(ok.terms.court, None);
        assert_eq!(ok.terms.duration_months, Some(36));
        assert!(ok.terms.tacit_renewal);
    }

    #[test]
    fn duration_is_one_to_one_hundred_twenty_months() {
        for (months, valid) in [
            (0, false),
            (1, true),
            (120, true),
            (121, false),
            (u32::MAX, false),
        ] {
            let result = with_terms(AgreementTerms {
                duration_months: Some(months),
                ..Default::default()
            });
            assert_eq!(result.is_ok(), valid, "{months}");
            if let Err(err) = result {
                assert_eq!(fields(&err), vec!["terms.durationMonths"]);
                assert_eq!(
                    err.0[0].message,
                    "Indiquez une durée de 1 à 120\u{a0}mois (10\u{a0}ans au plus)."
                );
            }
        }
    }

    #[test]
    fn tacit_renewal_needs_a_duration() {
        let err = with_terms(AgreementTerms {
            tacit_renewal: true,
            ..Default::default()
        })
        .expect_err("renewal without duration");
        assert_eq!(fields(&err), vec!["terms.durationMonths"]);
        assert!(err.0[0].message.contains("même durée"));
    }

    #[test]
    fn notice_is_at_most_two_years_and_shorter_than_the_duration() {
        let notice = |duration: Option<u32>, notice: u32| {
            with_terms(AgreementTerms {
                duration_months: duration,
                notice_months: Some(notice),
                ..Default::default()
            })
        };
        assert!(notice(None, 0).is_ok());
        assert!(notice(None, 24).is_ok());
        assert!(notice(Some(36), 3).is_ok());
        assert!(notice(Some(12), 11).is_ok());
        let err = notice(None, 25).expect_err("25 months");
        assert_eq!(fields(&err), vec!["terms.noticeMonths"]);
        assert_eq!(err.0[0].message, "Indiquez un préavis de 0 à 24\u{a0}mois.");
        let err = notice(Some(12), 12).expect_err("as long as the duration");
        assert_eq!(fields(&err), vec!["terms.noticeMonths"]);
        assert_eq!(
            err.0[0].message,
            "Le préavis doit être plus court que la durée de la convention (12\u{a0}mois)."
        );
        let err = notice(Some(6), 18).expect_err("longer than the duration");
        assert_eq!(fields(&err), vec!["terms.noticeMonths"]);
        // A wrong duration is reported alone: the notice is not compared with it.
        let err = notice(Some(0), 3).expect_err("zero duration");
        assert_eq!(fields(&err), vec!["terms.durationMonths"]);
    }

    #[test]
    fn place_date_copies_and_court_are_checked() {
        let err = with_terms(AgreementTerms {
            signature_place: Some("x".repeat(101)),
            signature_date: NaiveDate::from_ymd_opt(207, 3, 3),
            copies: Some(0),
            court: Some("t".repeat(151)),
            ..Default::default()
        })
        .expect_err("every term wrong");
        assert_eq!(
            fields(&err),
            vec![
                "terms.signaturePlace",
                "terms.signatureDate",
                "terms.copies",
                "terms.court"
            ]
        );
        assert!(err.0[1].message.contains("vérifiez l’année"));
        assert_eq!(
            err.0[2].message,
            "Indiquez entre 1 et 50 exemplaires originaux."
        );
        assert!(with_terms(AgreementTerms {
            copies: Some(51),
            ..Default::default()
        })
        .is_err());
        assert!(with_terms(AgreementTerms {
            signature_place: Some("x".repeat(100)),
            court: Some("t".repeat(150)),
            copies: Some(50),
            ..Default::default()
        })
        .is_ok());
        let err = with_terms(AgreementTerms {
            court: Some("tribunal\u{0}".into()),
            ..Default::default()
        })
        .expect_err("control character");
        assert_eq!(fields(&err), vec!["terms.court"]);
    }

    #[test]
    fn unset_terms_are_left_out_of_the_json() {
        let bare = AllianceDraft {
            name: "A".into(),
            ..Default::default()
        };
        let json = serde_json::to_string(&bare).expect("json");
        assert!(!json.contains("terms"), "{json}");
        let read: AllianceDraft = serde_json::from_str(&json).expect("read");
        assert_eq!(read, bare);
        let with = AllianceDraft {
            terms: AgreementTerms {
                copies: Some(2),
                ..Default::default()
            },
            ..bare
        };
        let json = serde_json::to_string(&with).expect("json");
        assert!(
            json.contains("\"terms\":{\"durationMonths\":null"),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<AllianceDraft>(&json).expect("read"),
            with
        );
    }

    #[test]
    fn terms_errors_come_with_the_other_fields() {
        let err = AllianceDraft {
            terms: AgreementTerms {
                copies: Some(0),
                ..Default::default()
            },
            ..Default::default()
        }
        .validated()
        .expect_err("no name, no copies");
        assert_eq!(fields(&err), vec!["name", "terms.copies"]);
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
