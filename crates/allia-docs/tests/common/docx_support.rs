//! The hand-built convention and the package-reading helpers shared by the DOCX tests
//! (included with `#[path]`; `tests/common/` holds no test of its own).
#![allow(dead_code)]

#[path = "pdf_tools.rs"]
mod pdf_tools;

pub use pdf_tools::write;
use std::path::{Path, PathBuf};
use std::process::Command;

use allia_docs::model::{
    Align, Block, Document, List, Metadata, Paragraph, Run, Signatory, Signatures, Table,
};
use chrono::NaiveDate;

pub const PARTIES: [(&str, &str, &str); 4] = [
    ("Association Les Tilleuls", "Marie Dupont", "Présidente"),
    ("Mairie de Saint-Aubin", "Jean Martin", "Maire"),
    ("Collectif Entraide 44", "Aïcha Benali", "Co-présidente"),
    (
        "Fondation Œuvre commune",
        "Luc Lefèvre",
        "Directeur général",
    ),
];

pub const ARTICLES: [&str; 4] = ["Objet", "Durée", "Engagements des parties", "Résiliation"];

pub fn metadata() -> Metadata {
    Metadata {
        title: "Convention de partenariat — Alliance des Tilleuls".into(),
        author: "Association Les Tilleuls".into(),
        subject: "Convention de partenariat entre associations".into(),
        keywords: vec!["convention".into(), "alliance".into()],
        creation_date: NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date"),
        language: "fr-FR".into(),
    }
}

pub fn sample() -> Document {
    let mut blocks = vec![
        Block::Title {
            title: "Convention de partenariat".into(),
            subtitle: Some("Alliance des Tilleuls".into()),
        },
        Block::Section {
            text: "Entre les soussignés".into(),
        },
    ];
    for (org, name, role) in PARTIES {
        blocks.push(Block::Paragraph(Paragraph {
            runs: vec![
                Run::bold(org),
                Run::plain(format!(", représentée par {name}, {role},")),
            ],
            align: Align::Left,
        }));
    }
    blocks.push(Block::Section {
        text: "Préambule".into(),
    });
    blocks.push(Block::Paragraph(Paragraph::plain(
        "Les parties mettent en commun leurs moyens au service de l’œuvre commune ; \
         les clauses « & < > \" ' » sont citées telles quelles.",
    )));
    for (i, title) in ARTICLES.iter().enumerate() {
        let number = i as u32 + 1;
        blocks.push(Block::article(number, *title));
        blocks.push(Block::Paragraph(Paragraph {
            runs: vec![
                Run::plain("La présente convention "),
                Run::italic("prend effet"),
                Run::plain(" à sa signature. "),
            ],
            align: Align::Justify,
        }));
        if number == 3 {
            for (k, (org, _, _)) in PARTIES.iter().enumerate() {
                blocks.push(Block::sub_article(
                    format!("3.{}", k + 1),
                    format!("Engagements de {org}"),
                ));
                blocks.push(Block::List(List {
                    ordered: k % 2 == 0,
                    items: vec![
                        vec![Run::plain("mettre à disposition un local")],
                        vec![Run::plain("désigner un référent")],
                    ],
                }));
            }
            blocks.push(Block::Table(Table {
                header: vec!["Poste".into(), "Montant".into()],
                rows: vec![
                    vec![
                        vec![Run::plain("Contribution annuelle")],
                        vec![Run::plain("1\u{202f}250,00\u{a0}€")],
                    ],
                    vec![
                        vec![Run::plain("Frais de fonctionnement")],
                        vec![Run::bold("300,00 €")],
                    ],
                ],
                widths: vec![3.0, 1.0],
            }));
        }
    }
    blocks.push(Block::PageBreak);
    blocks.push(Block::Signatures(Signatures::new(
        "Saint-Aubin",
        "26 novembre 2026",
        4,
        PARTIES
            .iter()
            .map(|(o, n, r)| Signatory {
                organisation: (*o).into(),
                name: (*n).into(),
                role: (*r).into(),
            })
            .collect(),
    )));
    Document {
        metadata: metadata(),
        header: Some("Alliance des Tilleuls — Convention de partenariat".into()),
        initials: false,
        footer_title: "Convention de partenariat".into(),
        blocks,
    }
}

pub fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The raw XML of one part of the package.
pub fn part(docx: &Path, name: &str) -> String {
    let path = docx.to_str().expect("utf-8 path");
    python(
        "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
        &[path, name],
    )
}

pub fn part_names(docx: &Path) -> Vec<String> {
    let path = docx.to_str().expect("utf-8 path");
    python(
        "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
        &[path],
    )
    .lines()
    .map(str::to_owned)
    .collect()
}

/// Parses every XML part (fails on malformed XML) and returns the text of the body's
/// paragraphs, one line per paragraph, entities decoded.
pub fn checked_text(docx: &Path) -> String {
    let path = docx.to_str().expect("utf-8 path");
    python(
        r#"
import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        m.parseString(z.read(n))
d = m.parseString(z.read('word/document.xml'))
out = []
for p in d.getElementsByTagName('w:p'):
    out.append(''.join(t.firstChild.data for t in p.getElementsByTagName('w:t') if t.firstChild))
sys.stdout.write('\n'.join(out))
"#,
        &[path],
    )
}

/// Converts a DOCX to PDF with LibreOffice, in `dir` (with its own profile there).
pub fn soffice_to_pdf(dir: &Path, docx: &Path) -> PathBuf {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("soffice");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join(docx.with_extension("pdf").file_name().expect("file name"))
}

/// The text of a PDF, pages separated by form feeds.
pub fn pdf_text(pdf: &Path) -> String {
    pdf_tools::text(pdf, &["-layout"])
}
