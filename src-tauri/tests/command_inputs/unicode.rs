//! Arbitrary Unicode in every text field: validated, then stored and read back as is.

use allia_core::{
    AllianceDraft, CommitmentsDraft, DocumentKind, DocumentSettings, DossierTexts, FigureDraft,
    Organisation, PartnerDraft, SignatureDraft,
};
use allia_store::StoreError;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use crate::fixture::Fixture;
use crate::fuzz::check_french;
use crate::table::Arg;

// ---------------------------------------------------------------------------------
// Arbitrary Unicode in every text field.

/// Each input type with text fields: a valid sample and the JSON pointers of its texts.
pub const TEXT_FIELDS: &[(Arg, &[&str])] = &[
    (
        Arg::Organisation,
        &[
            "/name",
            "/acronym",
            "/legalForm",
            "/rna",
            "/siret",
            "/street",
            "/postalCode",
            "/city",
            "/representativeName",
            "/representativeRole",
            "/email",
            "/phone",
        ],
    ),
    (Arg::AllianceDraft, &["/name", "/purpose", "/territory"]),
    (
        Arg::DiagnosticNeedsDraft,
        &[
            "/strategicPriorities",
            "/allianceExpectations",
            "/participationMode",
        ],
    ),
    (Arg::SwotItemDraft, &["/text"]),
    (
        Arg::PartnerDraft,
        &[
            "/organisation/name",
            "/organisation/acronym",
            "/organisation/legalForm",
            "/organisation/rna",
            "/organisation/siret",
            "/organisation/street",
            "/organisation/postalCode",
            "/organisation/city",
            "/organisation/representativeName",
            "/organisation/representativeRole",
            "/organisation/email",
            "/organisation/phone",
            "/resources",
            "/resourceTags/0",
            "/resourceTags/1",
            "/assessment/expectations",
            "/assessment/scope",
            "/assessment/synergies",
        ],
    ),
    (Arg::InteractionDraft, &["/note"]),
    (
        Arg::ExchangeEntryDraft,
        &["/notes", "/frictionPoints/0", "/frictionPoints/1"],
    ),
    (Arg::CriterionDraft, &["/name"]),
    (
        Arg::DocumentSettings,
        &[
            "/title",
            "/place",
            "/overrides/0/clauseId",
            "/overrides/1/text",
        ],
    ),
    (Arg::SignatureDraft, &["/party", "/signatory"]),
    (
        Arg::CommitmentsDraft,
        &["/financial/0/budgetLine", "/inKind/0/description"],
    ),
    (
        Arg::DossierTexts,
        &[
            "/socialNeed",
            "/collectiveResponse",
            "/argument",
            "/keyActors",
        ],
    ),
    (
        Arg::FigureDraft,
        &["/label", "/value", "/unit", "/source", "/link"],
    ),
];

pub fn expect_stored<T>(stored: Result<T, StoreError>) -> Result<T, TestCaseError> {
    stored.map_err(|e| TestCaseError::fail(format!("a valid value was not stored: {e:?}")))
}

/// Validates `value` as its type, stores it through the command's store call, reads it
/// back.
pub async fn store_text_case(fx: &Fixture, kind: Arg, value: Value) -> Result<(), TestCaseError> {
    let store = fx.store();
    let tokens = fx.tokens().await;
    let id = |t: &str| {
        tokens
            .iter()
            .find(|(k, _)| *k == t)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    // Validation answers with the value or with field errors; the store call answers
    // the same way (never with a storage error), and stores exactly what validation
    // returned.
    macro_rules! check {
        ($ty:ty, |$input:ident| $store:expr, |$stored:ident| $read:expr) => {
            check!(
                $ty,
                value.clone(),
                |v| <$ty>::validated(v),
                |$input| $store,
                |$stored| $read
            )
        };
        // A type whose validation takes more than itself (today's date, the other
        // criteria), or a value with the fixture's ids put in.
        (
            $ty:ty,
            $json:expr,
            |$v:ident| $validate:expr,
            |$input:ident| $store:expr,
            |$stored:ident| $read:expr
        ) => {{
            let $input: $ty = serde_json::from_value($json)
                .map_err(|e| TestCaseError::fail(format!("sample no longer deserialises: {e}")))?;
            let validated = {
                let $v = &$input;
                $validate
            };
            match (validated, $store) {
                (Ok(v), Ok($stored)) => {
                    let read = expect_stored($read)?;
                    prop_assert_eq!(&read, &v, "read back differs from what validation returned");
                }
                (Err(expected), Err(StoreError::Validation(got))) => {
                    prop_assert_eq!(&got, &expected);
                    prop_assert!(expected.0.iter().all(|e| !e.field.is_empty()));
                    for e in &expected.0 {
                        check_french(&e.message)?;
                    }
                }
                (validated, stored) => {
                    return Err(TestCaseError::fail(format!(
                        "validation gave {validated:?} but the store {stored:?}"
                    )))
                }
            }
        }};
    }
    match kind {
        Arg::Organisation => check!(
            Organisation,
            |input| store.save_profile(&input).await,
            |_stored| store.profile().await.map(Option::unwrap_or_default)
        ),
        Arg::AllianceDraft => check!(
            AllianceDraft,
            |input| store.create_alliance(&input).await,
            |stored| store.alliance(&stored.id).await.map(|a| a.draft)
        ),
        Arg::PartnerDraft => {
            let alliance = id("@@alliance");
            check!(
                PartnerDraft,
                |input| store.create_partner(&alliance, &input).await,
                |stored| store.partner(&stored.id).await.map(|p| p.draft)
            )
        }
        Arg::DocumentSettings => {
            let alliance = id("@@alliance");
            check!(
                DocumentSettings,
                |input| {
                    store
                        .create_document(&alliance, DocumentKind::PartnershipCharter, &input)
                        .await
                },
                |stored| store.document(&stored.id).await.map(|d| d.current.settings)
            )
        }
        Arg::SignatureDraft => {
            let ready = id("@@ready");
            check!(
                SignatureDraft,
                |input| store.record_signature_draft(&ready, &input).await,
                |stored| {
                    // The signature recorded last is this one.
                    let party = stored
                        .current
                        .signatures
                        .last()
                        .map(|s| s.party.clone())
                        .unwrap_or_default();
                    store.document(&stored.id).await.and_then(|d| {
                        d.current
                            .signatures
                            .into_iter()
                            .find(|s| s.party == party)
                            .ok_or(StoreError::NotFound(allia_store::Entity::Signature))
                    })
                }
            )
        }
        Arg::CommitmentsDraft => {
            let alliance = id("@@alliance");
            check!(
                CommitmentsDraft,
                |input| store.set_commitments(&alliance, None, &input).await,
                |stored| {
                    store
                        .commitments(&stored.alliance_id)
                        .await
                        .and_then(|all| {
                            all.into_iter()
                                .find(|c| c.partner_id.is_none())
                                .map(|c| c.draft)
                                .ok_or(StoreError::NotFound(allia_store::Entity::Commitments))
                        })
                }
            )
        }
        Arg::DossierTexts => {
            let alliance = id("@@alliance");
            check!(
                DossierTexts,
                |input| store.set_dossier_texts(&alliance, &input).await,
                |stored| store
                    .project_dossier(&stored.alliance_id)
                    .await
                    .and_then(|d| {
                        d.dossier
                            .map(|d| d.texts)
                            .ok_or(StoreError::NotFound(allia_store::Entity::Alliance))
                    })
            )
        }
        Arg::FigureDraft => {
            let alliance = id("@@alliance");
            check!(
                FigureDraft,
                |input| store.add_dossier_figure(&alliance, &input).await,
                |stored| store
                    .project_dossier(&stored.alliance_id)
                    .await
                    .and_then(|d| {
                        d.figures
                            .into_iter()
                            .find(|f| f.id == stored.id)
                            .map(|f| f.draft)
                            .ok_or(StoreError::NotFound(allia_store::Entity::DossierFigure))
                    })
            )
        }
        Arg::DiagnosticNeedsDraft => {
            let alliance = id("@@alliance");
            check!(
                allia_core::DiagnosticNeedsDraft,
                |input| store.set_diagnostic_needs(&alliance, &input).await,
                |stored| store.diagnostic(&stored.alliance_id).await.and_then(|d| d
                    .needs
                    .map(|n| n.draft)
                    .ok_or(StoreError::NotFound(allia_store::Entity::Alliance)))
            )
        }
        Arg::SwotItemDraft => {
            let alliance = id("@@alliance");
            check!(
                allia_core::SwotItemDraft,
                |input| store.add_swot_item(&alliance, &input).await,
                |stored| {
                    let read = store.diagnostic(&stored.alliance_id).await.and_then(|d| {
                        d.items
                            .into_iter()
                            .find(|i| i.id == stored.id)
                            .map(|i| i.draft)
                            .ok_or(StoreError::NotFound(allia_store::Entity::SwotItem))
                    });
                    // A quadrant holds at most twelve items: each case leaves room for the next.
                    store.delete_swot_item(&stored.id).await.and(read)
                }
            )
        }
        Arg::InteractionDraft => {
            let alliance = id("@@alliance");
            // Each case is the only link of the alliance: never « already there ».
            for link in expect_stored(store.interactions(&alliance).await)? {
                expect_stored(store.delete_interaction(&link.id).await)?;
            }
            let mut json = value.clone();
            json["fromActorId"] = Value::String(id("@@actor"));
            json["toActorId"] = Value::String(id("@@partner"));
            check!(
                allia_core::InteractionDraft,
                json,
                |v| v.validated(),
                |input| store.add_interaction(&alliance, &input).await,
                |stored| {
                    let read = store.interactions(&alliance).await.and_then(|all| {
                        all.into_iter()
                            .find(|i| i.id == stored.id)
                            .map(|i| i.draft)
                            .ok_or(StoreError::NotFound(allia_store::Entity::Interaction))
                    });
                    store.delete_interaction(&stored.id).await.and(read)
                }
            )
        }
        Arg::ExchangeEntryDraft => {
            let actor = id("@@actor");
            let today = chrono::Local::now().date_naive();
            check!(
                allia_core::ExchangeEntryDraft,
                value.clone(),
                |v| v.validated(today),
                |input| store.add_exchange(&actor, &input, today).await,
                |stored| {
                    let read = store.exchanges(&actor).await.and_then(|all| {
                        all.into_iter()
                            .find(|e| e.id == stored.id)
                            .map(|e| e.draft)
                            .ok_or(StoreError::NotFound(allia_store::Entity::ExchangeEntry))
                    });
                    store.delete_exchange(&stored.id).await.and(read)
                }
            )
        }
        Arg::CriterionDraft => {
            let alliance = id("@@alliance");
            let criteria: Vec<allia_core::Criterion> =
                expect_stored(store.criteria(&alliance).await)?
                    .iter()
                    .map(allia_core::actors::ScoringCriterion::criterion)
                    .collect();
            check!(
                allia_core::CriterionDraft,
                value.clone(),
                |v| v.validated(&criteria, None),
                |input| store.add_criterion(&alliance, &input).await,
                |stored| {
                    // The criterion added is the last; removed again, the grid stays as it was.
                    match stored.last() {
                        Some(c) => store.remove_criterion(&c.id).await.map(|_| {
                            allia_core::CriterionDraft {
                                name: c.name.clone(),
                                weight: c.weight,
                            }
                        }),
                        None => Err(StoreError::NotFound(allia_store::Entity::ScoringCriterion)),
                    }
                }
            )
        }
        other => return Err(TestCaseError::fail(format!("no text fields for {other:?}"))),
    }
    Ok(())
}
