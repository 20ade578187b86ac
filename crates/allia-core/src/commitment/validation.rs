//! The checks of one party's commitments ([`CommitmentsDraft::validated`]): amounts,
//! schedules that add up exactly, texts and list sizes, each error on its field.

use super::{
    sum, CommitmentsDraft, FinancialContribution, InKindContribution, PaymentSchedule,
    AMOUNT_MAX_CENTS, COMMITMENT_TEXT_MAX, FINANCIAL_MAX, INSTALMENTS_MAX, IN_KIND_MAX,
};
use crate::money::format_euros;
use crate::validation::{optional_text, plausible_date, text, ValidationErrors};

impl CommitmentsDraft {
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

/// Checks an amount that must be more than 0 and at most [`AMOUNT_MAX_CENTS`].
pub(super) fn positive_amount(errors: &mut ValidationErrors, field: &str, cents: i64) -> bool {
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
