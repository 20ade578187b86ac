//! `allia render` from a vault prints a document as the app exports it: the PDFs
//! attached to its added annexes come right after their annex title pages, the page
//! numbers running across the whole file; a DOCX lists the annexes only.

use std::path::Path;
use std::process::Command;

mod common;
use common::{allia, demo_vault, path, PASS};

fn pages(pdf: &Path) -> u32 {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-f", &n, "-l", &n, "-layout", path(pdf), "-"])
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_pdf_rendered_from_the_vault_carries_the_attached_annex_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = demo_vault(dir.path());
    // The annex file: the alliance's charte, a real multi-page PDF.
    let charte = dir.path().join("charte.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &alliance,
        "--document",
        "charte",
        "--out",
        path(&charte),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let annex_pages = pages(&charte);
    assert!(annex_pages >= 2);

    let annex_id = "0b6a4c1e-7d2f-4a8b-9c3e-5f1d2a3b4c5d";
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let settings = allia_core::DocumentSettings {
            title: "Convention 2027".into(),
            annexes: vec![allia_core::UserAnnex {
                id: annex_id.into(),
                title: "Charte de l’alliance".into(),
                file_name: None,
            }],
            ..Default::default()
        };
        let doc = open
            .store()
            .create_document(
                &alliance,
                allia_core::DocumentKind::PartnershipAgreement,
                &settings,
            )
            .await
            .expect("document");
        let bytes = std::fs::read(&charte).expect("charte bytes");
        open.store()
            .attach_annex_file(&doc.id, annex_id, "charte.pdf", bytes)
            .await
            .expect("attached");
        open.close().await;
    });

    let render = |out: &Path| {
        allia(&[
            "render",
            "--vault",
            path(&vault),
            "--alliance",
            &alliance,
            "--document",
            "convention",
            "--out",
            path(out),
        ])
    };
    let pdf = dir.path().join("convention.pdf");
    let out = render(&pdf);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let total = pages(&pdf);
    // The convention's last page is its annex title page, then the charte's pages.
    let title_page = total - annex_pages;
    assert!(
        page_text(&pdf, title_page).contains("Charte de l’alliance"),
        "page {title_page}: {}",
        page_text(&pdf, title_page)
    );
    let first_inserted = page_text(&pdf, title_page + 1);
    assert!(
        first_inserted.contains(&format!("Page {} / {total}", title_page + 1)),
        "{first_inserted}"
    );
    let last = page_text(&pdf, total);
    assert!(last.contains(&format!("Page {total} / {total}")), "{last}");

    // A DOCX lists the annex and carries no file.
    let docx = dir.path().join("convention.docx");
    let out = render(&docx);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&docx).expect("docx").len() > 0);
}
