//! Layout rules of the PDF, over sweeps of text lengths and positions, read back with
//! poppler page by page: the signature block is never alone on its page (it takes the
//! last paragraph before it along, and splits between its rows when it is too tall for
//! that), « Et » never ends a page, no line ends inside a number group or a date, and the
//! initials area (« Paraphes ») is in the footer of every page but the signature page,
//! annex pages after it included.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/pdf_sample.rs"]
mod sample;

use std::path::{Path, PathBuf};

use allia_docs::model::{Block, Document, List, Paragraph, Run, Signatures};
use allia_docs::templates::typography::fix_typography;
use proptest::prelude::*;

const HEADER: &str = "Alliance des Tilleuls — Convention de partenariat";
const FIRST_WORD: &str = "Premièrement";
const LAST_WORD: &str = "finalement.";

fn render(doc: &Document, dir: &Path, name: &str) -> PathBuf {
    let bytes = allia_docs::pdf::shared()
        .expect("typesetter")
        .render(doc)
        .expect("renders");
    pdf_tools::write(dir, name, &bytes)
}

fn pages(pdf: &Path) -> usize {
    pdf_tools::tool("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    pdf_tools::text(pdf, &["-f", &n, "-l", &n]).replace(['\u{a0}', '\u{202f}'], " ")
}

/// The page holding « Fait à » (searched from the end) and its text.
fn signature_page(pdf: &Path) -> (usize, String) {
    (1..=pages(pdf))
        .rev()
        .map(|p| (p, page_text(pdf, p)))
        .find(|(_, t)| t.contains("Fait à"))
        .expect("a page with « Fait à »")
}

/// A convention: `articles` articles of filler, then a last article whose last block
/// (a paragraph of `last_words` words, or a list, or a table) runs from FIRST_WORD to
/// LAST_WORD, then the signatures of `signatories` parties.
fn convention(articles: usize, filler: usize, last: Last, signatories: usize) -> Document {
    let mut doc = sample::convention(0);
    doc.blocks.truncate(1); // the title block
    for k in 0..articles {
        doc.blocks.push(Block::article(k as u32 + 1, "Engagements"));
        doc.blocks.push(sample::paragraph(k, 1 + (k + filler) % 4));
    }
    for k in 0..filler % 7 {
        doc.blocks.push(sample::paragraph(k, 1));
    }
    doc.blocks
        .push(Block::article(articles as u32 + 1, "Dispositions finales"));
    let words = |n: usize| {
        let mut text = vec![FIRST_WORD.to_string()];
        text.extend(
            (1..n.saturating_sub(1))
                .map(|k| ["les", "parties", "conviennent", "de", "signer"][k % 5].to_string()),
        );
        text.push(LAST_WORD.to_string());
        text.join(" ")
    };
    doc.blocks.push(match last {
        Last::Paragraph(n) => Block::Paragraph(Paragraph::plain(words(n))),
        Last::List(n) => Block::List(List {
            ordered: false,
            items: vec![
                vec![Run::plain("une première obligation des parties")],
                vec![Run::plain(words(n))],
            ],
        }),
    });
    doc.blocks.push(Block::Signatures(Signatures::new(
        "Saint-Aubin",
        "26 novembre 2026",
        signatories as u32,
        sample::signatories(signatories),
    )));
    doc
}

#[derive(Debug, Clone, Copy)]
enum Last {
    Paragraph(usize),
    List(usize),
}

fn last_block() -> impl Strategy<Value = Last> {
    prop_oneof![
        3 => (1usize..160).prop_map(Last::Paragraph),
        1 => (1usize..60).prop_map(Last::List),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Over a sweep of lengths and party counts, the signature block keeps its layout
    /// rules (see [`signature_layout`]).
    #[test]
    fn the_signature_block_is_never_alone_on_its_page(
        articles in 0usize..14,
        filler in 0usize..40,
        last in last_block(),
        signatories in 1usize..=16,
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let doc = convention(articles, filler, last, signatories);
        let pdf = render(&doc, dir.path(), "signatures.pdf");
        let rows = signature_layout(dir.path(), &pdf, last, signatories);
        prop_assert!(rows.is_ok(), "{} signatories, {:?}: {:?}", signatories, last, rows);
    }
}

/// The layout rules of the signature block, checked on a convention made by
/// [`convention`] with `last` and `signatories`; the signatories per page, from the page
/// of « Fait à », when they hold:
/// - « Fait à » never opens a page: text comes before it, the end of the last block;
/// - when the last block (with its article heading) and the whole signature block fit on
///   one empty page, they are on one page;
/// - no page holds signature rows only unless the block is taller than a page (with the
///   three lines of text at most it takes along); it then splits between whole rows, its
///   first row with « Fait à » and the whole last block.
fn signature_layout(
    dir: &Path,
    pdf: &Path,
    last: Last,
    signatories: usize,
) -> Result<Vec<usize>, String> {
    let (page, text) = signature_page(pdf);
    let before = &text[..text.find("Fait à").expect("found")];
    let body = before
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && l != HEADER);
    if !body || !before.contains(LAST_WORD) {
        return Err(format!(
            "« Fait à » without the text before it, page {page}:\n{text}"
        ));
    }
    let rows = signature_rows(pdf, page, signatories)?;
    let whole_text = before.contains(FIRST_WORD);
    if fits_alone(dir, last, signatories) && (rows.len() > 1 || !whole_text) {
        return Err(format!(
            "the block fits on one page with the last paragraph, yet rows per page are \
             {rows:?} and its first word is on the page: {whole_text}; page {page}:\n{text}"
        ));
    }
    if rows.len() > 1 && (block_fits_a_page(dir, signatories) || !whole_text) {
        return Err(format!(
            "a page of signature rows only ({rows:?}) though the block fits on a page, or \
             the block split from part of the last paragraph; page {page}:\n{text}"
        ));
    }
    Ok(rows)
}

/// Whether the last article (its heading and last block) with the signature block of
/// `signatories` parties fits on one empty page: the same units the pagination moves
/// together, set alone in a document.
fn fits_alone(dir: &Path, last: Last, signatories: usize) -> bool {
    let mut doc = convention(0, 0, last, signatories);
    doc.blocks.remove(0); // the title block
    pages(&render(&doc, dir, "alone.pdf")) == 1
}

/// Whether the signature block of `signatories` parties fits on one empty page with an
/// article heading and three lines of text: as much as the least text it takes along
/// (two lines at least of its paragraph, up to three with the heading when the paragraph
/// is that short), so a page of rows only is unavoidable only when this does not fit.
fn block_fits_a_page(dir: &Path, signatories: usize) -> bool {
    let mut doc = convention(0, 0, Last::Paragraph(3), signatories);
    doc.blocks.remove(0); // the title block
    let line = Block::Paragraph(Paragraph::plain("Une ligne."));
    doc.blocks.insert(1, line.clone());
    doc.blocks.insert(1, line);
    pages(&render(&doc, dir, "block.pdf")) == 1
}

/// How many signatories each page from `page` (the page of « Fait à ») on holds, checked:
/// all `count` of them are there, the first page holds one row at least and every page
/// but the last whole rows (a row is never split).
fn signature_rows(pdf: &Path, page: usize, count: usize) -> Result<Vec<usize>, String> {
    let per_row = if count == 4 { 2 } else { 3 };
    let on_pages: Vec<usize> = (page..=pages(pdf))
        .map(|p| page_text(pdf, p).matches("Lu et approuvé").count())
        .take_while(|&n| n > 0)
        .collect();
    let total: usize = on_pages.iter().sum();
    let first = on_pages.first().copied().unwrap_or(0);
    let whole = on_pages
        .split_last()
        .is_some_and(|(_, full)| full.iter().all(|n| n % per_row == 0));
    if total == count && first >= per_row.min(count) && whole {
        Ok(on_pages)
    } else {
        Err(format!(
            "signatories per page from page {page}: {on_pages:?}"
        ))
    }
}

/// From 10 parties on, the block with the text before it can be taller than a page:
/// for every party count up to 16 and over a sweep of text lengths, the rules of
/// [`signature_layout`] hold: the block moves whole with its last paragraph whenever both
/// fit on one page, else whole with the paragraph's last lines, and splits between its
/// rows (leaving pages of rows only) only when it is taller than a page. Up to 9 parties
/// it always reads whole on one page, and so do twelve with a short paragraph.
#[test]
fn many_signatories_split_between_rows_never_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut whole, mut split) = (0, 0);
    for signatories in 1..=16 {
        for (articles, filler, words) in
            [(3, 0, 40), (5, 2, 25), (7, 5, 90), (8, 11, 12), (9, 3, 140)]
        {
            let last = Last::Paragraph(words);
            let doc = convention(articles, filler, last, signatories);
            let pdf = render(&doc, dir.path(), "many.pdf");
            let rows = signature_layout(dir.path(), &pdf, last, signatories).unwrap_or_else(|e| {
                panic!("{signatories} signatories, {articles}/{filler}/{words}: {e}")
            });
            assert!(
                rows.len() == 1 || signatories >= 10,
                "{signatories} signatories fit on one page with the paragraph: {rows:?}"
            );
            if signatories == 12 && words <= 40 {
                assert_eq!(rows.len(), 1, "twelve parties, {words} words: {rows:?}");
            }
            if signatories >= 10 {
                if rows.len() == 1 {
                    whole += 1;
                } else {
                    split += 1;
                }
            }
        }
    }
    assert!(
        whole > 0 && split > 0,
        "the sweep sees blocks of 10 to 16 parties both whole ({whole}) and split ({split})"
    );
}

/// One short article right under the title, then ten parties: the title cannot leave
/// page 1, so the article and the whole block go to page 2 together rather than leave a
/// row of signatures alone there (a case the sweep found).
#[test]
fn one_article_under_the_title_goes_with_the_signatures() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (filler, words, signatories) in [(7, 14, 10), (0, 30, 11), (0, 5, 12)] {
        let last = Last::Paragraph(words);
        let pdf = render(
            &convention(0, filler, last, signatories),
            dir.path(),
            "one.pdf",
        );
        let rows = signature_layout(dir.path(), &pdf, last, signatories)
            .unwrap_or_else(|e| panic!("{signatories} signatories, {words} words: {e}"));
        assert_eq!(
            rows.len(),
            1,
            "{signatories} signatories, {words} words: {rows:?}"
        );
    }
}

/// A last paragraph longer than a page: the signature page still starts with its end.
#[test]
fn a_last_paragraph_taller_than_a_page_still_comes_along() {
    let dir = tempfile::tempdir().expect("tempdir");
    for words in [700, 900, 1100] {
        let doc = convention(2, 0, Last::Paragraph(words), 6);
        let pdf = render(&doc, dir.path(), "long.pdf");
        let (page, text) = signature_page(&pdf);
        let before = &text[..text.find("Fait à").expect("found")];
        assert!(
            before.contains(LAST_WORD),
            "{words} words, page {page}:\n{text}"
        );
    }
}

/// An explicit page break before the signatures is the author's choice: kept.
#[test]
fn a_page_break_before_the_signatures_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = convention(1, 0, Last::Paragraph(20), 2);
    let signatures = doc.blocks.pop().expect("signatures");
    doc.blocks.push(Block::PageBreak);
    doc.blocks.push(signatures);
    let pdf = render(&doc, dir.path(), "break.pdf");
    assert_eq!(pages(&pdf), 2);
    let (page, text) = signature_page(&pdf);
    assert_eq!(page, 2);
    assert!(!text.contains(LAST_WORD), "{text}");
}

/// What the user types, the way the templates print it (French typography applied).
const GROUPS: [&str; 8] = [
    "12 500 €",
    "1 200 heures",
    "14 400 €",
    "1er décembre 2025",
    "3 250 000,75 €",
    "15 août 2026",
    "9 h 05",
    "2 ans",
];

fn filler_word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zé]{1,12}",
        Just("de".to_string()),
        Just("subvention".to_string()),
        Just("l’association".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Number groups and dates at random places in justified text: each one reads whole on
    /// one line, and no line ends with digits continued by a group of three on the next.
    #[test]
    fn no_line_ends_inside_a_number_group(
        words in prop::collection::vec(filler_word(), 20..160),
        picks in prop::collection::vec((0usize..GROUPS.len(), 0usize..160), 4..14),
    ) {
        let mut text = words;
        let mut expected = [0usize; GROUPS.len()];
        for (group, at) in picks {
            let at = at.min(text.len());
            text.insert(at, GROUPS[group].to_string());
            expected[group] += 1;
        }
        let paragraph = fix_typography(&text.join(" "));
        let mut doc = sample::convention(0);
        doc.blocks.truncate(1);
        doc.blocks.push(Block::Paragraph(Paragraph::plain(paragraph.clone())));
        // The same text in a narrow list item and a table cell.
        doc.blocks.push(Block::List(List {
            ordered: true,
            items: vec![vec![Run::plain(paragraph.clone())]],
        }));
        doc.blocks.push(Block::Table(allia_docs::model::Table {
            header: vec!["Partie".into(), "Apports".into()],
            rows: vec![vec![vec![Run::plain("Mairie")], vec![Run::plain(paragraph)]]],
            widths: vec![1.0, 2.0],
        }));
        let dir = tempfile::tempdir().expect("tempdir");
        let pdf = render(&doc, dir.path(), "groups.pdf");
        let lines: Vec<String> = (1..=pages(&pdf))
            .flat_map(|p| page_text(&pdf, p).lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>())
            .collect();
        for (group, count) in GROUPS.iter().zip(expected) {
            let found: usize = lines.iter().map(|l| l.matches(group).count()).sum();
            prop_assert_eq!(found, 3 * count, "{:?} split across lines:\n{:#?}", group, lines);
        }
        for pair in lines.windows(2) {
            let next: Vec<char> = pair[1].chars().collect();
            let group_next = next.len() >= 3
                && next[..3].iter().all(char::is_ascii_digit)
                && !next.get(3).is_some_and(char::is_ascii_digit);
            prop_assert!(
                !(pair[0].ends_with(|c: char| c.is_ascii_digit()) && group_next),
                "a number group broken: {:?}", pair
            );
        }
    }
}

/// « Paraphes » in the footer of every page but the signature page (here the last), and
/// nowhere without the setting.
#[test]
fn initials_in_the_footer_of_every_page_but_the_signature_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = convention(14, 3, Last::Paragraph(40), 4);
    doc.initials = true;
    let pdf = render(&doc, dir.path(), "initials.pdf");
    let count = pages(&pdf);
    assert!(count >= 3, "{count} pages");
    assert_eq!(signature_page(&pdf).0, count);
    for page in 1..=count {
        let text = page_text(&pdf, page);
        assert_eq!(
            text.contains("Paraphes"),
            page < count,
            "page {page} of {count}:\n{text}"
        );
    }
    doc.initials = false;
    let plain = render(&doc, dir.path(), "plain.pdf");
    assert_eq!(pages(&plain), count, "the footer band takes no body room");
    assert!(!pdf_tools::text(&plain, &[]).contains("Paraphes"));
}

/// With annexes after the signatures, the signature page is the one without
/// « Paraphes »: the page before it and every annex page have them.
#[test]
fn with_annexes_only_the_signature_page_has_no_initials() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = convention(14, 3, Last::Paragraph(40), 4);
    for (number, title) in [(1, "Engagements financiers"), (2, "Statuts")] {
        doc.blocks.push(Block::PageBreak);
        doc.blocks.push(Block::Section {
            text: format!("Annexe\u{a0}{number} — {title}"),
        });
        doc.blocks.push(sample::paragraph(number, 3));
    }
    doc.initials = true;
    let pdf = render(&doc, dir.path(), "initials-annexes.pdf");
    let count = pages(&pdf);
    let (signed, _) = signature_page(&pdf);
    assert_eq!(
        signed + 2,
        count,
        "two annex pages after the signature page"
    );
    assert!(signed >= 2);
    for page in 1..=count {
        let text = page_text(&pdf, page);
        assert_eq!(
            text.contains("Paraphes"),
            page != signed,
            "page {page} (signatures on {signed}):\n{text}"
        );
    }
    assert!(page_text(&pdf, signed + 1).contains("Annexe 1 — Engagements financiers"));
    assert!(page_text(&pdf, signed - 1).contains("Paraphes"));
}

/// A parties clause after `filler` lines of text: `parties` party paragraphs of two lines
/// or so, each two separated by a paragraph « Et ».
fn parties_clause(filler: usize, parties: usize) -> Document {
    let mut doc = sample::convention(0);
    doc.blocks.truncate(1);
    for k in 0..filler {
        doc.blocks.push(Block::Paragraph(Paragraph::plain(format!(
            "Ligne de remplissage numéro {k}."
        ))));
    }
    doc.blocks.push(Block::Section {
        text: "Entre les soussignés".into(),
    });
    for k in 0..parties {
        if k > 0 {
            doc.blocks.push(Block::Paragraph(Paragraph::plain("Et")));
        }
        doc.blocks.push(Block::Paragraph(Paragraph {
            runs: vec![
                Run::bold(format!("Partie numéro {k}")),
                Run::plain(
                    ", association loi 1901, dont le siège est situé 12 rue des Tilleuls, \
                     38000 Grenoble, représentée par sa présidente, ci-après dénommée « la Partie »,",
                ),
            ],
            align: allia_docs::model::Align::Justify,
        }));
    }
    doc
}

/// « Et » between two parties never ends a page: over a sweep of positions, the last
/// line of every page is something else, and every « Et » is printed.
#[test]
fn et_keeps_with_the_next_party() {
    assert!(Paragraph::plain("Et").is_connective());
    assert!(Paragraph::plain("D’une part,").is_connective());
    assert!(!Paragraph::plain("Fin.").is_connective());
    assert!(!Paragraph::plain(sample::sentence(0)).is_connective());
    let dir = tempfile::tempdir().expect("tempdir");
    for filler in 0..46 {
        let doc = parties_clause(filler, 9);
        let pdf = render(&doc, dir.path(), "et.pdf");
        let mut seen = 0;
        for page in 1..=pages(&pdf) {
            let text = page_text(&pdf, page);
            seen += text.lines().filter(|l| l.trim() == "Et").count();
            let last = text
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty() && !l.contains("— Page "))
                .unwrap_or_default();
            assert_ne!(
                last, "Et",
                "{filler} lines: page {page} ends with « Et »:\n{text}"
            );
        }
        assert_eq!(seen, 8, "{filler} lines");
    }
}
