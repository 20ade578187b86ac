//! `allia render --vault` of a frozen version gives what the version printed when it was
//! frozen: the first render of a version frozen without a print keeps one in the vault,
//! later renders return those bytes even after a new file is attached to its annex (which
//! makes a new draft version, rendered with it), and the signature flags, which would
//! change a frozen version, are refused.

use std::path::Path;

mod common;
use common::{allia, demo_vault, path, stderr, PASS};

#[test]
fn a_frozen_version_renders_what_it_printed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = demo_vault(dir.path());
    let render = |kind: &str, version: Option<&str>, out: &Path, extra: &[&str]| {
        let mut args = vec![
            "render",
            "--vault",
            path(&vault),
            "--alliance",
            &alliance,
            "--document",
            kind,
        ];
        if let Some(v) = version {
            args.extend(["--version", v]);
        }
        args.extend(["--out", path(out)]);
        args.extend(extra);
        allia(&args)
    };
    // Two real PDFs to attach: the alliance's charte, before and after a change of title.
    let charte_a = dir.path().join("charte-a.pdf");
    let out = render("charte", None, &charte_a, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let charte_b = dir.path().join("charte-b.pdf");
    let out = render("charte", None, &charte_b, &["--place", "Lyon"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let annex_id = "3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let doc_id = runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let store = open.store();
        let settings = allia_core::DocumentSettings {
            title: "Convention signée".into(),
            annexes: vec![allia_core::UserAnnex {
                id: annex_id.into(),
                title: "Charte de l’alliance".into(),
                file_name: None,
            }],
            ..Default::default()
        };
        let doc = store
            .create_document(
                &alliance,
                allia_core::DocumentKind::PartnershipAgreement,
                &settings,
            )
            .await
            .expect("document");
        store
            .attach_annex_file(
                &doc.id,
                annex_id,
                "charte.pdf",
                std::fs::read(&charte_a).expect("a"),
            )
            .await
            .expect("attached");
        // Frozen outside the app: no print yet.
        store
            .set_document_status(&doc.id, allia_core::DocumentStatus::InReview)
            .await
            .expect("frozen");
        open.close().await;
        doc.id
    });

    let first = dir.path().join("v1.pdf");
    let out = render("convention", Some("1"), &first, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = std::fs::read(&first).expect("first");

    // A flag would change what was frozen: refused, nothing written.
    let flagged = dir.path().join("v1-lyon.pdf");
    let out = render("convention", Some("1"), &flagged, &["--place", "Lyon"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "la version 1 est figée (en relecture)\u{a0}: elle s’imprime telle qu’elle a été figée"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!flagged.exists());

    // Another file for the annex: version 2, a draft.
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let store = open.store();
        let kept = store
            .version_print(&doc_id, 1, allia_store::PrintFormat::Pdf)
            .await
            .expect("read")
            .expect("kept by the first render");
        assert_eq!(kept.bytes, printed);
        let doc = store
            .attach_annex_file(
                &doc_id,
                annex_id,
                "charte-lyon.pdf",
                std::fs::read(&charte_b).expect("b"),
            )
            .await
            .expect("attached again");
        assert_eq!(doc.current.number, 2);
        open.close().await;
    });

    let again = dir.path().join("v1-again.pdf");
    let out = render("convention", Some("1"), &again, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&again).expect("again"),
        printed,
        "byte for byte"
    );
    assert!(
        stderr(&out).contains("version 1 figée le "),
        "{}",
        stderr(&out)
    );
    let v2 = dir.path().join("v2.pdf");
    let out = render("convention", None, &v2, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(std::fs::read(&v2).expect("v2"), printed);
}
