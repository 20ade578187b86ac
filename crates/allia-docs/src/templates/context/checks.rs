//! The « À vérifier » items the context raises by itself: too few originals, a
//! signature date that cannot be right, two parties with the same short name.

use chrono::{Datelike, Months, NaiveDate};

use super::commitments::Source;
use super::Party;
use crate::templates::party::quoted;
use crate::templates::typography::format_date;
use crate::templates::Check;

/// Earliest plausible signature date: a convention Allia prepares is not signed before.
const SIGNATURE_EARLIEST_YEAR: i32 = 2000;
/// A signature further ahead than this many years is taken for a typo.
const SIGNATURE_AHEAD_YEARS_MAX: u32 = 5;

/// Each party signs and keeps an original: fewer originals than parties (set by the
/// document's settings or the alliance's terms; by default there are as many) leaves a
/// party without one.
pub(super) fn copies_check(copies: Option<u32>, parties: usize, checks: &mut Vec<Check>) {
    let Some(copies) = copies else { return };
    if (copies as usize) < parties {
        let originals = if copies == 1 {
            "1 exemplaire".to_string()
        } else {
            format!("{copies} exemplaires")
        };
        checks.push(Check {
            message: format!(
                "{originals} pour {parties} parties\u{a0}: chaque partie doit recevoir un \
                 original signé. Prévoyez au moins {parties} exemplaires originaux."
            ),
            target: None,
        });
    }
}

/// « À vérifier » items about a signature date that cannot be right or is unlikely:
/// after the end of the term (start date plus duration, the day before: the
/// convention would be signed once over), more than a year before the alliance's start,
/// before 2000, or more than five years after `today` (the document's creation date).
pub(super) fn signature_date_checks(
    signature: Option<NaiveDate>,
    start: Option<NaiveDate>,
    duration_months: Option<u32>,
    today: NaiveDate,
    checks: &mut Vec<Check>,
) {
    let Some(signature) = signature else { return };
    let signed = format_date(signature);
    let end = start.zip(duration_months).and_then(|(start, months)| {
        start
            .checked_add_months(Months::new(months))?
            .checked_sub_days(chrono::Days::new(1))
    });
    let mut push = |message: String| {
        checks.push(Check {
            message,
            target: None,
        })
    };
    if let Some(end) = end.filter(|end| signature > *end) {
        push(format!(
            "La date de signature ({signed}) tombe après la fin de la convention \
             ({})\u{a0}: une convention ne se signe pas une fois terminée. Vérifiez la date \
             de signature, la date de début ou la durée de l’alliance.",
            format_date(end)
        ));
    }
    let year_before_start = start.and_then(|start| start.checked_sub_months(Months::new(12)));
    if let (Some(start), Some(limit)) = (start, year_before_start) {
        if signature < limit {
            push(format!(
                "La date de signature ({signed}) précède de plus d’un an le début de \
                 l’alliance ({})\u{a0}: vérifiez l’une ou l’autre.",
                format_date(start)
            ));
        }
    }
    if signature.year() < SIGNATURE_EARLIEST_YEAR {
        push(format!(
            "La date de signature ({signed}) est antérieure à {SIGNATURE_EARLIEST_YEAR}\u{a0}: \
             vérifiez-la."
        ));
    }
    let ahead = today.checked_add_months(Months::new(12 * SIGNATURE_AHEAD_YEARS_MAX));
    if ahead.is_some_and(|ahead| signature > ahead) {
        push(format!(
            "La date de signature ({signed}) est à plus de {SIGNATURE_AHEAD_YEARS_MAX} ans \
             d’aujourd’hui\u{a0}: vérifiez-la."
        ));
    }
}

/// Two parties with the same short name cannot be told apart in the text (« ci-après
/// dénommée « l’Association » » twice): one check per party whose short name an earlier
/// party already has, pointing to it. Compared without case, accents or punctuation
/// (`allia_core::text::collation_key`: « le Comité » and « le comite » are confused).
pub(super) fn short_name_checks(
    parties: &[Party],
    sources: &[Source<'_>],
    checks: &mut Vec<Check>,
) {
    let key = |p: &Party| allia_core::text::collation_key(&p.short_name);
    for (j, (later, source)) in parties.iter().zip(sources).enumerate() {
        let name = key(later);
        if name.is_empty() {
            continue;
        }
        if let Some(earlier) = parties[..j].iter().find(|p| key(p) == name) {
            checks.push(Check {
                message: format!(
                    "{} et {} ont le même nom court, {}\u{a0}: le contrat ne peut pas les \
                     distinguer. Donnez à l’une d’elles un autre nom court.",
                    quoted(&earlier.name),
                    quoted(&later.name),
                    quoted(&later.short_name)
                ),
                target: Some(source.target()),
            });
        }
    }
}
