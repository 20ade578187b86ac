//! « Paraphes » in the DOCX footer: the field Word evaluates page by page (every page but
//! the signature page), read back from the package with a real XML parser, and what
//! LibreOffice prints for it, page by page: the initials line on every page (it cannot
//! evaluate the field and shows its cached result), never a stray number or a field
//! code; page numbers that run on across the section break before the annexes.

#[path = "common/docx_support.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use allia_core::{AllianceFile, DocumentKind, DocumentSettings, UserAnnex};
use allia_docs::render::{options, render, Format};
use chrono::NaiveDate;
use support::{python, soffice_to_pdf, write};

fn case(name: &str) -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name);
    let bytes = std::fs::read(&path).expect("sample file");
    AllianceFile::from_json_slice(&bytes).expect("a format-1 alliance file")
}

fn annex(id: &str, title: &str) -> UserAnnex {
    UserAnnex {
        id: id.into(),
        title: title.into(),
        file_name: None,
    }
}

/// The convention of `file`, with « Paraphes » on or off and the given user annexes.
fn convention(
    file: &AllianceFile,
    format: Format,
    initials: bool,
    annexes: Vec<UserAnnex>,
) -> Vec<u8> {
    document(
        DocumentKind::PartnershipAgreement,
        file,
        format,
        initials,
        annexes,
    )
}

/// The document of `kind` for `file`, titled with the kind's label.
fn document(
    kind: DocumentKind,
    file: &AllianceFile,
    format: Format,
    initials: bool,
    annexes: Vec<UserAnnex>,
) -> Vec<u8> {
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        initials,
        annexes,
        ..DocumentSettings::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    render(file, &options(kind, &settings, 1, today), format)
        .expect("renders")
        .bytes
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The text of each page of `pdf` (`pdftotext -f N -l N`), spaces normalised.
fn pages(pdf: &Path) -> Vec<String> {
    let count: usize = poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    (1..=count)
        .map(|p| {
            let n = p.to_string();
            poppler("pdftotext", &["-f", &n, "-l", &n], pdf).replace(['\u{a0}', '\u{202f}'], " ")
        })
        .collect()
}

/// The words of `text`, spaces of any width between them made one.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One element of a footer paragraph, in document order: a field character, a piece of
/// field code (with whether it keeps its spaces) or a piece of text.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Begin,
    Separate,
    End,
    Code { text: String, preserved: bool },
    Text(String),
}

/// The tokens of every paragraph of every footer part, parsed with Python's XML parser:
/// part name → paragraphs → tokens.
fn footer_tokens(docx: &Path) -> Vec<(String, Vec<Vec<Token>>)> {
    let out = python(
        r#"
import sys, zipfile, json
import xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
SPACE = '{http://www.w3.org/XML/1998/namespace}space'
z = zipfile.ZipFile(sys.argv[1])
out = []
for name in sorted(n for n in z.namelist() if n.startswith('word/footer') and n.endswith('.xml')):
    root = ET.fromstring(z.read(name))
    paragraphs = []
    for p in root.iter(W + 'p'):
        tokens = []
        for r in p.iter(W + 'r'):
            for child in r:
                if child.tag == W + 'fldChar':
                    tokens.append([child.get(W + 'fldCharType')])
                elif child.tag == W + 'instrText':
                    tokens.append(['code', child.text or '', child.get(SPACE) == 'preserve'])
                elif child.tag == W + 't':
                    tokens.append(['text', child.text or ''])
        paragraphs.append(tokens)
    out.append([name, paragraphs])
sys.stdout.write(json.dumps(out))
"#,
        &[docx.to_str().expect("utf-8 path")],
    );
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    let token = |t: &serde_json::Value| -> Token {
        let kind = t[0].as_str().expect("kind");
        match kind {
            "begin" => Token::Begin,
            "separate" => Token::Separate,
            "end" => Token::End,
            "code" => Token::Code {
                text: t[1].as_str().expect("code").to_owned(),
                preserved: t[2].as_bool().expect("space"),
            },
            "text" => Token::Text(t[1].as_str().expect("text").to_owned()),
            other => panic!("unexpected token {other}"),
        }
    };
    value
        .as_array()
        .expect("parts")
        .iter()
        .map(|part| {
            let paragraphs = part[1]
                .as_array()
                .expect("paragraphs")
                .iter()
                .map(|p| p.as_array().expect("tokens").iter().map(token).collect())
                .collect();
            (part[0].as_str().expect("name").to_owned(), paragraphs)
        })
        .collect()
}

/// A complex field read back: its code, with nested fields in place, and its cached
/// result (`None` without a separate character).
#[derive(Debug)]
struct Field {
    code: Vec<Piece>,
    result: Option<String>,
}

#[derive(Debug)]
enum Piece {
    Code(String),
    Field(Field),
}

impl Field {
    /// The code with each nested field written `{…}`, as Word shows codes (Alt+F9).
    fn shown(&self) -> String {
        self.code
            .iter()
            .map(|piece| match piece {
                Piece::Code(text) => text.clone(),
                Piece::Field(f) => format!("{{{}}}", f.shown()),
            })
            .collect()
    }

    fn nested(&self) -> Vec<&Field> {
        self.code
            .iter()
            .filter_map(|piece| match piece {
                Piece::Field(f) => Some(f),
                Piece::Code(_) => None,
            })
            .collect()
    }
}

/// Reads the fields of a paragraph (ECMA-376 §17.16.18: begin, code with nested fields,
/// optional separate and result, end); text outside any field is returned apart.
fn fields(tokens: &[Token]) -> (Vec<Field>, String) {
    struct Open {
        field: Field,
        in_result: bool,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut top = Vec::new();
    let mut outside = String::new();
    for token in tokens {
        match token {
            Token::Begin => {
                if let Some(open) = stack.last() {
                    assert!(!open.in_result, "a field begins inside a cached result");
                }
                stack.push(Open {
                    field: Field {
                        code: Vec::new(),
                        result: None,
                    },
                    in_result: false,
                });
            }
            Token::Code { text, preserved } => {
                let open = stack.last_mut().expect("field code outside a field");
                assert!(!open.in_result, "field code inside a result");
                let edge = text.starts_with(' ') || text.ends_with(' ');
                assert!(
                    *preserved || !edge,
                    "w:instrText with edge spaces, without xml:space=\"preserve\": {text:?}"
                );
                open.field.code.push(Piece::Code(text.clone()));
            }
            Token::Separate => {
                let open = stack.last_mut().expect("separate outside a field");
                assert!(!open.in_result, "two separate characters");
                open.in_result = true;
                open.field.result = Some(String::new());
            }
            Token::Text(text) => match stack.last_mut() {
                Some(open) => {
                    assert!(open.in_result, "text inside a field code: {text:?}");
                    open.field
                        .result
                        .get_or_insert_with(String::new)
                        .push_str(text);
                }
                None => outside.push_str(text),
            },
            Token::End => {
                let open = stack.pop().expect("end outside a field");
                match stack.last_mut() {
                    Some(parent) => parent.field.code.push(Piece::Field(open.field)),
                    None => top.push(open.field),
                }
            }
        }
    }
    assert!(stack.is_empty(), "a field is not closed");
    (top, outside)
}

/// « Paraphes : ________   ________ … », a blank per signatory, as it reads in the XML.
fn label(signatories: usize) -> String {
    format!(
        "Paraphes\u{a0}: {}",
        vec!["________"; signatories].join("   ")
    )
}

#[test]
fn footer_holds_the_field_word_evaluates_per_page() {
    let file = case("rw-12-signature-isolee.json");
    let label = label(file.partners.len() + 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(
        dir.path(),
        "paraphes.docx",
        &convention(&file, Format::Docx, true, Vec::new()),
    );
    let parts = footer_tokens(&docx);
    assert_eq!(
        parts.len(),
        2,
        "a default and a first-page footer: {parts:?}"
    );
    for (name, paragraphs) in &parts {
        assert_eq!(paragraphs.len(), 2, "{name}: initials, then the page line");
        let (top, outside) = fields(&paragraphs[0]);
        assert_eq!(outside, "", "{name}: nothing outside the field");
        assert_eq!(top.len(), 1, "{name}: one field");
        let quote = &top[0];
        let expected =
            format!(" QUOTE \"{{ IF {{ PAGE }} < {{ SECTIONPAGES }} \"{label}\" \"\u{a0}\" }}\" ");
        assert_eq!(quote.shown(), expected, "{name}");
        // Cached results: the initials (page 1 is never the signature page), so that
        // a reader that does not evaluate the field shows them.
        assert_eq!(quote.result.as_deref(), Some(label.as_str()), "{name}");
        let [if_field] = quote.nested()[..] else {
            panic!("{name}: one field nested in QUOTE");
        };
        assert_eq!(if_field.result.as_deref(), Some(label.as_str()), "{name}");
        let nested: Vec<String> = if_field.nested().iter().map(|f| f.shown()).collect();
        assert_eq!(nested, [" PAGE ", " SECTIONPAGES "], "{name}");
        for f in if_field.nested() {
            assert!(f.result.is_none(), "{name}: no cached page number to show");
        }
        // The page line keeps its PAGE and NUMPAGES fields.
        let (page_fields, text) = fields(&paragraphs[1]);
        let codes: Vec<String> = page_fields
            .iter()
            .map(|f| f.shown().trim().to_owned())
            .collect();
        assert_eq!(codes, ["PAGE", "NUMPAGES"], "{name}");
        assert!(
            text.starts_with("Convention de partenariat — Page "),
            "{name}: {text}"
        );
    }

    let plain = write(
        dir.path(),
        "sans-paraphes.docx",
        &convention(&file, Format::Docx, false, Vec::new()),
    );
    for (name, paragraphs) in footer_tokens(&plain) {
        assert_eq!(paragraphs.len(), 1, "{name}: the page line only");
    }
}

#[test]
fn annexes_get_a_section_whose_footer_prints_the_initials() {
    let file = case("rw-12-signature-isolee.json");
    let label = label(file.partners.len() + 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let annexes = vec![
        annex("a1", "Statuts de l’association"),
        annex("a2", "Relevé d’identité bancaire"),
    ];
    let docx = write(
        dir.path(),
        "paraphes-annexes.docx",
        &convention(&file, Format::Docx, true, annexes),
    );
    let document = support::part(&docx, "word/document.xml");
    let sections: Vec<usize> = document
        .match_indices("<w:sectPr>")
        .map(|(at, _)| at)
        .collect();
    assert_eq!(sections.len(), 2, "the text, then the annexes");
    let first = &document[..sections[0]];
    let signed = first
        .rfind("Fait à")
        .expect("the signatures in the first section");
    assert!(
        !first[signed..].contains("Statuts de l’association"),
        "no annex page in the first section"
    );
    let annex_part = &document[sections[0]..];
    assert!(annex_part.contains("Statuts de l’association"));
    // The first section has its own page setup and title page; the annex section its
    // own header and footer, no title page.
    let first_sect = &document[sections[0]..sections[1]];
    assert!(first_sect.contains("<w:titlePg />"), "{first_sect}");
    assert!(first_sect.contains(r#"w:top="1417""#), "{first_sect}");
    let last_sect = &document[sections[1]..];
    assert!(!last_sect.contains("<w:titlePg"), "{last_sect}");
    assert!(
        last_sect.contains(r#"<w:headerReference w:type="default""#),
        "{last_sect}"
    );
    let footer_id = last_sect
        .split(r#"<w:footerReference w:type="default" r:id=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("annex footer reference");
    let rels = support::part(&docx, "word/_rels/document.xml.rels");
    let target = rels
        .split("<Relationship ")
        .find(|r| r.contains(&format!(r#"Id="{footer_id}""#)))
        .and_then(|r| r.split(r#"Target=""#).nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("annex footer part");
    let types = support::part(&docx, "[Content_Types].xml");
    assert!(types.contains(&format!("/word/{target}")), "{types}");
    let parts = footer_tokens(&docx);
    let (_, annex_footer) = parts
        .iter()
        .find(|(name, _)| name == &format!("word/{target}"))
        .expect("the annex footer part");
    assert_eq!(
        annex_footer[0],
        [Token::Text(label)],
        "plain initials on annex pages"
    );
    // Two footers use the field: the first section's default and first-page ones.
    let with_field = parts
        .iter()
        .filter(|(_, p)| p[0].first() == Some(&Token::Begin))
        .count();
    assert_eq!(with_field, 2, "{parts:?}");
}

/// What LibreOffice prints for the field: the cached initials on every page, one line,
/// no number beside it, no field code; the page numbers right across the section break;
/// the annexes each from a new page, with no blank page from the break.
#[test]
fn libreoffice_prints_the_initials_line_and_never_a_stray_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let annexes = vec![
        annex("a1", "Statuts de l’association"),
        annex("a2", "Relevé d’identité bancaire"),
    ];
    let convention = DocumentKind::PartnershipAgreement;
    let rw12 = "rw-12-signature-isolee.json";
    for (name, kind, sample, annexes) in [
        ("lo-paraphes", convention, rw12, Vec::new()),
        ("lo-paraphes-annexes", convention, rw12, annexes.clone()),
        // Twelve parties: four rows of signatories, generated annexes before the user's.
        (
            "lo-paraphes-12",
            convention,
            "trial-isere-12-parties.json",
            annexes.clone(),
        ),
        (
            "lo-paraphes-charte",
            DocumentKind::PartnershipCharter,
            "trial-isere-et.json",
            annexes.clone(),
        ),
        (
            "lo-paraphes-consortium",
            DocumentKind::ConsortiumAgreement,
            "trial-isere-et.json",
            annexes,
        ),
    ] {
        let file = case(sample);
        let header = file.alliance.name.clone();
        let label = label(file.partners.len() + 1).replace('\u{a0}', " ");
        let titles: Vec<String> = annexes.iter().map(|a| a.title.clone()).collect();
        let plain = pages(&soffice_to_pdf(
            dir.path(),
            &write(
                dir.path(),
                &format!("{name}-sans.docx"),
                &document(kind, &file, Format::Docx, false, annexes.clone()),
            ),
        ));
        let docx = write(
            dir.path(),
            &format!("{name}.docx"),
            &document(kind, &file, Format::Docx, true, annexes),
        );
        let pages = pages(&soffice_to_pdf(dir.path(), &docx));
        let total = pages.len();
        let signed = pages
            .iter()
            .position(|p| p.contains("Fait à"))
            .expect("a signature page");
        // The footer band holds the initials: the body breaks where it did without them.
        let plain_signed = plain.iter().position(|p| p.contains("Fait à"));
        assert_eq!(Some(signed), plain_signed, "{name}: signature page");
        assert_eq!(total, plain.len(), "{name}: page count");
        let signed_end = pages
            .iter()
            .rposition(|p| p.contains("Lu et approuvé"))
            .expect("signatures");
        // The annexes (generated ones first, then the user's) start on the page after
        // the signatures; the section break adds no blank page.
        let after = &pages[signed_end + 1..];
        match after.first() {
            Some(first) => assert!(first.contains("Annexe 1 — "), "{name}: {first}"),
            None => assert!(titles.is_empty(), "{name}: the annexes are missing"),
        }
        let rest = after.concat();
        for title in &titles {
            assert!(rest.contains(title.as_str()), "{name}: {title}");
        }
        for (k, page) in pages.iter().enumerate() {
            let lines: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let at = |needle: &str| lines.iter().filter(|l| l.contains(needle)).count();
            assert_eq!(at("Paraphes"), 1, "{name} page {}:\n{page}", k + 1);
            let body = lines
                .iter()
                .filter(|l| **l != header && !l.contains("Paraphes") && !l.contains("— Page "))
                .count();
            assert!(body > 0, "{name} page {}: a blank page", k + 1);
            assert!(
                words(page).contains(&words(&label)),
                "{name} page {}: {lines:#?}",
                k + 1
            );
            let numbered = format!("{} — Page {} / {total}", kind.label(), k + 1);
            assert_eq!(
                lines.last(),
                Some(&numbered.as_str()),
                "{name} page {}",
                k + 1
            );
            for line in &lines {
                assert!(
                    !line.chars().all(|c| c.is_ascii_digit() || c == ' '),
                    "{name} page {}: a stray number {line:?}",
                    k + 1
                );
                for code in ["QUOTE", "SECTIONPAGES", "NUMPAGES", "IF "] {
                    assert!(!line.contains(code), "{name} page {}: {line:?}", k + 1);
                }
            }
            if k > 0 {
                assert_eq!(
                    lines.first(),
                    Some(&header.as_str()),
                    "{name} page {}",
                    k + 1
                );
            }
        }
    }
}
