//! Unit tests of the commitments: validation, proposed schedules, totals and wire names.

use super::*;
use crate::validation::ValidationErrors;

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
fn a_public_actors_subsidy_in_money_or_in_kind_is_a_public_subsidy() {
    let money = CommitmentsDraft {
        financial: vec![FinancialContribution {
            nature: ContributionNature::Subsidy,
            amount_cents: 100_000,
            ..Default::default()
        }],
        in_kind: vec![],
    };
    assert!(money.grants_public_subsidy(ActorType::LocalAuthority));
    assert!(money.grants_public_subsidy(ActorType::State));
    assert!(!money.grants_public_subsidy(ActorType::Foundation));
    // Loi n° 2000-321, article 9-1: « en numéraire ou en nature », valued or not.
    let premises = CommitmentsDraft {
        financial: vec![],
        in_kind: vec![InKindContribution {
            description: "Prêt d’une salle".into(),
            value_cents: 0,
        }],
    };
    assert!(premises.grants_public_subsidy(ActorType::LocalAuthority));
    // A membership fee or cost sharing is not a subsidy.
    let fee = CommitmentsDraft {
        financial: vec![FinancialContribution {
            nature: ContributionNature::MembershipFee,
            amount_cents: 100_000,
            ..Default::default()
        }],
        in_kind: vec![],
    };
    assert!(!fee.grants_public_subsidy(ActorType::LocalAuthority));
    assert!(!CommitmentsDraft::default().grants_public_subsidy(ActorType::State));
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
