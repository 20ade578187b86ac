//! PDF annexes appended after a typeset document, read back with poppler: the page
//! count adds up, the document's footers count the appended pages, each appended page
//! says « <annex title> — Page N / M » where the document prints its own footer (same
//! height, same size), whatever the annex's page size, rotation or inherited
//! attributes; the annex's own text is still there.

#[path = "common/pdf_sample.rs"]
mod pdf_sample;
#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/templates_fixture.rs"]
mod templates_fixture;

use allia_core::DocumentKind;
use allia_docs::annex_pdf::{append_annexes, render_with_annexes, AnnexFile, AnnexPdfError};
use allia_docs::model::{Block, Document as Model};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A PDF of `pages` pages of `size` points, each saying « <label> p. N », with its
/// resources and media box on the page-tree node (inherited, not on each page) and
/// `/Rotate rotate` on its last page.
fn annex_pdf(label: &str, pages: usize, size: (i64, i64), rotate: i64) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for n in 1..=pages {
        let content = Content {
            operations: vec![
                // A graphics state left changed: the footer must not move with it.
                Operation::new(
                    "cm",
                    vec![2.into(), 0.into(), 0.into(), 2.into(), 0.into(), 0.into()],
                ),
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 12.into()]),
                Operation::new("Td", vec![36.into(), 150.into()]),
                Operation::new(
                    "Tj",
                    vec![Object::string_literal(format!("{label} p. {n}"))],
                ),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        };
        if n == pages && rotate != 0 {
            page.set("Rotate", rotate);
        }
        kids.push(doc.add_object(page).into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "MediaBox" => vec![0.into(), 0.into(), size.0.into(), size.1.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

const A4: (i64, i64) = (595, 842);

fn pages_of(bytes: &[u8]) -> usize {
    Document::load_mem(bytes).expect("pdf").get_pages().len()
}

/// The page count `pdfinfo` reads.
fn pdfinfo_pages(path: &std::path::Path) -> usize {
    let info = pdf_tools::tool("pdfinfo", &[], path);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// The sample convention, made exactly `pages` pages long with page breaks.
fn document_of(pages: usize) -> Model {
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let mut doc = pdf_sample::convention(3);
    // Its title and first heading: one page to grow from.
    doc.blocks.truncate(2);
    let mut k = 0;
    while pages_of(&typesetter.render(&doc).expect("render")) < pages {
        doc.blocks.push(Block::PageBreak);
        doc.blocks.push(pdf_sample::paragraph(k, 2));
        k += 1;
    }
    assert_eq!(pages_of(&typesetter.render(&doc).expect("render")), pages);
    doc
}

/// The words of page `page` with their boxes, from `pdftotext -bbox`:
/// (word, xMin, yMin, xMax, yMax).
fn words(path: &std::path::Path, page: usize) -> Vec<(String, f32, f32, f32, f32)> {
    let page = page.to_string();
    let html = pdf_tools::text(path, &["-bbox", "-f", &page, "-l", &page]);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let at = l.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                l[at..]
                    .split('"')
                    .next()
                    .expect("value")
                    .parse()
                    .expect("number")
            };
            let word = l
                .split('>')
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or("");
            (
                word.to_string(),
                attr("xMin"),
                attr("yMin"),
                attr("xMax"),
                attr("yMax"),
            )
        })
        .collect()
}

/// The box of the footer's last « Page » word on a page.
fn footer_box(path: &std::path::Path, page: usize) -> (f32, f32, f32, f32) {
    words(path, page)
        .into_iter()
        .filter(|w| w.0 == "Page")
        .map(|w| (w.1, w.2, w.3, w.4))
        .next_back()
        .expect("a footer")
}

#[test]
fn an_annex_of_two_pages_after_eight_continues_the_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let doc = document_of(8);
    let main = typesetter.render_before(&doc, 2).expect("render");
    let statuts = annex_pdf("Statuts signes", 2, A4, 0);
    let bytes = append_annexes(
        main,
        &[AnnexFile {
            title: "Statuts de l’association",
            bytes: &statuts,
        }],
    )
    .expect("append");
    let path = pdf_tools::write(dir.path(), "annexe-statuts.pdf", &bytes);
    assert_eq!(pdfinfo_pages(&path), 10);

    let page = |n: usize| pdf_tools::text(&path, &["-f", &n.to_string(), "-l", &n.to_string()]);
    assert!(
        page(1).contains("Convention de partenariat — Page 1 / 10"),
        "{}",
        page(1)
    );
    assert!(page(8).contains("Page 8 / 10"), "{}", page(8));
    let ninth = page(9);
    assert!(
        ninth.contains("Statuts signes p. 1"),
        "the annex's own text: {ninth}"
    );
    assert!(
        ninth.contains("Statuts de l’association — Page 9 / 10"),
        "{ninth}"
    );
    let tenth = page(10);
    assert!(tenth.contains("Statuts signes p. 2"), "{tenth}");
    assert!(
        tenth.contains("Statuts de l’association — Page 10 / 10"),
        "{tenth}"
    );

    // The same place and size as the document's footer: the bottoms of the words (their
    // baselines plus the descent, which Times and Liberation Serif share) within half
    // a point, and « Page » as wide (the same size in metric-compatible faces).
    let own = footer_box(&path, 8);
    let stamped = footer_box(&path, 9);
    assert!(
        (own.3 - stamped.3).abs() < 0.5,
        "bottom {own:?} vs {stamped:?}"
    );
    assert!(
        ((own.2 - own.0) - (stamped.2 - stamped.0)).abs() < 0.3,
        "size {own:?} vs {stamped:?}"
    );
    // Centred like it: the two footers' middles within a few points of each other.
    let middle = |path: &std::path::Path, n: usize| {
        let line: Vec<_> = words(path, n)
            .into_iter()
            .filter(|w| (w.4 - own.3).abs() < 0.5)
            .collect();
        (line.first().expect("footer").1 + line.last().expect("footer").3) / 2.0
    };
    assert!((middle(&path, 8) - middle(&path, 9)).abs() < 3.0);

    // The document's pages are untouched: still its own fonts, and only one Times added.
    let fonts = pdf_tools::tool("pdffonts", &[], &path);
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    assert!(fonts.contains("Times-Roman"), "{fonts}");
}

#[test]
fn annexes_of_other_sizes_and_rotations_are_stamped_along_their_bottom_edge() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let doc = document_of(2);
    let letter_rotated = annex_pdf("RIB", 2, (612, 792), 90);
    let landscape = annex_pdf("Budget", 1, (842, 595), 270);
    let annexes = [
        AnnexFile {
            title: "Relevé d’identité bancaire",
            bytes: &letter_rotated,
        },
        AnnexFile {
            title: "Budget prévisionnel détaillé",
            bytes: &landscape,
        },
    ];
    let main = typesetter.render_before(&doc, 3).expect("render");
    let bytes = append_annexes(main, &annexes).expect("append");
    let path = pdf_tools::write(dir.path(), "annexes-tournees.pdf", &bytes);
    assert_eq!(pdfinfo_pages(&path), 5);
    for (n, expected) in [
        (3, "Relevé d’identité bancaire — Page 3 / 5"),
        (4, "Relevé d’identité bancaire — Page 4 / 5"),
        (5, "Budget prévisionnel détaillé — Page 5 / 5"),
    ] {
        let text = pdf_tools::text(&path, &["-f", &n.to_string(), "-l", &n.to_string()]);
        assert!(text.contains(expected), "page {n}: {text}");
    }
    // On the rotated page, as displayed: the footer is horizontal, at the bottom.
    let size = pdf_tools::tool("pdfinfo", &["-f", "4", "-l", "4"], &path);
    let rotation = size
        .lines()
        .find_map(|l| l.split_once("rot:"))
        .map(|(_, r)| r.trim().to_string());
    assert_eq!(rotation.as_deref(), Some("90"), "{size}");
    // pdftotext's boxes are in the displayed page (792 × 612 here), from its top: the
    // footer runs along the bottom, about 14 mm up, centred.
    let footer: Vec<_> = words(&path, 4)
        .into_iter()
        .filter(|w| w.4 > 612.0 - 45.0)
        .collect();
    let line: Vec<&str> = footer.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(line.join(" "), "Relevé d’identité bancaire — Page 4 / 5");
    // One horizontal line: every word on the same bottom, the line much wider than high.
    assert!(footer.iter().all(|w| (w.4 - footer[0].4).abs() < 0.1));
    assert!(footer[footer.len() - 1].3 - footer[0].1 > 10.0 * (footer[0].4 - footer[0].2));
    let middle = (footer[0].1 + footer[footer.len() - 1].3) / 2.0;
    assert!((middle - 396.0).abs() < 3.0, "centred: {middle}");
    let last = pdf_tools::text(&path, &["-f", "5", "-l", "5"]);
    assert!(last.contains("Budget p. 1"), "the annex's own text: {last}");
}

#[test]
fn the_whole_export_counts_the_annexes_and_without_them_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = templates_fixture::file(true);
    let options = templates_fixture::options(DocumentKind::PartnershipAgreement);
    let alone = allia_docs::render::render(&file, &options, allia_docs::render::Format::Pdf)
        .expect("render");
    let without = render_with_annexes(&file, &options, &[]).expect("no annex");
    assert_eq!(without.bytes, alone.bytes, "no annex: the same bytes");

    let statuts = annex_pdf("Statuts", 2, A4, 0);
    let rib = annex_pdf("RIB", 1, A4, 0);
    let with = render_with_annexes(
        &file,
        &options,
        &[
            AnnexFile {
                title: "Statuts de l’association",
                bytes: &statuts,
            },
            AnnexFile {
                title: "RIB",
                bytes: &rib,
            },
        ],
    )
    .expect("with annexes");
    let n = pages_of(&alone.bytes);
    let path = pdf_tools::write(dir.path(), "convention-annexes.pdf", &with.bytes);
    assert_eq!(pdfinfo_pages(&path), n + 3);
    let first = pdf_tools::text(&path, &["-f", "1", "-l", "1"]);
    assert!(first.contains(&format!("Page 1 / {}", n + 3)), "{first}");
    let last = (n + 3).to_string();
    let text = pdf_tools::text(&path, &["-f", &last, "-l", &last]);
    assert!(
        text.contains(&format!("RIB — Page {} / {}", n + 3, n + 3)),
        "{text}"
    );
    assert!(text.contains("RIB p. 1"));
}

#[test]
fn an_unreadable_annex_is_named_in_french() {
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let main = typesetter.render(&document_of(1)).expect("render");
    for bytes in [b"pas un pdf".to_vec(), b"%PDF-1.4\n%%EOF".to_vec()] {
        let err = append_annexes(
            main.clone(),
            &[AnnexFile {
                title: "Statuts",
                bytes: &bytes,
            }],
        )
        .expect_err("unreadable");
        assert!(matches!(err, AnnexPdfError::Unreadable { .. }));
        assert_eq!(
            err.to_string(),
            "L’annexe «\u{a0}Statuts\u{a0}» n’a pas pu être lue\u{a0}: joignez de nouveau son PDF."
        );
    }
}
