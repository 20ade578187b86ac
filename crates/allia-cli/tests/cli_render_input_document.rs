//! `allia render --input` renders the document the alliance file carries (its settings:
//! title, place, copies, added annexes; for a frozen version, the PDF it printed), says
//! which one on stderr, takes the most recently updated of several, and the model when
//! there is none. A print that came with an alliance file is said to be received (the
//! file is not authenticated), with its short fingerprint, by `render --input` and, once
//! imported, by `render --vault`, even when someone replaced it with another PDF.

use std::path::{Path, PathBuf};
use std::process::Output;

use allia_core::alliance_file::{sha256_hex, short_fingerprint};
use allia_core::{DocumentKind, DocumentSettings, DocumentStatus, FilePrint, UserAnnex};

mod common;
use common::{allia, demo_vault, path, stderr, PASS};

/// The text of a PDF, by poppler, spaces collapsed.
fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([path(pdf), "-"])
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn render_input(file: &Path, kind: &str, out: &Path) -> Output {
    allia(&[
        "render",
        "--input",
        path(file),
        "--document",
        kind,
        "--out",
        path(out),
    ])
}

fn export(vault: &Path, alliance: &str, file: &Path) {
    let out = allia(&[
        "export",
        "--vault",
        path(vault),
        "--alliance",
        alliance,
        "--out",
        path(file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A new vault holding the alliance of `file`; returns the vault dir, the alliance id and
/// what `allia import` said on stderr.
fn imported(dir: &Path, name: &str, file: &Path) -> (PathBuf, String, String) {
    let vault = dir.join(name);
    let out = allia(&["init", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = allia(&["import", "--vault", path(&vault), "--input", path(file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let id = runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let id = open.store().alliances().await.expect("alliances")[0]
            .id
            .clone();
        open.close().await;
        id
    });
    (vault, id, said)
}

fn render_vault(vault: &Path, alliance: &str, out: &Path) -> Output {
    allia(&[
        "render",
        "--vault",
        path(vault),
        "--alliance",
        alliance,
        "--document",
        "convention",
        "--out",
        path(out),
    ])
}

#[test]
fn render_input_uses_the_document_the_file_carries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = demo_vault(dir.path());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let doc_id = runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let settings = DocumentSettings {
            title: "Convention des Tourangeaux".into(),
            place: Some("Tours".into()),
            copies: Some(3),
            annexes: vec![UserAnnex {
                id: "3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f".into(),
                title: "Budget prévisionnel détaillé".into(),
                file_name: None,
            }],
            ..Default::default()
        };
        let doc = open
            .store()
            .create_document(&alliance, DocumentKind::PartnershipAgreement, &settings)
            .await
            .expect("document");
        open.close().await;
        doc.id
    });

    // A draft: its settings, said on stderr.
    let file = dir.path().join("alliance.json");
    export(&vault, &alliance, &file);
    let draft = dir.path().join("draft.pdf");
    let out = render_input(&file, "convention", &draft);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "allia : document «\u{a0}Convention des Tourangeaux\u{a0}» du fichier, version 1 (brouillon)."
        ),
        "{}",
        stderr(&out)
    );
    let text = pdf_text(&draft);
    assert!(text.contains("Convention des Tourangeaux"), "{text}");
    assert!(text.contains("Tours"), "{text}");
    assert!(text.contains("Budget prévisionnel détaillé"), "{text}");
    // No document of that kind in the file: the model, as before, and nothing said.
    let charte = dir.path().join("charte.pdf");
    let out = render_input(&file, "charte", &charte);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("du fichier, version"),
        "{}",
        stderr(&out)
    );

    // Frozen and printed by the vault: the file carries its PDF, which --input writes.
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        open.store()
            .set_document_status(&doc_id, DocumentStatus::InReview)
            .await
            .expect("frozen");
        open.close().await;
    });
    let kept = dir.path().join("kept.pdf");
    let out = render_vault(&vault, &alliance, &kept);
    assert!(out.status.success(), "{}", stderr(&out));
    let kept = std::fs::read(&kept).expect("kept");
    let short = short_fingerprint(&sha256_hex(&kept));
    let again = dir.path().join("kept-again.pdf");
    let out = render_vault(&vault, &alliance, &again);
    assert!(
        stderr(&out).contains(&format!(
            "l’impression conservée est reproduite à l’identique (empreinte SHA-256\u{a0}: {short})."
        )),
        "{}",
        stderr(&out)
    );
    let file = dir.path().join("alliance-figee.json");
    export(&vault, &alliance, &file);
    let from_file = dir.path().join("from-file.pdf");
    let out = render_input(&file, "convention", &from_file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&from_file).expect("pdf"),
        kept,
        "byte for byte"
    );
    let said = stderr(&out);
    assert!(said.contains("version 1 (en relecture)"), "{said}");
    assert!(
        said.contains(&format!(
            "PDF reçu avec le fichier de l’alliance (empreinte SHA-256\u{a0}: {short}), reproduit tel qu’il a été reçu. Comparez l’empreinte avec celle de l’expéditeur."
        )),
        "{said}"
    );
    // Flags would change a frozen version: refused.
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "convention",
        "--place",
        "Lyon",
        "--out",
        path(&dir.path().join("lyon.pdf")),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("la version 1 est figée"),
        "{}",
        stderr(&out)
    );

    // Imported elsewhere: --vault says the print was received, with the same fingerprint.
    let (other, other_id, said) = imported(dir.path(), "autre", &file);
    assert!(
        said.contains(&format!(
            "allia : «\u{a0}Convention des Tourangeaux\u{a0}», version 1\u{a0}: le fichier porte son PDF imprimé (empreinte SHA-256\u{a0}: {short}), gardé tel qu’il a été reçu, sans vérification possible"
        )),
        "{said}"
    );
    let received = dir.path().join("received.pdf");
    let out = render_vault(&other, &other_id, &received);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&received).expect("pdf"), kept);
    assert!(
        stderr(&out).contains(&format!(
            "PDF reçu avec le fichier de l’alliance (empreinte SHA-256\u{a0}: {short})"
        )),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("à l’identique"), "{}", stderr(&out));

    // Another PDF put in its place, hash recomputed: not detectable, but never called
    // « à l’identique », and its own fingerprint shows.
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("file")).expect("json");
    let forged_bytes = std::fs::read(&charte).expect("another pdf");
    let forged = FilePrint::of(&forged_bytes, Some("0.1.0".into()));
    let print = &mut json["documents"][0]["versions"][0]["printedPdf"];
    print["sha256"] = forged.sha256.clone().into();
    print["base64"] = forged.base64.clone().into();
    let forged_file = dir.path().join("forged.json");
    std::fs::write(&forged_file, serde_json::to_vec(&json).expect("json")).expect("write");
    let (third, third_id, said) = imported(dir.path(), "troisieme", &forged_file);
    assert!(said.contains(&short_fingerprint(&forged.sha256)), "{said}");
    let out = render_vault(&third, &third_id, &dir.path().join("forged.pdf"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "PDF reçu avec le fichier de l’alliance (empreinte SHA-256\u{a0}: {})",
            short_fingerprint(&forged.sha256)
        )),
        "{}",
        stderr(&out)
    );
    assert_ne!(short_fingerprint(&forged.sha256), short);
}

#[test]
fn render_input_takes_the_latest_of_several_documents_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = demo_vault(dir.path());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let store = open.store();
        for title in ["Convention ancienne", "Convention récente"] {
            store
                .create_document(
                    &alliance,
                    DocumentKind::PartnershipAgreement,
                    &DocumentSettings {
                        title: title.into(),
                        ..Default::default()
                    },
                )
                .await
                .expect("document");
            std::thread::sleep(std::time::Duration::from_millis(1100));
        }
        open.close().await;
    });
    let file = dir.path().join("alliance.json");
    export(&vault, &alliance, &file);
    let pdf = dir.path().join("convention.pdf");
    let out = render_input(&file, "convention", &pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("le fichier contient 2 documents de ce type (convention de partenariat)\u{a0}: le plus récemment modifié est utilisé."),
        "{said}"
    );
    assert!(
        said.contains("document «\u{a0}Convention récente\u{a0}» du fichier, version 1"),
        "{said}"
    );
    assert!(pdf_text(&pdf).contains("Convention récente"));
}
