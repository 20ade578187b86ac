//! What each party of an alliance commits to bring: money (with its nature and payment
//! schedule) and contributions in kind (with their value). One record per party of an
//! alliance; the conventions print them (financial article, Annexe 1 and 2) and the
//! budget reads them as its income lines, so they live here only.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::money::format_euros;
use crate::partner::ActorType;
use crate::validation::{optional_text, plausible_date, text, ValidationErrors};

/// The nature of a financial contribution, as conventions and accounts name it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ContributionNature {
    /// Subvention (loi n° 2000-321 du 12 avril 2000, article 9-1).
    #[default]
    Subsidy,
    /// Mécénat financier (don, article 238 bis du code général des impôts).
    FinancialSponsorship,
    /// Cotisation.
    MembershipFee,
    /// Participation aux frais.
    CostSharing,
}

/// One dated payment of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Instalment {
    /// When it is paid. `None` only in an unsaved draft (a row whose date is not typed
    /// yet): [`CommitmentsDraft::validated`] refuses it, so a stored schedule always has
    /// its dates.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Amount in cents. (Declared a plain `number` to TypeScript: a JavaScript number
    /// holds it exactly, amounts being capped at [`AMOUNT_MAX_CENTS`], far below 2^53.)
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub amount_cents: i64,
}

/// When a financial contribution is paid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PaymentSchedule {
    /// In one payment, at signature.
    #[default]
    AtSignature,
    /// As the receiving party sends the supporting documents (« sur justificatifs »).
    OnReceipts,
    /// Dated instalments; their amounts add up exactly to the contribution.
    Instalments { instalments: Vec<Instalment> },
}

/// A sum of money a party commits to pay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FinancialContribution {
    pub nature: ContributionNature,
    /// Amount in cents, more than zero.
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub amount_cents: i64,
    #[serde(default)]
    pub schedule: PaymentSchedule,
    /// For a public funder: the budget programme or line charged (free text).
    #[serde(default)]
    pub budget_line: Option<String>,
}

/// Something other than money a party brings: premises, staff time, equipment…
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InKindContribution {
    pub description: String,
    /// Its estimated value in cents (zero when not valued).
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub value_cents: i64,
}

/// What the user edits about one party's commitments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CommitmentsDraft {
    #[serde(default)]
    pub financial: Vec<FinancialContribution>,
    #[serde(default)]
    pub in_kind: Vec<InKindContribution>,
}

/// The stored commitments of one party of one alliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartyCommitments {
    pub id: String,
    pub alliance_id: String,
    /// The partner who commits; `None` for the user's own association.
    pub partner_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: CommitmentsDraft,
}

/// Largest amount (a contribution, an instalment, a value in kind) the app accepts, in
/// cents: 100 million euros. A typo guard (a few zeros too many), far above any
/// convention between associations and their partners.
pub const AMOUNT_MAX_CENTS: i64 = 10_000_000_000;
/// Most financial contributions of one party.
pub const FINANCIAL_MAX: usize = 20;
/// Most contributions in kind of one party.
pub const IN_KIND_MAX: usize = 50;
/// Most instalments of one schedule (ten years of monthly payments).
pub const INSTALMENTS_MAX: usize = 120;
/// Longest budget line or description of a contribution in kind, in characters.
pub const COMMITMENT_TEXT_MAX: usize = 300;

impl ContributionNature {
    pub const ALL: [ContributionNature; 4] = [
        Self::Subsidy,
        Self::FinancialSponsorship,
        Self::MembershipFee,
        Self::CostSharing,
    ];

    /// The French name, as printed in the conventions and their annexes.
    pub fn label(self) -> &'static str {
        match self {
            Self::Subsidy => "Subvention",
            Self::FinancialSponsorship => "Mécénat financier",
            Self::MembershipFee => "Cotisation",
            Self::CostSharing => "Participation aux frais",
        }
    }

    /// One sentence saying when this nature applies.
    pub fn help(self) -> &'static str {
        match self {
            Self::Subsidy => "Contribution d’une autorité publique à une action d’intérêt général, sans contrepartie directe (loi du 12 avril 2000, article 9-1).",
            Self::FinancialSponsorship => "Don en numéraire d’une entreprise ou d’une fondation, sans contrepartie équivalente (article 238 bis du code général des impôts).",
            Self::MembershipFee => "Somme versée par un membre au titre de son adhésion.",
            Self::CostSharing => "Remboursement d’une part des dépenses engagées pour l’action commune.",
        }
    }
}

/// The kind of a [`PaymentSchedule`] without its instalments, for the screens' choice
/// (the same texts as the schedule's `kind` tag).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentScheduleKind {
    #[default]
    AtSignature,
    OnReceipts,
    Instalments,
}

impl PaymentScheduleKind {
    pub const ALL: [PaymentScheduleKind; 3] =
        [Self::AtSignature, Self::OnReceipts, Self::Instalments];

    /// The French name, as the screens and the annexes show it.
    pub fn label(self) -> &'static str {
        match self {
            Self::AtSignature => "À la signature",
            Self::OnReceipts => "Sur justificatifs",
            Self::Instalments => "Échéancier",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Self::AtSignature => "En un seul versement, à la signature de la convention.",
            Self::OnReceipts => "Au fur et à mesure des justificatifs de dépenses transmis.",
            Self::Instalments => {
                "En plusieurs versements datés, dont la somme égale exactement le montant."
            }
        }
    }
}

impl PaymentSchedule {
    pub fn kind(&self) -> PaymentScheduleKind {
        match self {
            Self::AtSignature => PaymentScheduleKind::AtSignature,
            Self::OnReceipts => PaymentScheduleKind::OnReceipts,
            Self::Instalments { .. } => PaymentScheduleKind::Instalments,
        }
    }

    /// The dated instalments (none for « à la signature » and « sur justificatifs »).
    pub fn instalments(&self) -> &[Instalment] {
        match self {
            Self::Instalments { instalments } => instalments,
            _ => &[],
        }
    }
}

/// Whether an actor of this type is a public funder: a local authority or the State.
/// Its subsidies are public subsidies (the 23 000 € convention rule, the Contrat
/// d’engagement républicain), and its contributions name the budget line charged.
pub fn is_public_funder(actor: ActorType) -> bool {
    matches!(actor, ActorType::LocalAuthority | ActorType::State)
}

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
/// [`CommitmentsDraft::validated`] would refuse (field `amountCents`).
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

impl FinancialContribution {
    /// Whether this is a subsidy paid by a public funder ([`is_public_funder`]).
    pub fn is_public_subsidy(&self, funder: ActorType) -> bool {
        self.nature == ContributionNature::Subsidy && is_public_funder(funder)
    }
}

impl CommitmentsDraft {
    /// Whether the party commits nothing (no money, nothing in kind).
    pub fn is_empty(&self) -> bool {
        self.financial.is_empty() && self.in_kind.is_empty()
    }

    /// Sum of the financial contributions, in cents (saturating: a validated draft is
    /// far below the limit).
    pub fn financial_total_cents(&self) -> i64 {
        sum(self.financial.iter().map(|f| f.amount_cents))
    }

    /// Sum of the values of the contributions in kind, in cents.
    pub fn in_kind_total_cents(&self) -> i64 {
        sum(self.in_kind.iter().map(|k| k.value_cents))
    }

    /// Money and value in kind together, in cents.
    pub fn total_cents(&self) -> i64 {
        self.financial_total_cents()
            .saturating_add(self.in_kind_total_cents())
    }

    /// Sum of the contributions of nature « Subvention », in cents.
    pub fn subsidy_total_cents(&self) -> i64 {
        sum(self
            .financial
            .iter()
            .filter(|f| f.nature == ContributionNature::Subsidy)
            .map(|f| f.amount_cents))
    }

    /// The public subsidies of this party, in cents: its subsidies when it is a public
    /// funder ([`is_public_funder`]), else 0. Above 23 000 € a convention is required
    /// (loi n° 2000-321, article 10; décret n° 2001-495).
    pub fn public_subsidy_cents(&self, funder: ActorType) -> i64 {
        if is_public_funder(funder) {
            self.subsidy_total_cents()
        } else {
            0
        }
    }

    /// Trims and checks every field and reports every problem at once, each on its field
    /// (0-based indexes: `financial.0.amountCents`, `financial.0.schedule`,
    /// `financial.0.schedule.instalments.1.date`, `financial.0.budgetLine`,
    /// `inKind.2.description`, `inKind.2.valueCents`):
    /// - an amount is more than 0 and at most [`AMOUNT_MAX_CENTS`]; a value in kind is 0
    ///   or more, at most the same cap;
    /// - a schedule of instalments has at least one, each dated (a plausible year) with
    ///   an amount more than 0, and their amounts add up **exactly** to the contribution
    ///   (« Les versements totalisent 12 000,00 € pour une contribution de 12 500,00 € :
    ///   il manque 500,00 €. »); its instalments come back in date order;
    /// - a budget line and a description in kind have at most [`COMMITMENT_TEXT_MAX`]
    ///   characters; a contribution in kind says what it is;
    /// - at most [`FINANCIAL_MAX`] contributions, [`IN_KIND_MAX`] in kind,
    ///   [`INSTALMENTS_MAX`] instalments each.
    pub fn validated(&self) -> Result<CommitmentsDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.financial.len() > FINANCIAL_MAX {
            errors.push(
                "financial",
                format!(
                    "Trop de contributions financières\u{a0}: {FINANCIAL_MAX} au plus ({} en tout).",
                    self.financial.len()
                ),
            );
        }
        if self.in_kind.len() > IN_KIND_MAX {
            errors.push(
                "inKind",
                format!(
                    "Trop d’apports en nature\u{a0}: {IN_KIND_MAX} au plus ({} en tout).",
                    self.in_kind.len()
                ),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let financial = self
            .financial
            .iter()
            .enumerate()
            .map(|(i, f)| f.normalized(&mut errors, &format!("financial.{i}")))
            .collect();
        let in_kind = self
            .in_kind
            .iter()
            .enumerate()
            .map(|(i, k)| k.normalized(&mut errors, &format!("inKind.{i}")))
            .collect();
        errors.into_result(CommitmentsDraft { financial, in_kind })
    }
}

/// A saturating sum of amounts in cents.
fn sum(amounts: impl Iterator<Item = i64>) -> i64 {
    amounts.fold(0i64, i64::saturating_add)
}

/// Checks an amount that must be more than 0 and at most [`AMOUNT_MAX_CENTS`].
fn positive_amount(errors: &mut ValidationErrors, field: &str, cents: i64) -> bool {
    if cents <= 0 {
        errors.push(field, "Indiquez un montant supérieur à zéro.");
        false
    } else if cents > AMOUNT_MAX_CENTS {
        errors.push(field, too_large_message());
        false
    } else {
        true
    }
}

fn too_large_message() -> String {
    format!(
        "Ce montant dépasse {}\u{a0}: vérifiez-le.",
        format_euros(AMOUNT_MAX_CENTS)
    )
}

/// The message for instalments that do not add up to their contribution.
pub fn schedule_mismatch_message(instalments_cents: i64, amount_cents: i64) -> String {
    let gap = amount_cents.saturating_sub(instalments_cents);
    let tail = if gap > 0 {
        format!("il manque {}", format_euros(gap))
    } else {
        format!("{} de trop", format_euros(gap.saturating_neg()))
    };
    format!(
        "Les versements totalisent {} pour une contribution de {}\u{a0}: {tail}.",
        format_euros(instalments_cents),
        format_euros(amount_cents)
    )
}

impl FinancialContribution {
    fn normalized(&self, errors: &mut ValidationErrors, prefix: &str) -> FinancialContribution {
        let amount_ok =
            positive_amount(errors, &format!("{prefix}.amountCents"), self.amount_cents);
        let schedule = match &self.schedule {
            PaymentSchedule::Instalments { instalments } => {
                let field = format!("{prefix}.schedule");
                let mut kept = instalments.clone();
                if instalments.is_empty() {
                    errors.push(
                        &field,
                        "Ajoutez au moins un versement, ou choisissez «\u{a0}À la signature\u{a0}» ou «\u{a0}Sur justificatifs\u{a0}».",
                    );
                } else if instalments.len() > INSTALMENTS_MAX {
                    errors.push(
                        &field,
                        format!(
                            "Trop de versements\u{a0}: {INSTALMENTS_MAX} au plus ({} en tout).",
                            instalments.len()
                        ),
                    );
                } else {
                    let mut each_ok = true;
                    for (j, instalment) in instalments.iter().enumerate() {
                        let at = format!("{field}.instalments.{j}");
                        match instalment.date {
                            None => errors
                                .push(format!("{at}.date"), "Indiquez la date de ce versement."),
                            Some(date) => plausible_date(
                                errors,
                                &format!("{at}.date"),
                                date,
                                "Vérifiez l’année de ce versement.",
                            ),
                        }
                        each_ok &= positive_amount(
                            errors,
                            &format!("{at}.amountCents"),
                            instalment.amount_cents,
                        );
                    }
                    if amount_ok && each_ok {
                        let total = sum(instalments.iter().map(|i| i.amount_cents));
                        if total != self.amount_cents {
                            errors
                                .push(&field, schedule_mismatch_message(total, self.amount_cents));
                        }
                    }
                    // Stable: instalments of the same day keep the order typed.
                    kept.sort_by_key(|i| i.date);
                }
                PaymentSchedule::Instalments { instalments: kept }
            }
            other => other.clone(),
        };
        FinancialContribution {
            nature: self.nature,
            amount_cents: self.amount_cents,
            schedule,
            budget_line: optional_text(
                errors,
                &format!("{prefix}.budgetLine"),
                &self.budget_line,
                COMMITMENT_TEXT_MAX,
            ),
        }
    }
}

impl InKindContribution {
    fn normalized(&self, errors: &mut ValidationErrors, prefix: &str) -> InKindContribution {
        let description = text(
            errors,
            &format!("{prefix}.description"),
            &self.description,
            Some("ce qui est apporté"),
            COMMITMENT_TEXT_MAX,
        );
        let field = format!("{prefix}.valueCents");
        if self.value_cents < 0 {
            errors.push(&field, "Une valeur ne peut pas être négative.");
        } else if self.value_cents > AMOUNT_MAX_CENTS {
            errors.push(&field, too_large_message());
        }
        InKindContribution {
            description,
            value_cents: self.value_cents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn instalments(amounts: &[i64]) -> PaymentSchedule {
        PaymentSchedule::Instalments {
            instalments: amounts
                .iter()
                .enumerate()
                .map(|(i, &amount_cents)| Instalment {
                    date: date(2027, 1, 15).map(|d| d + chrono::Days::new(30 * i as u64)),
                    amount_cents,
                })
                .collect(),
        }
    }

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

    fn fields(errors: &ValidationErrors) -> Vec<&str> {
        errors.0.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn instalments_that_sum_exactly_pass() {
        let draft = subsidy(1_250_000, instalments(&[500_000, 500_000, 250_000]));
        let valid = draft.validated().expect("exact sum");
        assert_eq!(valid.financial_total_cents(), 1_250_000);
        // One cent matters: 3 × 33,33 € is not 100,00 €, 33,34 + 2 × 33,33 is.
        assert!(subsidy(10_000, instalments(&[3_333, 3_333, 3_333]))
            .validated()
            .is_err());
        assert!(subsidy(10_000, instalments(&[3_334, 3_333, 3_333]))
            .validated()
            .is_ok());
    }

    #[test]
    fn instalments_that_do_not_sum_are_refused_in_french() {
        let err = subsidy(1_250_000, instalments(&[600_000, 600_000]))
            .validated()
            .expect_err("short");
        assert_eq!(fields(&err), vec!["financial.0.schedule"]);
        assert_eq!(
            err.0[0].message,
            "Les versements totalisent 12\u{202f}000,00\u{202f}€ pour une contribution de 12\u{202f}500,00\u{202f}€\u{a0}: il manque 500,00\u{202f}€."
        );
        let err = subsidy(3_000_000, instalments(&[1_000_000, 2_500_000]))
            .validated()
            .expect_err("over");
        assert_eq!(
            err.0[0].message,
            "Les versements totalisent 35\u{202f}000,00\u{202f}€ pour une contribution de 30\u{202f}000,00\u{202f}€\u{a0}: 5\u{202f}000,00\u{202f}€ de trop."
        );
        let err = subsidy(10_000, instalments(&[3_333, 3_333, 3_333]))
            .validated()
            .expect_err("a cent short");
        assert!(err.0[0].message.ends_with("il manque 0,01\u{202f}€."));
    }

    #[test]
    fn amounts_are_positive_and_capped() {
        for (cents, ok) in [
            (0, false),
            (-1, false),
            (1, true),
            (AMOUNT_MAX_CENTS, true),
            (AMOUNT_MAX_CENTS + 1, false),
            (i64::MAX, false),
        ] {
            let result = subsidy(cents, PaymentSchedule::AtSignature).validated();
            assert_eq!(result.is_ok(), ok, "{cents}");
            if let Err(err) = result {
                assert_eq!(fields(&err), vec!["financial.0.amountCents"]);
            }
        }
        let err = subsidy(0, PaymentSchedule::OnReceipts)
            .validated()
            .expect_err("zero");
        assert_eq!(err.0[0].message, "Indiquez un montant supérieur à zéro.");
        let err = subsidy(AMOUNT_MAX_CENTS + 1, PaymentSchedule::OnReceipts)
            .validated()
            .expect_err("huge");
        assert_eq!(
            err.0[0].message,
            "Ce montant dépasse 100\u{202f}000\u{202f}000,00\u{202f}€\u{a0}: vérifiez-le."
        );
    }

    #[test]
    fn each_instalment_is_dated_plausibly_and_positive() {
        let schedule = PaymentSchedule::Instalments {
            instalments: vec![
                Instalment {
                    date: None,
                    amount_cents: 500,
                },
                Instalment {
                    date: date(26, 3, 1),
                    amount_cents: 0,
                },
                Instalment {
                    date: date(2027, 3, 1),
                    amount_cents: i64::MAX,
                },
            ],
        };
        let err = subsidy(1_000, schedule).validated().expect_err("bad rows");
        assert_eq!(
            fields(&err),
            vec![
                "financial.0.schedule.instalments.0.date",
                "financial.0.schedule.instalments.1.date",
                "financial.0.schedule.instalments.1.amountCents",
                "financial.0.schedule.instalments.2.amountCents",
            ],
            "no sum is reported over amounts already refused (and none overflows)"
        );
        assert_eq!(err.0[0].message, "Indiquez la date de ce versement.");
        let err = subsidy(1_000, instalments(&[]))
            .validated()
            .expect_err("empty");
        assert_eq!(fields(&err), vec!["financial.0.schedule"]);
        assert!(err.0[0]
            .message
            .starts_with("Ajoutez au moins un versement"));
        let err = subsidy(1_000, instalments(&vec![1; INSTALMENTS_MAX + 1]))
            .validated()
            .expect_err("too many");
        assert_eq!(
            err.0[0].message,
            "Trop de versements\u{a0}: 120 au plus (121 en tout)."
        );
    }

    #[test]
    fn instalments_come_back_in_date_order() {
        let schedule = PaymentSchedule::Instalments {
            instalments: vec![
                Instalment {
                    date: date(2027, 6, 1),
                    amount_cents: 200,
                },
                Instalment {
                    date: date(2027, 1, 1),
                    amount_cents: 100,
                },
            ],
        };
        let valid = subsidy(300, schedule).validated().expect("valid");
        let kept = valid.financial[0].schedule.instalments();
        assert_eq!(kept[0].date, date(2027, 1, 1));
        assert_eq!(kept[1].amount_cents, 200);
    }

    #[test]
    fn in_kind_and_budget_line_are_checked() {
        let draft = CommitmentsDraft {
            financial: vec![FinancialContribution {
                budget_line: Some(format!("  {}  ", "x".repeat(COMMITMENT_TEXT_MAX + 1))),
                amount_cents: 100,
                ..Default::default()
            }],
            in_kind: vec![
                InKindContribution {
                    description: "  ".into(),
                    value_cents: -1,
                },
                InKindContribution {
                    description: " Mise à disposition d’une salle ".into(),
                    value_cents: 0,
                },
            ],
        };
        let err = draft.validated().expect_err("invalid");
        assert_eq!(
            fields(&err),
            vec![
                "financial.0.budgetLine",
                "inKind.0.description",
                "inKind.0.valueCents"
            ]
        );
        assert_eq!(err.0[1].message, "Indiquez ce qui est apporté.");
        assert_eq!(err.0[2].message, "Une valeur ne peut pas être négative.");

        let fixed = CommitmentsDraft {
            financial: vec![FinancialContribution {
                budget_line: Some("  Programme 163  ".into()),
                amount_cents: 100,
                ..Default::default()
            }],
            in_kind: vec![draft.in_kind[1].clone()],
        };
        let valid = fixed.validated().expect("valid");
        assert_eq!(
            valid.financial[0].budget_line.as_deref(),
            Some("Programme 163")
        );
        assert_eq!(
            valid.in_kind[0].description,
            "Mise à disposition d’une salle"
        );
        let blank = FinancialContribution {
            budget_line: Some("   ".into()),
            amount_cents: 100,
            ..Default::default()
        };
        let valid = CommitmentsDraft {
            financial: vec![blank],
            in_kind: vec![],
        }
        .validated()
        .expect("valid");
        assert_eq!(valid.financial[0].budget_line, None);
    }

    #[test]
    fn lists_are_capped() {
        let draft = CommitmentsDraft {
            financial: vec![FinancialContribution::default(); FINANCIAL_MAX + 1],
            in_kind: vec![InKindContribution::default(); IN_KIND_MAX + 1],
        };
        let err = draft.validated().expect_err("too many");
        assert_eq!(fields(&err), vec!["financial", "inKind"]);
        assert_eq!(
            err.0[1].message,
            "Trop d’apports en nature\u{a0}: 50 au plus (51 en tout)."
        );
    }

    #[test]
    fn even_split_sums_exactly() {
        assert_eq!(even_split(10_000, 3), vec![3_334, 3_333, 3_333]);
        assert_eq!(even_split(3_000_000, 2), vec![1_500_000, 1_500_000]);
        assert_eq!(even_split(2, 3), vec![1, 1, 0]);
        assert_eq!(even_split(-10, 3), vec![-3, -3, -4]);
        assert!(even_split(100, 0).is_empty());
        for amount in [1, 7, 99, 10_001, 1_250_050, AMOUNT_MAX_CENTS] {
            for n in 1..=13 {
                let shares = even_split(amount, n);
                assert_eq!(shares.len(), n);
                assert_eq!(shares.iter().sum::<i64>(), amount, "{amount} in {n}");
                let (min, max) = (shares.iter().min(), shares.iter().max());
                assert!(max.zip(min).is_some_and(|(a, b)| a - b <= 1));
                let dated = subsidy(
                    amount,
                    instalments(
                        &shares
                            .iter()
                            .copied()
                            .filter(|&s| s > 0)
                            .collect::<Vec<_>>(),
                    ),
                );
                assert!(dated.validated().is_ok(), "{amount} in {n}");
            }
        }
    }

    #[test]
    fn a_proposed_split_keeps_the_dates_and_continues_them() {
        let contribution = FinancialContribution {
            amount_cents: 3_000_000,
            schedule: PaymentSchedule::Instalments {
                instalments: vec![
                    Instalment {
                        date: date(2027, 3, 1),
                        amount_cents: 1_000_000,
                    },
                    Instalment {
                        date: date(2027, 9, 1),
                        amount_cents: 1_500_000,
                    },
                ],
            },
            ..Default::default()
        };
        let proposed = propose_instalments(&contribution, 4).expect("four");
        let amounts: Vec<i64> = proposed.iter().map(|i| i.amount_cents).collect();
        assert_eq!(amounts, vec![750_000; 4]);
        let dates: Vec<_> = proposed.iter().map(|i| i.date).collect();
        assert_eq!(
            dates,
            vec![
                date(2027, 3, 1),
                date(2027, 9, 1),
                date(2028, 3, 1),
                date(2028, 9, 1)
            ]
        );
        let odd = FinancialContribution {
            amount_cents: 10_000,
            schedule: PaymentSchedule::AtSignature,
            ..Default::default()
        };
        let proposed = propose_instalments(&odd, 3).expect("three");
        assert_eq!(proposed.iter().map(|i| i.amount_cents).sum::<i64>(), 10_000);
        assert!(proposed.iter().all(|i| i.date.is_none()));
        let err = propose_instalments(&odd, 0).expect_err("none");
        assert_eq!(err.0[0].field, "count");
        assert_eq!(
            err.0[0].message,
            "Indiquez un nombre de versements entre 1 et 120."
        );
        let zero = FinancialContribution::default();
        let err = propose_instalments(&zero, 2).expect_err("no amount");
        assert_eq!(err.0[0].field, "amountCents");
    }

    #[test]
    fn totals_and_public_subsidies() {
        let draft = CommitmentsDraft {
            financial: vec![
                FinancialContribution {
                    nature: ContributionNature::Subsidy,
                    amount_cents: 2_000_000,
                    ..Default::default()
                },
                FinancialContribution {
                    nature: ContributionNature::Subsidy,
                    amount_cents: 1_000_000,
                    ..Default::default()
                },
                FinancialContribution {
                    nature: ContributionNature::CostSharing,
                    amount_cents: 50_000,
                    ..Default::default()
                },
            ],
            in_kind: vec![InKindContribution {
                description: "Salle".into(),
                value_cents: 120_000,
            }],
        };
        assert_eq!(draft.financial_total_cents(), 3_050_000);
        assert_eq!(draft.in_kind_total_cents(), 120_000);
        assert_eq!(draft.total_cents(), 3_170_000);
        assert_eq!(draft.subsidy_total_cents(), 3_000_000);
        assert_eq!(
            draft.public_subsidy_cents(ActorType::LocalAuthority),
            3_000_000
        );
        assert_eq!(draft.public_subsidy_cents(ActorType::State), 3_000_000);
        assert_eq!(draft.public_subsidy_cents(ActorType::Foundation), 0);
        assert!(draft.financial[0].is_public_subsidy(ActorType::LocalAuthority));
        assert!(!draft.financial[2].is_public_subsidy(ActorType::LocalAuthority));
        assert!(!draft.financial[0].is_public_subsidy(ActorType::Company));
        assert!(!draft.is_empty());
        assert!(CommitmentsDraft::default().is_empty());
    }

    #[test]
    fn labels_and_wire_names() {
        let labels: Vec<_> = ContributionNature::ALL.iter().map(|n| n.label()).collect();
        assert_eq!(
            labels,
            vec![
                "Subvention",
                "Mécénat financier",
                "Cotisation",
                "Participation aux frais"
            ]
        );
        for kind in PaymentScheduleKind::ALL {
            let schedule = match kind {
                PaymentScheduleKind::AtSignature => PaymentSchedule::AtSignature,
                PaymentScheduleKind::OnReceipts => PaymentSchedule::OnReceipts,
                PaymentScheduleKind::Instalments => instalments(&[1]),
            };
            assert_eq!(schedule.kind(), kind);
            let tag = serde_json::to_value(&schedule).expect("json")["kind"].clone();
            assert_eq!(tag, serde_json::to_value(kind).expect("json"));
        }
        let json = serde_json::to_string(&subsidy(100, instalments(&[100]))).expect("json");
        assert_eq!(
            json,
            r#"{"financial":[{"nature":"subsidy","amountCents":100,"schedule":{"kind":"instalments","instalments":[{"date":"2027-01-15","amountCents":100}]},"budgetLine":null}],"inKind":[]}"#
        );
    }
}
