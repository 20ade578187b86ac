//! The proximity log of one actor (guide step 3, « Tester la proximité relationnelle »:
//! « des échanges autour du projet serviront à apprécier la solidité des fondements de
//! la relation et à identifier les points de friction éventuels »): dated exchanges, each
//! with its kind, notes and the friction points it revealed.
//!
//! An entry records an exchange that **took place**: its date may not be after today
//! (the caller's local date, passed in, so the rule stays pure). A meeting still to come
//! is not yet a test of the relation, and a future date in a log is almost always a
//! typing slip (2027 for 2026).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kinds::ExchangeKind;
use crate::text::collation_key;
use crate::validation::{
    optional_multiline_text, plausible_date, text, too_many_message, ValidationErrors,
};

/// Longest notes of one exchange, in characters.
pub const EXCHANGE_NOTES_MAX: usize = 5000;
/// Longest friction point, in characters: a short phrase.
pub const FRICTION_POINT_MAX: usize = 200;
/// Most friction points of one exchange.
pub const FRICTION_POINTS_MAX: usize = 20;
/// Friction points looked at before dropping empty and repeated ones: beyond this the
/// list is refused outright, so a huge list costs nothing to check.
const FRICTION_POINTS_RECEIVED_MAX: usize = 100;

/// What the user writes about one exchange with an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExchangeEntryDraft {
    /// The day the exchange took place (no time zone: a day in the association's life).
    pub date: NaiveDate,
    pub kind: ExchangeKind,
    /// What was said, multi-line, at most [`EXCHANGE_NOTES_MAX`] characters.
    #[serde(default)]
    pub notes: Option<String>,
    /// The « points de friction » the exchange revealed: short one-line texts, at most
    /// [`FRICTION_POINTS_MAX`] of [`FRICTION_POINT_MAX`] characters.
    #[serde(default)]
    pub friction_points: Vec<String>,
}

impl ExchangeEntryDraft {
    /// The entry cleaned and checked: notes through [`crate::text::clean_multiline`],
    /// each friction point through [`crate::text::clean`] and trimmed; empty points
    /// dropped (the last empty line of a list being typed), and repeated ones (same
    /// [`collation_key`]) kept once, in the order written.
    ///
    /// # Errors
    /// French field errors on `date` (after `today`, or a year outside 1900–2200),
    /// `notes` (too long, a control character), `frictionPoints` (too many) and
    /// `frictionPoints.N` (N counted from 1 in the list received: too long, a control
    /// character).
    pub fn validated(&self, today: NaiveDate) -> Result<ExchangeEntryDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        plausible_date(
            &mut errors,
            "date",
            self.date,
            "Cette date semble erronée\u{a0}: vérifiez l’année.",
        );
        if self.date > today && errors.is_empty() {
            errors.push(
                "date",
                "Cet échange est daté d’après aujourd’hui\u{a0}: notez-le une fois qu’il a eu lieu.",
            );
        }
        let notes = optional_multiline_text(&mut errors, "notes", &self.notes, EXCHANGE_NOTES_MAX);
        let friction_points = friction_points(&mut errors, &self.friction_points);
        errors.into_result(ExchangeEntryDraft {
            date: self.date,
            kind: self.kind,
            notes,
            friction_points,
        })
    }
}

fn friction_points(errors: &mut ValidationErrors, received: &[String]) -> Vec<String> {
    if received.len() > FRICTION_POINTS_RECEIVED_MAX {
        errors.push(
            "frictionPoints",
            too_many_message("points de friction", FRICTION_POINTS_MAX, received.len()),
        );
        return Vec::new();
    }
    let mut kept: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for (i, point) in received.iter().enumerate() {
        let field = format!("frictionPoints.{}", i + 1);
        let before = errors.0.len();
        let point = text(errors, &field, point, None, FRICTION_POINT_MAX);
        if errors.0.len() > before || point.is_empty() {
            continue;
        }
        let key = collation_key(&point);
        if !key.is_empty() && keys.contains(&key) {
            continue;
        }
        keys.push(key);
        kept.push(point);
    }
    if kept.len() > FRICTION_POINTS_MAX {
        errors.push(
            "frictionPoints",
            too_many_message("points de friction", FRICTION_POINTS_MAX, kept.len()),
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid")
    }

    fn entry(date: NaiveDate) -> ExchangeEntryDraft {
        ExchangeEntryDraft {
            date,
            kind: ExchangeKind::Workshop,
            notes: None,
            friction_points: Vec::new(),
        }
    }

    #[test]
    fn an_exchange_is_cleaned_and_its_friction_points_tidied() {
        let draft = ExchangeEntryDraft {
            notes: Some("  Atelier de co-construction\r\n\tavec l’équipe.\u{feff} ".into()),
            friction_points: vec![
                " Calendrier\u{200b} des subventions ".into(),
                "".into(),
                "CALENDRIER DES SUBVENTIONS".into(),
                "Partage\tdes locaux".into(),
                "   ".into(),
            ],
            ..entry(day(2026, 11, 30))
        };
        let ok = draft.validated(day(2026, 11, 30)).expect("valid");
        assert_eq!(
            ok.notes.as_deref(),
            Some("Atelier de co-construction\n\tavec l’équipe.")
        );
        assert_eq!(
            ok.friction_points,
            ["Calendrier des subventions", "Partage des locaux"]
        );
        assert_eq!(ok.kind, ExchangeKind::Workshop);
    }

    #[test]
    fn a_future_date_is_refused_and_today_accepted() {
        let today = day(2026, 11, 30);
        assert!(entry(today).validated(today).is_ok());
        assert!(entry(day(2026, 1, 5)).validated(today).is_ok());
        let err = entry(day(2026, 12, 1))
            .validated(today)
            .expect_err("refused");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "date");
        assert_eq!(
            err.0[0].message,
            "Cet échange est daté d’après aujourd’hui\u{a0}: notez-le une fois qu’il a eu lieu."
        );
        let err = entry(day(1026, 11, 30))
            .validated(today)
            .expect_err("refused");
        assert_eq!(err.0[0].field, "date");
        assert!(err.0[0].message.contains("l’année"));
    }

    #[test]
    fn long_or_invisible_texts_are_refused_with_their_place() {
        let today = day(2026, 11, 30);
        let draft = ExchangeEntryDraft {
            notes: Some("x".repeat(EXCHANGE_NOTES_MAX + 1)),
            friction_points: vec![
                "ok".into(),
                "y".repeat(FRICTION_POINT_MAX + 1),
                "a\u{7}b".into(),
            ],
            ..entry(today)
        };
        let err = draft.validated(today).expect_err("refused");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["notes", "frictionPoints.2", "frictionPoints.3"]);
        assert!(err.0[2].message.contains("U+0007"));
    }

    #[test]
    fn too_many_friction_points_are_refused() {
        let today = day(2026, 11, 30);
        let many: Vec<String> = (0..=FRICTION_POINTS_MAX)
            .map(|i| format!("Point {i}"))
            .collect();
        let err = ExchangeEntryDraft {
            friction_points: many,
            ..entry(today)
        }
        .validated(today)
        .expect_err("refused");
        assert_eq!(err.0[0].field, "frictionPoints");
        assert_eq!(
            err.0[0].message,
            "Trop de points de friction\u{a0}: 20 au plus (21 en tout)."
        );
        // Repeats do not count towards the cap.
        let repeated: Vec<String> = (0..50).map(|_| "Même point".to_string()).collect();
        let ok = ExchangeEntryDraft {
            friction_points: repeated,
            ..entry(today)
        }
        .validated(today)
        .expect("valid");
        assert_eq!(ok.friction_points, ["Même point"]);
    }

    #[test]
    fn reads_from_json_in_camel_case() {
        let json = r#"{"date":"2026-11-02","kind":"call","frictionPoints":["Gouvernance"]}"#;
        let draft: ExchangeEntryDraft = serde_json::from_str(json).expect("valid");
        assert_eq!(draft.kind, ExchangeKind::Call);
        assert_eq!(draft.notes, None);
        assert_eq!(draft.friction_points, ["Gouvernance"]);
    }
}
