//! Payment schedules proposed to the user: an amount split evenly into instalments that
//! add up exactly, dated after the ones already typed.

use chrono::NaiveDate;

use super::validation::positive_amount;
use super::{FinancialContribution, Instalment, INSTALMENTS_MAX};
use crate::validation::ValidationErrors;

/// `amount_cents` split into `count` instalments that add up exactly: equal shares,
/// the cents left over given one each to the first instalments (100,00 € in three:
/// 33,34 €, 33,33 €, 33,33 €). Empty when `count` is 0. A negative amount splits the
/// same way (its shares are negative).
pub fn even_split(amount_cents: i64, count: usize) -> Vec<i64> {
    let Ok(n) = i64::try_from(count) else {
        return Vec::new();
    };
    if n == 0 {
        return Vec::new();
    }
    let base = amount_cents.div_euclid(n);
    let remainder = amount_cents.rem_euclid(n);
    (0..n)
        .map(|i| if i < remainder { base + 1 } else { base })
        .collect()
}

/// The instalments proposed to pay `contribution` in `count` payments: the amounts of
/// [`even_split`] (they add up exactly), the dates of its current instalments kept in
/// order, and each further one dated after the last by the same number of months as the
/// last two dated instalments are apart (one month when fewer than two are dated;
/// undated when none is).
///
/// # Errors
/// `count` outside 1 to [`INSTALMENTS_MAX`] (field `count`); an amount that
/// [`CommitmentsDraft::validated`](super::CommitmentsDraft::validated) would refuse
/// (field `amountCents`).
pub fn propose_instalments(
    contribution: &FinancialContribution,
    count: u32,
) -> Result<Vec<Instalment>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    if !(1..=INSTALMENTS_MAX).contains(&count) {
        errors.push(
            "count",
            format!("Indiquez un nombre de versements entre 1 et {INSTALMENTS_MAX}."),
        );
    }
    positive_amount(&mut errors, "amountCents", contribution.amount_cents);
    if !errors.is_empty() {
        return Err(errors);
    }
    let known: Vec<NaiveDate> = contribution
        .schedule
        .instalments()
        .iter()
        .filter_map(|i| i.date)
        .collect();
    let step = match known.as_slice() {
        [.., before, last] => {
            use chrono::Datelike;
            let months =
                (last.year() - before.year()) * 12 + last.month() as i32 - before.month() as i32;
            u32::try_from(months).ok().filter(|&m| m > 0).unwrap_or(1)
        }
        _ => 1,
    };
    let current = contribution.schedule.instalments();
    let mut previous: Option<NaiveDate> = None;
    Ok(even_split(contribution.amount_cents, count)
        .into_iter()
        .enumerate()
        .map(|(i, amount_cents)| {
            let date = match current.get(i).and_then(|c| c.date) {
                Some(date) => Some(date),
                None => previous.and_then(|p| p.checked_add_months(chrono::Months::new(step))),
            };
            previous = date.or(previous);
            Instalment { date, amount_cents }
        })
        .collect())
}
