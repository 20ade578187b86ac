//! Writing the measurements file and the indicators table.

use chrono::NaiveDate;

use super::cells::{format_computed, format_date, format_number, guard_text, UTF8_BOM};
use super::{ExportNames, INDICATOR_COLUMNS, MEASUREMENT_COLUMNS};
use crate::evaluation::overview::IndicatorView;
use crate::evaluation::progress::indicator_progress;
use crate::evaluation::records::MeasurementDraft;

/// A writer set for French spreadsheets: « ; », quoting only what needs it, CRLF.
fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(::csv::QuoteStyle::Necessary)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(UTF8_BOM.to_vec())
}

/// The bytes written. Writing to memory fails only if a record's length differs from the
/// header's, which every caller here rules out; the bytes written so far are kept then.
fn finish(mut writer: ::csv::Writer<Vec<u8>>, rows: Vec<Vec<String>>) -> Vec<u8> {
    for row in rows {
        if writer.write_record(&row).is_err() {
            break;
        }
    }
    // Flushing into memory cannot fail.
    writer.into_inner().unwrap_or_default()
}

fn optional_number(value: Option<f64>) -> String {
    value.map(format_number).unwrap_or_default()
}

/// The measurements file: one line per measurement, in the order of the indicators then
/// by date (the overview's), with [`MEASUREMENT_COLUMNS`]; the file [`super::parse_measurements`]
/// reads back to the same measurements.
pub fn export_measurements(indicators: &[IndicatorView]) -> Vec<u8> {
    let writer = writer();
    let header: Vec<String> = MEASUREMENT_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut rows = vec![header];
    for view in indicators {
        let indicator = &view.indicator;
        for measurement in &view.measurements {
            let m = &measurement.draft;
            rows.push(vec![
                guard_text(&indicator.draft.name),
                indicator.id.clone(),
                guard_text(&indicator.draft.unit),
                format_date(m.date),
                format_number(m.value),
                optional_number(m.numerator),
                optional_number(m.denominator),
                guard_text(m.comment.as_deref().unwrap_or_default()),
                guard_text(m.source.as_deref().unwrap_or_default()),
            ]);
        }
    }
    finish(writer, rows)
}

/// The indicators table, one line per indicator in the alliance's order, with
/// [`INDICATOR_COLUMNS`]: the labels of the closed lists, the objective's and the owner's
/// names from `names`, and « Valeur actuelle », « Date de la valeur actuelle » and
/// « Statut » from `indicator_progress` as of `today` (the value compared with the
/// target: the measurements combined by the indicator's aggregation).
pub fn export_indicators(
    indicators: &[IndicatorView],
    names: &ExportNames,
    today: NaiveDate,
) -> Vec<u8> {
    let writer = writer();
    let header: Vec<String> = INDICATOR_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut rows = vec![header];
    for view in indicators {
        let indicator = &view.indicator;
        let draft = &indicator.draft;
        let measurements: Vec<MeasurementDraft> =
            view.measurements.iter().map(|m| m.draft.clone()).collect();
        let progress = indicator_progress(draft, &measurements, today);
        let objective = names
            .objectives
            .get(&draft.objective.id)
            .cloned()
            .unwrap_or_default();
        let partner = draft
            .owner_partner_id
            .as_ref()
            .and_then(|id| names.partners.get(id));
        let owner = match (partner, &draft.owner_person) {
            (Some(partner), Some(person)) => format!("{partner} — {person}"),
            (Some(partner), None) => partner.clone(),
            (None, Some(person)) => person.clone(),
            (None, None) => String::new(),
        };
        rows.push(vec![
            guard_text(&draft.name),
            indicator.id.clone(),
            guard_text(&objective),
            draft.level.label().to_string(),
            guard_text(&draft.unit),
            draft.direction.label().to_string(),
            draft.aggregation.label().to_string(),
            format_number(draft.baseline_value),
            format_date(draft.baseline_date),
            format_number(draft.target_value),
            format_date(draft.target_date),
            progress
                .current_value
                .map(format_computed)
                .unwrap_or_default(),
            progress.current_date.map(format_date).unwrap_or_default(),
            progress.status.label().to_string(),
            draft.frequency.label().to_string(),
            guard_text(&owner),
            draft.data_source.label().to_string(),
            guard_text(draft.source_reference.as_deref().unwrap_or_default()),
            draft.method.label().to_string(),
        ]);
    }
    finish(writer, rows)
}
