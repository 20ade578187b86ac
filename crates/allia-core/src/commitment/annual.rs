//! The annual amount of a public funder's subsidy, which the law compares with 23 000 €.
//!
//! Sources:
//! - Loi n° 2000-321 du 12 avril 2000, article 10, alinéa 3: an authority that grants a
//!   subsidy above a threshold set by decree concludes a written convention with the
//!   recipient.
//! - Décret n° 2001-495 du 6 juin 2001, article 1: « L’obligation de conclure une
//!   convention […] s’applique aux subventions dont le montant annuel dépasse la somme de
//!   23 000 euros. »
//! - Loi n° 2000-321, article 9-1: subsidies are « les contributions facultatives de toute
//!   nature, valorisées dans l’acte d’attribution, […] en numéraire ou en nature ».
//!
//! Neither text says how the « montant annuel » is reckoned (calendar year, budget year,
//! twelve months from the signature). Allia takes the cautious reading, the one that never
//! leaves out a convention the law may require (a missing convention is the costly
//! error; an unneeded one costs a page):
//! - money paid at signature, on receipts (« sur justificatifs ») or without a dated
//!   schedule counts whole: nothing stops it being paid within one year, whatever the
//!   term of the alliance (it is not spread over the term);
//! - a dated schedule counts the largest sum paid within any twelve months (a sliding
//!   window: two instalments less than a year apart count together, so 20 000 € in
//!   December and 20 000 € in January make 40 000 €, whatever the calendar year);
//! - the valued contributions in kind of a public funder are subsidies (article 9-1)
//!   and count with its money, whole (they are valued for the whole convention).

use chrono::{Months, NaiveDate};

use super::{is_public_funder, CommitmentsDraft, ContributionNature, PaymentSchedule};
use crate::partner::ActorType;

/// The threshold of the décret n° 2001-495 (article 1), in cents: a public funder whose
/// subsidy's annual amount ([`AnnualSubsidy::annual_cents`]) is above it (strictly)
/// must sign a written convention with the recipient.
pub const SUBSIDY_CONVENTION_THRESHOLD_CENTS: i64 = 2_300_000;

/// How [`annual_public_subsidy`] reckoned a funder's annual amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualBasis {
    /// No dated schedule (at signature, on receipts, contributions in kind): the whole
    /// amount, which may all be paid within one year.
    Whole,
    /// The largest sum of dated instalments paid within twelve months: the instalments
    /// from `from` to `to` (less than a year apart), plus every sum without a date,
    /// which may be paid in the same twelve months.
    TwelveMonths { from: NaiveDate, to: NaiveDate },
}

/// A public funder's subsidy (money and valued contributions in kind): its total and its
/// annual amount, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnualSubsidy {
    /// Every subsidy of the funder, money and value in kind, in cents.
    pub total_cents: i64,
    /// Of which the value of its contributions in kind, in cents (counted whole in
    /// [`AnnualSubsidy::annual_cents`]).
    pub in_kind_cents: i64,
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
/// 2001, article 1, applying loi n° 2000-321, article 10), read cautiously (see the
/// module documentation). `None` when the funder is not a public funder
/// ([`is_public_funder`]) or grants neither a subsidy nor a valued contribution in kind.
///
/// - Contributions of nature « Subvention » paid at signature or on receipts, or by a
///   schedule not all dated (a draft), and the values of the contributions in kind:
///   counted whole.
/// - Dated instalments of subsidies: the largest sum of those paid within twelve months
///   (an instalment on day D and every later one before D + 12 months; 25 000 € on
///   1 March 2026 and 15 000 € on 1 March 2027: 25 000 €; 20 000 € on 15 December
///   2025 and 20 000 € on 15 January 2026: 40 000 €), added to the sums counted whole.
///
/// Other natures (mécénat, cotisation, participation aux frais) are not subsidies and
/// do not count.
pub fn annual_public_subsidy(
    drafts: &[&CommitmentsDraft],
    funder: ActorType,
) -> Option<AnnualSubsidy> {
    if !is_public_funder(funder) {
        return None;
    }
    let in_kind_cents = drafts
        .iter()
        .flat_map(|d| &d.in_kind)
        .map(|k| k.value_cents.max(0))
        .fold(0i64, i64::saturating_add);
    let mut whole = in_kind_cents;
    let mut dated: Vec<(NaiveDate, i64)> = Vec::new();
    let mut money = 0i64;
    for subsidy in drafts
        .iter()
        .flat_map(|d| &d.financial)
        .filter(|f| f.nature == ContributionNature::Subsidy)
    {
        money = money.saturating_add(subsidy.amount_cents);
        match &subsidy.schedule {
            PaymentSchedule::Instalments { instalments }
                if !instalments.is_empty() && instalments.iter().all(|i| i.date.is_some()) =>
            {
                dated.extend(
                    instalments
                        .iter()
                        .filter_map(|i| i.date.map(|date| (date, i.amount_cents))),
                );
            }
            // A draft's undated rows say nothing of when they are paid: whole.
            _ => whole = whole.saturating_add(subsidy.amount_cents),
        }
    }
    let total_cents = money.saturating_add(in_kind_cents);
    if total_cents <= 0 {
        return None;
    }
    let (annual_cents, basis) = match busiest_twelve_months(&mut dated) {
        Some((from, to, cents)) => (
            cents.saturating_add(whole),
            AnnualBasis::TwelveMonths { from, to },
        ),
        None => (whole, AnnualBasis::Whole),
    };
    Some(AnnualSubsidy {
        total_cents,
        in_kind_cents,
        annual_cents,
        basis,
    })
}

/// The twelve months holding the largest sum of `payments` (sorted here by date): the
/// first and last payment dates of that window and its sum. A window starts at a
/// payment and holds every payment before the same day twelve months later; the
/// earliest window wins a tie. `None` when there is no payment.
fn busiest_twelve_months(payments: &mut [(NaiveDate, i64)]) -> Option<(NaiveDate, NaiveDate, i64)> {
    payments.sort_by_key(|&(date, _)| date);
    let mut best: Option<(NaiveDate, NaiveDate, i64)> = None;
    for (i, &(start, _)) in payments.iter().enumerate() {
        let end = start.checked_add_months(Months::new(12));
        let window = payments[i..]
            .iter()
            .take_while(|&&(date, _)| end.is_none_or(|end| date < end));
        let (last, cents) = window.fold((start, 0i64), |(_, sum), &(date, amount)| {
            (date, sum.saturating_add(amount))
        });
        if best.is_none_or(|(_, _, most)| cents > most) {
            best = Some((start, last, cents));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitment::{FinancialContribution, InKindContribution, Instalment};

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

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    fn dated(payments: &[(NaiveDate, i64)]) -> PaymentSchedule {
        PaymentSchedule::Instalments {
            instalments: payments
                .iter()
                .map(|&(date, amount_cents)| Instalment {
                    date: Some(date),
                    amount_cents,
                })
                .collect(),
        }
    }

    fn annual(draft: &CommitmentsDraft) -> AnnualSubsidy {
        annual_public_subsidy(&[draft], ActorType::LocalAuthority).expect("a subsidy")
    }

    #[test]
    fn thirty_thousand_at_signature_requires_a_convention() {
        let a = annual(&subsidy(3_000_000, PaymentSchedule::AtSignature));
        assert_eq!(a.annual_cents, 3_000_000);
        assert_eq!(a.total_cents, 3_000_000);
        assert_eq!(a.in_kind_cents, 0);
        assert_eq!(a.basis, AnnualBasis::Whole);
        assert!(a.requires_convention());
    }

    #[test]
    fn twenty_thousand_does_not() {
        let a = annual(&subsidy(2_000_000, PaymentSchedule::AtSignature));
        assert_eq!(a.annual_cents, 2_000_000);
        assert!(!a.requires_convention());
        // The threshold itself is not above the threshold.
        let at = annual(&subsidy(2_300_000, PaymentSchedule::OnReceipts));
        assert!(!at.requires_convention());
        let above = annual(&subsidy(2_300_001, PaymentSchedule::OnReceipts));
        assert!(above.requires_convention());
    }

    #[test]
    fn money_without_dates_counts_whole_whatever_the_term() {
        // 40 000 € « versée à la signature » over 24 months, « sur justificatifs »: it
        // may all be paid within a year, so it is not spread over the term.
        for schedule in [PaymentSchedule::AtSignature, PaymentSchedule::OnReceipts] {
            let a = annual(&subsidy(4_000_000, schedule));
            assert_eq!(a.annual_cents, 4_000_000);
            assert_eq!(a.basis, AnnualBasis::Whole);
            assert!(a.requires_convention());
        }
        // A draft whose rows are not all dated yet: whole too.
        let draft = subsidy(
            4_000_000,
            PaymentSchedule::Instalments {
                instalments: vec![
                    Instalment {
                        date: Some(day(2026, 3, 1)),
                        amount_cents: 2_000_000,
                    },
                    Instalment {
                        date: None,
                        amount_cents: 2_000_000,
                    },
                ],
            },
        );
        let a = annual(&draft);
        assert_eq!(a.annual_cents, 4_000_000);
        assert_eq!(a.basis, AnnualBasis::Whole);
    }

    #[test]
    fn a_schedule_counts_its_busiest_twelve_months() {
        // 25 000 € between March and November 2026, 15 000 € in March 2027 (a year after
        // the first instalment, so not in its window).
        let draft = subsidy(
            4_000_000,
            dated(&[
                (day(2026, 3, 1), 1_500_000),
                (day(2026, 11, 1), 1_000_000),
                (day(2027, 3, 1), 1_500_000),
            ]),
        );
        let a = annual(&draft);
        assert_eq!(a.annual_cents, 2_500_000);
        assert_eq!(
            a.basis,
            AnnualBasis::TwelveMonths {
                from: day(2026, 3, 1),
                to: day(2026, 11, 1)
            }
        );
        assert!(a.requires_convention());
        // 20 000 € a year apart, twice: no window holds both.
        let even = subsidy(
            4_000_000,
            dated(&[(day(2026, 6, 1), 2_000_000), (day(2027, 6, 1), 2_000_000)]),
        );
        let a = annual(&even);
        assert_eq!(a.annual_cents, 2_000_000);
        assert!(!a.requires_convention());
    }

    #[test]
    fn instalments_less_than_a_year_apart_count_together_across_calendar_years() {
        // 20 000 € on 15 December 2025 and 20 000 € on 15 January 2026: each calendar
        // year holds 20 000 €, but they are paid within twelve months.
        let draft = subsidy(
            4_000_000,
            dated(&[
                (day(2025, 12, 15), 2_000_000),
                (day(2026, 1, 15), 2_000_000),
            ]),
        );
        let a = annual(&draft);
        assert_eq!(a.annual_cents, 4_000_000);
        assert_eq!(
            a.basis,
            AnnualBasis::TwelveMonths {
                from: day(2025, 12, 15),
                to: day(2026, 1, 15)
            }
        );
        assert!(a.requires_convention());
        // One day short of a year apart still counts together; a year apart does not.
        let close = subsidy(
            4_000_000,
            dated(&[(day(2026, 6, 1), 2_000_000), (day(2027, 5, 31), 2_000_000)]),
        );
        assert_eq!(annual(&close).annual_cents, 4_000_000);
        // The window slides: the middle of three instalments is counted with the last.
        let sliding = subsidy(
            4_500_000,
            dated(&[
                (day(2026, 1, 1), 1_000_000),
                (day(2026, 12, 1), 1_500_000),
                (day(2027, 6, 1), 2_000_000),
            ]),
        );
        let a = annual(&sliding);
        assert_eq!(a.annual_cents, 3_500_000);
        assert_eq!(
            a.basis,
            AnnualBasis::TwelveMonths {
                from: day(2026, 12, 1),
                to: day(2027, 6, 1)
            }
        );
        // Three 10 000 € instalments a year apart (30 000 € over three years): 10 000 €.
        let yearly = subsidy(
            3_000_000,
            dated(&[
                (day(2026, 1, 1), 1_000_000),
                (day(2027, 1, 1), 1_000_000),
                (day(2028, 1, 1), 1_000_000),
            ]),
        );
        assert_eq!(annual(&yearly).annual_cents, 1_000_000);
    }

    #[test]
    fn scheduled_and_unscheduled_subsidies_add_up() {
        let mut draft = subsidy(
            2_000_000,
            dated(&[(day(2026, 6, 1), 1_000_000), (day(2027, 6, 1), 1_000_000)]),
        );
        draft.financial.push(FinancialContribution {
            nature: ContributionNature::Subsidy,
            amount_cents: 3_000_000,
            schedule: PaymentSchedule::OnReceipts,
            budget_line: None,
        });
        // 10 000 € of the busiest twelve months + the 30 000 € on receipts, whole.
        let a = annual(&draft);
        assert_eq!(a.annual_cents, 4_000_000);
        assert_eq!(a.total_cents, 5_000_000);
        assert!(a.requires_convention());
    }

    #[test]
    fn a_public_funders_contributions_in_kind_are_subsidies() {
        // Loi n° 2000-321, article 9-1: « en numéraire ou en nature ».
        let premises = CommitmentsDraft {
            financial: vec![],
            in_kind: vec![InKindContribution {
                description: "Mise à disposition d’un local".into(),
                value_cents: 3_000_000,
            }],
        };
        let a = annual(&premises);
        assert_eq!(a.total_cents, 3_000_000);
        assert_eq!(a.in_kind_cents, 3_000_000);
        assert_eq!(a.annual_cents, 3_000_000);
        assert_eq!(a.basis, AnnualBasis::Whole);
        assert!(a.requires_convention());
        // 15 000 € of money and 10 000 € in kind: 25 000 €.
        let mut both = subsidy(1_500_000, PaymentSchedule::AtSignature);
        both.in_kind.push(InKindContribution {
            description: "Prêt de matériel".into(),
            value_cents: 1_000_000,
        });
        let a = annual(&both);
        assert_eq!((a.annual_cents, a.in_kind_cents), (2_500_000, 1_000_000));
        assert!(a.requires_convention());
        // Not valued: nothing to count.
        let unvalued = CommitmentsDraft {
            financial: vec![],
            in_kind: vec![InKindContribution {
                description: "Prêt d’une salle".into(),
                value_cents: 0,
            }],
        };
        assert!(annual_public_subsidy(&[&unvalued], ActorType::LocalAuthority).is_none());
    }

    #[test]
    fn only_a_public_funders_subsidies_count() {
        let draft = subsidy(3_000_000, PaymentSchedule::AtSignature);
        assert!(annual_public_subsidy(&[&draft], ActorType::Foundation).is_none());
        assert!(annual_public_subsidy(&[&draft], ActorType::State).is_some());
        let mut sponsorship = draft.clone();
        sponsorship.financial[0].nature = ContributionNature::FinancialSponsorship;
        assert!(annual_public_subsidy(&[&sponsorship], ActorType::LocalAuthority).is_none());
        let mut fee = draft.clone();
        fee.financial[0].nature = ContributionNature::MembershipFee;
        assert!(annual_public_subsidy(&[&fee], ActorType::LocalAuthority).is_none());
        assert!(annual_public_subsidy(&[], ActorType::LocalAuthority).is_none());
        // Two drafts of the same funder are one funder.
        let other = subsidy(1_500_000, PaymentSchedule::AtSignature);
        let both =
            annual_public_subsidy(&[&other, &other], ActorType::LocalAuthority).expect("subsidies");
        assert_eq!(both.annual_cents, 3_000_000);
    }
}
