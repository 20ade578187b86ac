//! The tests of the measurements CSV: shared indicators, measurements and files, one module per behaviour.

mod lines;
mod properties;
mod reading;
mod values;
mod writing;

use chrono::{NaiveDate, TimeZone, Utc};

use super::cells::{
    decode, format_computed, format_number, guard_text, parse_date, parse_number, unguard_text,
    DateRefusal, NumberRefusal,
};
use super::*;
use crate::evaluation::{
    Indicator, IndicatorAggregation, IndicatorDirection, IndicatorDraft, IndicatorView,
    Measurement, MeasurementDraft,
};
use crate::objectives::{ObjectiveLevel, ObjectiveRef};

const ALLIANCE: &str = "00000000-0000-4000-8000-000000000001";
const OBJECTIVE: &str = "00000000-0000-4000-8000-0000000000a1";
const VOLUNTEERS: &str = "00000000-0000-4000-8000-000000000011";
const COSTS: &str = "00000000-0000-4000-8000-000000000012";
const RETURN_RATE: &str = "00000000-0000-4000-8000-000000000013";

/// The day the files are read: after every measurement of the tests.
const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn indicator(
    id: &str,
    position: u32,
    name: &str,
    unit: &str,
    aggregation: IndicatorAggregation,
) -> Indicator {
    let falling = id == COSTS;
    let at = Utc
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .single()
        .expect("time");
    Indicator {
        id: id.to_string(),
        alliance_id: ALLIANCE.to_string(),
        position,
        created_at: at,
        updated_at: at,
        draft: IndicatorDraft {
            objective: ObjectiveRef {
                level: ObjectiveLevel::Operational,
                id: OBJECTIVE.to_string(),
            },
            name: name.to_string(),
            unit: unit.to_string(),
            aggregation,
            direction: if falling {
                IndicatorDirection::LowerIsBetter
            } else {
                IndicatorDirection::HigherIsBetter
            },
            baseline_value: if falling { 100_000.0 } else { 0.0 },
            baseline_date: day(2025, 12, 1),
            target_value: if falling { 85_000.0 } else { 60.0 },
            target_date: day(2026, 12, 1),
            owner_partner_id: Some("00000000-0000-4000-8000-0000000000b1".to_string()),
            owner_person: Some("Marie Dupont".to_string()),
            source_reference: Some("=HYPERLINK(\"http://x\")".to_string()),
            ..IndicatorDraft::default()
        },
    }
}

fn indicators() -> Vec<Indicator> {
    vec![
        indicator(
            VOLUNTEERS,
            0,
            "Bénévoles formés",
            "personnes",
            IndicatorAggregation::PerPeriod,
        ),
        indicator(
            COSTS,
            1,
            "Coûts administratifs",
            "€",
            IndicatorAggregation::Cumulative,
        ),
        indicator(
            RETURN_RATE,
            2,
            "Taux de retour; enquête",
            "%",
            IndicatorAggregation::Rate,
        ),
    ]
}

fn measurement(n: u32, draft: MeasurementDraft) -> Measurement {
    let at = Utc
        .with_ymd_and_hms(2026, 2, 1, 9, 0, n)
        .single()
        .expect("time");
    Measurement {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        alliance_id: ALLIANCE.to_string(),
        created_at: at,
        updated_at: at,
        draft,
    }
}

fn draft(indicator: &str, date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: indicator.to_string(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

/// Measurements whose texts and figures test the writing: « ; », quotes and a line
/// break in a comment, texts a spreadsheet would run, three decimals, negative and tiny
/// figures, a rate.
fn measurements() -> Vec<MeasurementDraft> {
    vec![
        MeasurementDraft {
            comment: Some("Session « accueil »; 2 groupes\nsuite \"prévue\"".to_string()),
            source: Some("Feuille d’émargement".to_string()),
            ..draft(VOLUNTEERS, day(2026, 1, 15), 12.0)
        },
        MeasurementDraft {
            comment: Some("=SOMME(A1:A3)".to_string()),
            source: Some("-10 % selon l’enquête".to_string()),
            ..draft(VOLUNTEERS, day(2026, 2, 15), 1.234)
        },
        MeasurementDraft {
            comment: Some("'=déjà protégé".to_string()),
            source: Some("@référence".to_string()),
            ..draft(VOLUNTEERS, day(2026, 3, 15), 0.1)
        },
        draft(COSTS, day(2026, 1, 31), 98765.4321),
        draft(COSTS, day(2026, 2, 28), -3.5),
        draft(COSTS, day(2026, 3, 31), 1e-9),
        MeasurementDraft {
            numerator: Some(2.0),
            denominator: Some(3.0),
            ..draft(RETURN_RATE, day(2026, 6, 30), 200.0 / 3.0)
        },
    ]
}

fn views(indicators: &[Indicator], drafts: &[MeasurementDraft]) -> Vec<IndicatorView> {
    indicators
        .iter()
        .map(|indicator| {
            let mine: Vec<MeasurementDraft> = drafts
                .iter()
                .filter(|m| m.indicator_id == indicator.id)
                .cloned()
                .collect();
            IndicatorView {
                indicator: indicator.clone(),
                measurements: mine
                    .iter()
                    .enumerate()
                    .map(|(n, d)| measurement(n as u32 + 1, d.clone()))
                    .collect(),
                progress: crate::evaluation::indicator_progress(
                    &indicator.draft,
                    &mine,
                    day(2026, 7, 1),
                ),
                series: crate::evaluation::combined_series(
                    &indicator.draft,
                    &mine,
                    day(2026, 7, 1),
                ),
            }
        })
        .collect()
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// « Ligne 3, Date » for each error, to compare at a glance.
fn places(import: &MeasurementsImport) -> Vec<(u32, Option<String>)> {
    import
        .errors
        .iter()
        .map(|e| (e.line, e.column.clone()))
        .collect()
}

const HEADER: &str = "Indicateur;Identifiant de l’indicateur;Unité;Date;Valeur;Numérateur;Dénominateur;Commentaire;Source";

fn file(lines: &[&str]) -> Vec<u8> {
    let mut text = String::from("\u{feff}");
    text.push_str(&lines.join("\n"));
    text.push('\n');
    text.into_bytes()
}
