//! Any text, however hostile, renders to a PDF that poppler accepts.

#[path = "common/pdf_sample.rs"]
mod sample;

use std::process::Command;

use allia_docs::model::{Block, Document, List, Paragraph, Run, Signatory, Signatures, Table};
use proptest::prelude::*;

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,80}",
        "[ \u{a0}\u{202f}\t\n\r\u{0}-\u{1f}\u{7f}-\u{9f}]{0,20}",
        "(🎉|👨‍👩‍👧|中文|مرحبا|שלום|e\u{301}|\u{200d}|\u{feff}|\u{ad}|« » ’ € œ|[a-zé ]{1,8}){0,12}",
        (1usize..5000).prop_map(|n| "é".repeat(n)),
        Just(String::new()),
    ]
}

fn document(texts: Vec<String>) -> Document {
    let t = |k: usize| texts[k % texts.len()].clone();
    Document {
        metadata: sample::metadata(),
        header: Some(t(0)),
        initials: false,
        footer_title: t(1),
        blocks: vec![
            Block::Title {
                title: t(2),
                subtitle: Some(t(3)),
            },
            Block::Section { text: t(4) },
            Block::article(1, t(5)),
            Block::sub_article(t(6), t(7)),
            Block::Paragraph(Paragraph {
                runs: vec![Run::plain(t(0)), Run::bold(t(3)), Run::italic(t(5))],
                align: allia_docs::model::Align::Justify,
            }),
            Block::List(List {
                ordered: true,
                items: vec![vec![Run::plain(t(1))], vec![Run::bold(t(2))]],
            }),
            Block::Table(Table {
                header: vec![t(4), t(6)],
                rows: vec![vec![vec![Run::plain(t(7))], vec![Run::plain(t(0))]]],
                widths: vec![f32::NAN, -1.0],
            }),
            Block::Signatures(Signatures::new(
                &t(1),
                &t(2),
                3,
                (0..4)
                    .map(|k| Signatory {
                        organisation: t(k),
                        name: t(k + 3),
                        role: t(k + 5),
                    })
                    .collect(),
            )),
        ],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_text_renders(texts in prop::collection::vec(nasty(), 1..8)) {
        let bytes = allia_docs::pdf::shared()
            .expect("typesetter")
            .render(&document(texts))
            .expect("render");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("any.pdf");
        std::fs::write(&path, &bytes).expect("write");
        let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo");
        prop_assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
        prop_assert!(text.status.success());
    }
}
