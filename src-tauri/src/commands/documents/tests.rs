//! Tests of the builder's preview links, the status rules and where an « À vérifier »
//! item points.

use allia_core::{AllianceFile, Partner, PartnerDraft, ALLIANCE_FILE_FORMAT};
use allia_docs::templates::{CheckTarget, OrganisationField};

use super::preview::preview_of;
use super::*;

fn partner(id: &str, name: &str) -> Partner {
    let mut draft = allia_core::demo::demo_alliance().partners[0].clone();
    draft.organisation.name = name.into();
    Partner {
        id: id.into(),
        alliance_id: "alliance".into(),
        created_at: chrono::Utc::now(),
        updated_at: chrono::Utc::now(),
        draft,
    }
}

fn file(partners: Vec<PartnerDraft>) -> AllianceFile {
    AllianceFile {
        format: ALLIANCE_FILE_FORMAT,
        profile: None,
        alliance: allia_core::demo::demo_alliance().alliance,
        partners,
        commitments: Vec::new(),
    }
}

/// A character no font of the PDF's chain is expected to have: an Egyptian hieroglyph.
const HIEROGLYPH: char = '\u{13000}';

/// The builder's preview and the step to « Prêt à signer », on a real vault: a partner's
/// representative with a character the PDF cannot print is an « À vérifier » item
/// linking to the partner's field, counted in what the step asks to confirm, and the
/// step is refused without the confirmation.
#[tokio::test]
async fn an_unprintable_character_is_listed_before_ready_to_sign() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = super::test_vault::demo_vault(dir.path()).await;
    let store = vault.store();
    let partners = store.partners(&alliance.id).await.expect("partners");
    let document = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipAgreement,
            &DocumentSettings {
                title: "Convention".into(),
                ..Default::default()
            },
        )
        .await
        .expect("document");
    let id = document.id.clone();
    let preview_now = || async {
        let (document, version, file) = store
            .document_render_input(&id, None)
            .await
            .expect("render input");
        let options = allia_docs::render::options_for_version(
            document.kind,
            &version,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        );
        let partners = store
            .partners(&document.alliance_id)
            .await
            .expect("partners");
        let preview = preview_of(&document, &file, &options, &partners).expect("preview");
        (document, file, options, preview)
    };
    let (_, _, _, before) = preview_now().await;

    let mut draft = partners[1].draft.clone();
    draft.organisation.representative_name = Some(format!("Karim {HIEROGLYPH}"));
    store
        .update_partner(&partners[1].id, &draft)
        .await
        .expect("partner saved");
    // « En relecture » freezes the version with the partner as it is now.
    store
        .set_document_status(&id, DocumentStatus::InReview)
        .await
        .expect("in review");
    let (document, file, options, preview) = preview_now().await;

    assert_eq!(preview.to_check.len(), before.to_check.len() + 1);
    let item = preview
        .to_check
        .iter()
        .find(|item| item.message.contains("(U+13000)"))
        .expect("the character is an item");
    let name = &partners[1].draft.organisation.name;
    assert!(
        item.message.starts_with(&format!(
            "Partenaire 2 ({name}), nom du représentant\u{a0}: le caractère «\u{a0}{HIEROGLYPH}\u{a0}»"
        )),
        "{}",
        item.message
    );
    assert_eq!(
        item.target,
        Some(ToCheckTarget::Partner {
            partner_id: Some(partners[1].id.clone()),
            field: Some(OrganisationField::RepresentativeName),
        })
    );
    assert!(preview.next_needs_confirmation);
    assert_eq!(document.next_status, Some(DocumentStatus::ReadyToSign));

    let refused = check_status_move(
        &document,
        &file,
        &options,
        DocumentStatus::ReadyToSign,
        false,
    )
    .expect_err("needs the confirmation");
    assert_eq!(refused.code, crate::error::ErrorCode::NeedsConfirmation);
    let points = preview.to_check.len();
    let counted = if points == 1 {
        "1\u{a0}point «\u{a0}À vérifier\u{a0}»".to_string()
    } else {
        format!("{points}\u{a0}points «\u{a0}À vérifier\u{a0}»")
    };
    assert!(refused.message.contains(&counted), "{}", refused.message);
    check_status_move(
        &document,
        &file,
        &options,
        DocumentStatus::ReadyToSign,
        true,
    )
    .expect("confirmed");
    vault.close().await;
}

#[test]
fn a_partner_target_names_the_stored_partner() {
    let stored = vec![
        partner("p1", "Régie de quartier"),
        partner("p2", "Café associatif"),
    ];
    let field = Some(OrganisationField::RepresentativeName);
    let live = file(stored.iter().map(|p| p.draft.clone()).collect());
    let target = CheckTarget::Partner { index: 1, field };
    assert_eq!(
        ToCheckTarget::from_docs(&target, &live, &stored),
        ToCheckTarget::Partner {
            partner_id: Some("p2".into()),
            field
        }
    );
    // A snapshot taken before the partner's address changed: the same name finds it.
    let mut older = stored[1].draft.clone();
    older.organisation.city = Some("Ailleurs".into());
    let snapshot = file(vec![older]);
    let target = CheckTarget::Partner { index: 0, field };
    assert_eq!(
        ToCheckTarget::from_docs(&target, &snapshot, &stored),
        ToCheckTarget::Partner {
            partner_id: Some("p2".into()),
            field
        }
    );
    // Removed since: the partner list opens, with no partner.
    assert_eq!(
        ToCheckTarget::from_docs(&target, &snapshot, &stored[..1]),
        ToCheckTarget::Partner {
            partner_id: None,
            field
        }
    );
    assert_eq!(
        ToCheckTarget::from_docs(&CheckTarget::Clause("objet".into()), &live, &stored),
        ToCheckTarget::Clause {
            clause_id: "objet".into()
        }
    );
}
