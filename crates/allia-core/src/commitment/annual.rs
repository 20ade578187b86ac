//! The annual amount of a public funder's subsidy, which the law compares with 23 000 €.
//!
//! Loi n° 2000-321 du 12 avril 2000, article 10, alinéa 3: an authority that grants a
//! subsidy above a threshold set by decree concludes a written convention with the
//! recipient. Décret n° 2001-495 du 6 juin 2001, article 1: « L’obligation de conclure
//! une convention […] s’applique aux subventions dont le montant annuel dépasse la somme
//! de 23 000 euros. » The amount compared is thus what one funder grants per year, not
//! the total of a multi-year convention.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::{is_public_funder, CommitmentsDraft, ContributionNature, PaymentSchedule};
use crate::partner::ActorType;

/// The threshold of the décret n° 2001-495 (article 1), in cents: a public funder whose
/// subsidy's annual amount ([`AnnualSubsidy::annual_cents`]) is above it (strictly)
/// must sign a written convention with the recipient.
pub const SUBSIDY_CONVENTION_THRESHOLD_CENTS: i64 = 2_300_000;

/// How [`annual_public_subsidy`] reckoned a funder's annual amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualBasis {
    /// The largest sum of the dated instalments falling in one calendar year: this year.
    CalendarYear(i32),
    /// No dated schedule, a term longer than 12 months: the total spread evenly over
    /// that many months.
    SpreadOverTerm(u32),
    /// No dated schedule and no term longer than a year: the total is paid within a
    /// year, so the annual amount is the total.
    Total,
}

/// A public funder's subsidy: its total and its annual amount, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnualSubsidy {
    /// Every subsidy of the funder, in cents.
    pub total_cents: i64,
    /// The amount the décret compares with [`SUBSIDY_CONVENTION_THRESHOLD_CENTS`], in
    /// cents (see [`annual_public_subsidy`]).
    pub annual_cents: i64,
    pub basis: AnnualBasis,
}

impl AnnualSubsidy {
    /// Whether the written convention of loi n° 2000-321, article 10, is required: the
    /// annual amount is above 23 000 € (décret n° 2001-495, article 1).
    pub fn requires_convention(&self) -> bool {
        self.annual_cents > SUBSIDY_CONVENTION_THRESHOLD_CENTS
    }
}

/// The annual amount of the subsidies one funder grants through `drafts` (all its
/// commitments in one alliance), for the 23 000 € rule (décret n° 2001-495 du 6 juin
/// 2001, article 1, applying loi n° 2000-321, article 10). `None` when the funder is not
/// a public funder ([`is_public_funder`]) or grants no subsidy.
///
/// - Paid by a dated schedule: the largest sum of its subsidy instalments falling in one
///   calendar year (25 000 € in 2026 and 15 000 € in 2027: 25 000 €).
/// - Otherwise, when the alliance's term (`term_months`) is known and longer than 12
///   months: the total spread over the term, total × 12 ÷ months rounded up to the cent
///   (40 000 € over 24 months: 20 000 €).
/// - Otherwise the total.
///
/// When some subsidies are scheduled and others are not (paid at signature, on
/// receipts), the busiest year of the schedule plus the annual share of the others, so
/// that a convention the law requires is never missed.
pub fn annual_public_subsidy(
    drafts: &[&CommitmentsDraft],
    funder: ActorType,
    term_months: Option<u32>,
) -> Option<AnnualSubsidy> {
    if !is_public_funder(funder) {
        return None;
    }
    let subsidies: Vec<_> = drafts
        .iter()
        .flat_map(|d| &d.financial)
        .filter(|f| f.nature == ContributionNature::Subsidy)
        .collect();
    let total_cents = subsidies
        .iter()
        .map(|f| f.amount_cents)
        .fold(0i64, i64::saturating_add);
    if subsidies.is_empty() || total_cents <= 0 {
        return None;
    }
    let mut by_year: BTreeMap<i32, i64> = BTreeMap::new();
    let mut unscheduled = 0i64;
    for subsidy in &subsidies {
        match &subsidy.schedule {
            PaymentSchedule::Instalments { instalments }
                if !instalments.is_empty() && instalments.iter().all(|i| i.date.is_some()) =>
            {
                for instalment in instalments {
                    if let Some(date) = instalment.date {
                        let year = by_year.entry(date.year()).or_insert(0);
                        *year = year.saturating_add(instalment.amount_cents);
                    }
                }
            }
            // A draft's undated rows say nothing of the year: spread like the rest.
            _ => unscheduled = unscheduled.saturating_add(subsidy.amount_cents),
        }
    }
    let spread = term_months.filter(|m| *m > 12);
    let unscheduled_annual = match spread {
        Some(months) => spread_over(unscheduled, months),
        None => unscheduled,
    };
    // The busiest year, the earliest one on a tie.
    let busiest = by_year
        .iter()
        .fold(None::<(i32, i64)>, |best, (&year, &cents)| match best {
            Some((_, most)) if most >= cents => best,
            _ => Some((year, cents)),
        });
    let (annual_cents, basis) = match busiest {
        Some((year, cents)) => (
            cents.saturating_add(unscheduled_annual),
            AnnualBasis::CalendarYear(year),
        ),
        None => (
            unscheduled_annual,
            spread.map_or(AnnualBasis::Total, AnnualBasis::SpreadOverTerm),
        ),
    };
    Some(AnnualSubsidy {
        total_cents,
        annual_cents,
        basis,
    })
}

/// `total_cents` × 12 ÷ `months`, rounded up to the cent (a share is never understated).
fn spread_over(total_cents: i64, months: u32) -> i64 {
    if months == 0 || total_cents <= 0 {
        return total_cents.max(0);
    }
    let numerator = i128::from(total_cents) * 12;
    let months = i128::from(months);
    let share = (numerator + months - 1) / months;
    i64::try_from(share).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::commitment::{FinancialContribution, Instalment};

    fn subsidy(amount_cents: i64, schedule: PaymentSchedule) -> CommitmentsDraft {
        CommitmentsDraft {
            financial: vec![FinancialContribution {
                nature: ContributionNature::Subsidy,
                amount_cents,
                schedule,
                budget_line: None,
            }],
            in_kind: vec![],
        }
    }

    fn dated(payments: &[(i32, u32, i64)]) -> PaymentSchedule {
        PaymentSchedule::Instalments {
            instalments: payments
                .iter()
                .map(|&(year, month, amount_cents)| Instalment {
                    date: NaiveDate::from_ymd_opt(year, month, 1),
                    amount_cents,
                })
                .collect(),
        }
    }

    fn annual(draft: &CommitmentsDraft, term: Option<u32>) -> AnnualSubsidy {
        annual_public_subsidy(&[draft], ActorType::LocalAuthority, term).expect("a subsidy")
    }

    #[test]
    fn thirty_thousand_in_one_year_requires_a_convention() {
        let draft = subsidy(3_000_000, PaymentSchedule::AtSignature);
        for term in [None, Some(6), Some(12)] {
            let a = annual(&draft, term);
            assert_eq!(a.annual_cents, 3_000_000, "term {term:?}");
            assert_eq!(a.basis, AnnualBasis::Total);
            assert!(a.requires_convention());
        }
    }

    #[test]
    fn twenty_thousand_does_not() {
        let a = annual(&subsidy(2_000_000, PaymentSchedule::AtSignature), Some(12));
        assert_eq!(a.annual_cents, 2_000_000);
        assert!(!a.requires_convention());
        // The threshold itself is not above the threshold.
        let at = annual(&subsidy(2_300_000, PaymentSchedule::OnReceipts), None);
        assert!(!at.requires_convention());
        let above = annual(&subsidy(2_300_001, PaymentSchedule::OnReceipts), None);
        assert!(above.requires_convention());
    }

    #[test]
    fn forty_thousand_over_two_years_is_twenty_thousand_a_year() {
        let a = annual(&subsidy(4_000_000, PaymentSchedule::AtSignature), Some(24));
        assert_eq!(a.total_cents, 4_000_000);
        assert_eq!(a.annual_cents, 2_000_000);
        assert_eq!(a.basis, AnnualBasis::SpreadOverTerm(24));
        assert!(!a.requires_convention());
        // Rounded up to the cent: 100,00 € over 7 months is 171,43 € a year.
        let odd = annual(&subsidy(10_000, PaymentSchedule::OnReceipts), Some(14));
        assert_eq!(odd.annual_cents, 8_572);
        assert_eq!(spread_over(10_000, 7), 17_143);
    }

    #[test]
    fn a_schedule_counts_its_busiest_calendar_year() {
        // 25 000 € in 2026, 15 000 € in 2027: the term does not matter, the dates do.
        let draft = subsidy(
            4_000_000,
            dated(&[
                (2026, 3, 1_500_000),
                (2026, 11, 1_000_000),
                (2027, 3, 1_500_000),
            ]),
        );
        for term in [None, Some(24), Some(36)] {
            let a = annual(&draft, term);
            assert_eq!(a.annual_cents, 2_500_000);
            assert_eq!(a.basis, AnnualBasis::CalendarYear(2026));
            assert!(a.requires_convention());
        }
        // 20 000 € each year over two years: no convention required.
        let even = subsidy(
            4_000_000,
            dated(&[(2026, 6, 2_000_000), (2027, 6, 2_000_000)]),
        );
        let a = annual(&even, Some(24));
        assert_eq!(a.annual_cents, 2_000_000);
        assert_eq!(a.basis, AnnualBasis::CalendarYear(2026));
        assert!(!a.requires_convention());
    }

    #[test]
    fn scheduled_and_unscheduled_subsidies_add_up() {
        let mut draft = subsidy(
            2_000_000,
            dated(&[(2026, 6, 1_000_000), (2027, 6, 1_000_000)]),
        );
        draft.financial.push(FinancialContribution {
            nature: ContributionNature::Subsidy,
            amount_cents: 3_000_000,
            schedule: PaymentSchedule::OnReceipts,
            budget_line: None,
        });
        // 10 000 € of the schedule's busiest year + 30 000 € × 12 / 24.
        let a = annual(&draft, Some(24));
        assert_eq!(a.annual_cents, 2_500_000);
        assert_eq!(a.total_cents, 5_000_000);
        assert!(a.requires_convention());
    }

    #[test]
    fn only_a_public_funders_subsidies_count() {
        let draft = subsidy(3_000_000, PaymentSchedule::AtSignature);
        assert!(annual_public_subsidy(&[&draft], ActorType::Foundation, None).is_none());
        assert!(annual_public_subsidy(&[&draft], ActorType::State, None).is_some());
        let mut sponsorship = draft.clone();
        sponsorship.financial[0].nature = ContributionNature::FinancialSponsorship;
        assert!(annual_public_subsidy(&[&sponsorship], ActorType::LocalAuthority, None).is_none());
        assert!(annual_public_subsidy(&[], ActorType::LocalAuthority, None).is_none());
        // Two drafts of the same funder are one funder.
        let other = subsidy(1_500_000, PaymentSchedule::AtSignature);
        let both = annual_public_subsidy(&[&other, &other], ActorType::LocalAuthority, None)
            .expect("subsidies");
        assert_eq!(both.annual_cents, 3_000_000);
    }
}
