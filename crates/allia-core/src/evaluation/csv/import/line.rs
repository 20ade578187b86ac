//! One line of a file of measurements: each cell read, the indicator found by id or name,
//! then the measurement checked and compared with what the alliance has recorded.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::evaluation::csv::cells::{
    format_date, format_number, parse_date, parse_number, unguard_text,
};
use crate::evaluation::csv::MeasurementPreviewRow;
use crate::evaluation::kinds::IndicatorAggregation;
use crate::evaluation::records::{Indicator, Measurement, MeasurementDraft};
use crate::evaluation::units::{same_unit, unit_mismatch_message};
use crate::text::collation_key;

use super::{Column, Errors};

/// The alliance's indicators by id and by name, and its measurements by indicator and
/// date.
pub(super) struct Lookup<'a> {
    by_id: HashMap<&'a str, &'a Indicator>,
    by_name: HashMap<String, Vec<&'a Indicator>>,
    recorded: HashMap<(&'a str, chrono::NaiveDate), Vec<&'a MeasurementDraft>>,
}

impl<'a> Lookup<'a> {
    pub(super) fn new(indicators: &'a [Indicator], recorded: &'a [Measurement]) -> Lookup<'a> {
        let mut by_name: HashMap<String, Vec<&Indicator>> = HashMap::new();
        for indicator in indicators {
            let key = collation_key(&indicator.draft.name);
            if !key.is_empty() {
                by_name.entry(key).or_default().push(indicator);
            }
        }
        let mut by_day: HashMap<(&str, chrono::NaiveDate), Vec<&MeasurementDraft>> = HashMap::new();
        for m in recorded {
            by_day
                .entry((m.draft.indicator_id.as_str(), m.draft.date))
                .or_default()
                .push(&m.draft);
        }
        Lookup {
            by_id: indicators.iter().map(|i| (i.id.as_str(), i)).collect(),
            by_name,
            recorded: by_day,
        }
    }
}

/// One line: its preview row, and its measurement when every cell read.
pub(super) fn read_line(
    errors: &mut Errors,
    lookup: &Lookup,
    record: &::csv::StringRecord,
    line: u32,
    separator: u8,
    today: NaiveDate,
) -> (MeasurementPreviewRow, Option<MeasurementDraft>) {
    let header = errors.header;
    let cell = |column: Column| -> String {
        header
            .position(column)
            .and_then(|i| record.get(i))
            .map(|c| unguard_text(c.trim()).to_string())
            .unwrap_or_default()
    };
    let mut row = MeasurementPreviewRow {
        line,
        indicator: cell(Column::Indicator),
        unit: cell(Column::Unit),
        date: cell(Column::Date),
        value: cell(Column::Value),
        numerator: cell(Column::Numerator),
        denominator: cell(Column::Denominator),
        comment: cell(Column::Comment),
        source: cell(Column::Source),
        has_error: false,
        already_recorded: false,
    };
    let expected = header.columns.len();
    let extra_empty = record.iter().skip(expected).all(|c| c.trim().is_empty());
    if record.len() < expected || !extra_empty {
        let shown = if separator == b'\t' {
            "tabulation".to_string()
        } else {
            format!("«\u{a0}{}\u{a0}»", char::from(separator))
        };
        errors.at(
            line,
            None,
            format!(
                "Cette ligne a {} cellules, la première ligne en nomme {expected} (séparateur \
                 {shown})\u{a0}: vérifiez les séparateurs et les guillemets.",
                record.len()
            ),
        );
        if row.indicator.is_empty() {
            row.indicator = cell(Column::IndicatorId);
        }
        return (row, None);
    }
    let before = errors.list.len();
    let indicator = find_indicator(
        errors,
        lookup,
        line,
        &cell(Column::IndicatorId),
        &row.indicator,
    );
    if let Some(indicator) = indicator {
        row.indicator = indicator.draft.name.clone();
        if !row.unit.is_empty() && !same_unit(&row.unit, &indicator.draft.unit) {
            errors.at(
                line,
                Some(Column::Unit),
                unit_mismatch_message(&indicator.draft.unit, &row.unit),
            );
        }
    } else if row.indicator.is_empty() {
        row.indicator = cell(Column::IndicatorId);
    }
    let date = match parse_date(&row.date) {
        Ok(Some(date)) => Some(date),
        Ok(None) => {
            errors.at(
                line,
                Some(Column::Date),
                "Indiquez la date de la mesure (JJ/MM/AAAA).",
            );
            None
        }
        Err(refusal) => {
            errors.at(line, Some(Column::Date), refusal.message(&row.date));
            None
        }
    };
    let mut number = |column: Column, text: &str| match parse_number(text) {
        Ok(value) => value,
        Err(refusal) => {
            errors.at(line, Some(column), refusal.message(text));
            None
        }
    };
    let value = number(Column::Value, &row.value);
    let numerator = number(Column::Numerator, &row.numerator);
    let denominator = number(Column::Denominator, &row.denominator);
    let Some(indicator) = indicator else {
        return (row, None);
    };
    let rate = indicator.draft.aggregation == IndicatorAggregation::Rate;
    if rate {
        if let (Some(value), Some(n), Some(d)) = (value, numerator, denominator) {
            if d > 0.0 && (value - 100.0 * n / d).abs() > 0.005 {
                errors.at(
                    line,
                    Some(Column::Value),
                    format!(
                        "La valeur ({}) n’est pas le taux du numérateur sur le dénominateur \
                         ({}\u{a0}%)\u{a0}: corrigez-la ou laissez-la vide.",
                        row.value,
                        format_number((10_000.0 * n / d).round() / 100.0)
                    ),
                );
            }
        }
    } else {
        if value.is_none() && row.value.is_empty() {
            errors.at(line, Some(Column::Value), "Indiquez la valeur mesurée.");
        }
        for (column, given) in [
            (Column::Numerator, &row.numerator),
            (Column::Denominator, &row.denominator),
        ] {
            if !given.is_empty() {
                errors.at(
                    line,
                    Some(column),
                    format!(
                        "«\u{a0}{}\u{a0}» n’est pas un taux\u{a0}: laissez le numérateur et le \
                         dénominateur vides.",
                        indicator.draft.name
                    ),
                );
            }
        }
    }
    if errors.list.len() > before {
        return (row, None);
    }
    let Some(date) = date else {
        return (row, None);
    };
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    let draft = MeasurementDraft {
        indicator_id: indicator.id.clone(),
        date,
        value: value.unwrap_or_default(),
        numerator,
        denominator,
        comment: optional(&row.comment),
        source: optional(&row.source),
    };
    let draft = match draft.validated(indicator.draft.aggregation) {
        Ok(draft) => draft,
        Err(field_errors) => {
            for e in field_errors.0 {
                errors.at(line, Column::of_field(&e.field), e.message);
            }
            return (row, None);
        }
    };
    let context = draft.context_errors(&indicator.draft, today);
    if !context.is_empty() {
        for e in context.0 {
            errors.at(line, Column::of_field(&e.field), e.message);
        }
        return (row, None);
    }
    if let Some(same_day) = lookup.recorded.get(&(indicator.id.as_str(), date)) {
        if same_day.iter().any(|m| repeats(m, &draft)) {
            row.already_recorded = true;
            return (row, Some(draft));
        }
        let values: Vec<String> = same_day.iter().map(|m| format_number(m.value)).collect();
        errors.at(
            line,
            Some(Column::Date),
            format!(
                "«\u{a0}{}\u{a0}» a déjà une autre mesure au {} (valeur {})\u{a0}: un import ajoute \
                 des mesures et n’en remplace aucune. Retirez la ligne, ou modifiez la mesure dans \
                 l’application.",
                indicator.draft.name,
                format_date(date),
                values.join(", ")
            ),
        );
        return (row, None);
    }
    (row, Some(draft))
}

/// The indicator of a line: by its id when the line gives one (and then the name, if
/// given too, must be that indicator's), else by its name's collation key, which must
/// name exactly one indicator.
fn find_indicator<'a>(
    errors: &mut Errors,
    lookup: &Lookup<'a>,
    line: u32,
    id: &str,
    name: &str,
) -> Option<&'a Indicator> {
    if !id.is_empty() {
        let Some(&indicator) = lookup.by_id.get(id) else {
            errors.at(
                line,
                Some(Column::IndicatorId),
                format!("Aucun indicateur de l’alliance n’a l’identifiant «\u{a0}{id}\u{a0}»."),
            );
            return None;
        };
        if !name.is_empty() && collation_key(name) != collation_key(&indicator.draft.name) {
            errors.at(
                line,
                Some(Column::Indicator),
                format!(
                    "L’identifiant désigne l’indicateur «\u{a0}{}\u{a0}», pas «\u{a0}{name}\u{a0}»\u{a0}: corrigez \
                     l’un ou l’autre, ou videz l’identifiant.",
                    indicator.draft.name
                ),
            );
            return None;
        }
        return Some(indicator);
    }
    if name.is_empty() {
        errors.at(
            line,
            Some(Column::Indicator),
            "Indiquez l’indicateur mesuré.",
        );
        return None;
    }
    match lookup.by_name.get(&collation_key(name)).map(Vec::as_slice) {
        Some([indicator]) => Some(indicator),
        Some(_) => {
            errors.at(
                line,
                Some(Column::Indicator),
                format!(
                    "Plusieurs indicateurs s’appellent «\u{a0}{name}\u{a0}»\u{a0}: indiquez \
                     l’identifiant de l’indicateur."
                ),
            );
            None
        }
        None => {
            errors.at(
                line,
                Some(Column::Indicator),
                format!("Indicateur inconnu\u{a0}: aucun indicateur de l’alliance ne s’appelle «\u{a0}{name}\u{a0}»."),
            );
            None
        }
    }
}

/// Whether `line` repeats `recorded`: same texts, and figures equal to 12 significant
/// digits — a spreadsheet keeps 15, so a measurement exported, saved by Excel and read
/// back is still recognised.
fn repeats(recorded: &MeasurementDraft, line: &MeasurementDraft) -> bool {
    let close = |a: f64, b: f64| a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs());
    let close_optional = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (a, b) => a == b,
    };
    recorded.indicator_id == line.indicator_id
        && recorded.date == line.date
        && close(recorded.value, line.value)
        && close_optional(recorded.numerator, line.numerator)
        && close_optional(recorded.denominator, line.denominator)
        && recorded.comment == line.comment
        && recorded.source == line.source
}
