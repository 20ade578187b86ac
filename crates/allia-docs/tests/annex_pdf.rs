//! PDF annexes inserted into a typeset document, read back with poppler: each file
//! right after its annex's title page, the page count adds up, every footer's « Page
//! N / M » runs on across the whole file, each inserted page says « <annex title> —
//! Page N / M » where the document prints its own footer (same height, same size),
//! whatever the annex's page size, rotation or inherited attributes; the annex's own
//! text is still there, and it gets no initials area.

#[path = "common/pdf_sample.rs"]
mod pdf_sample;
#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/templates_fixture.rs"]
mod templates_fixture;

use allia_core::{
    CommitmentParty, CommitmentsDraft, ContributionNature, DocumentKind, FileCommitments,
    FinancialContribution, Instalment, PaymentSchedule, UserAnnex,
};
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
    words_with(path, page, &[])
}

/// [`words`] with more options for `pdftotext` (`-cropbox`: boxes from the crop box's
/// corner rather than the media box's).
fn words_with(
    path: &std::path::Path,
    page: usize,
    options: &[&str],
) -> Vec<(String, f32, f32, f32, f32)> {
    let page = page.to_string();
    let mut args = vec!["-bbox", "-f", &page, "-l", &page];
    args.extend_from_slice(options);
    let html = pdf_tools::text(path, &args);
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
            id: "statuts",
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
    // baselines plus the descent, in the same Liberation Serif) within half
    // a point, and « Page » as wide (the same face and size).
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

    // The document's pages are untouched: still its own fonts; the stamps are typeset
    // with them too (Liberation Serif, embedded), no built-in Windows-1252 font added.
    let fonts = pdf_tools::tool("pdffonts", &[], &path);
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    assert!(!fonts.contains("Times-Roman"), "{fonts}");
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
            id: "rib",
            title: "Relevé d’identité bancaire",
            bytes: &letter_rotated,
        },
        AnnexFile {
            id: "budget",
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
                id: "statuts",
                title: "Statuts de l’association",
                bytes: &statuts,
            },
            AnnexFile {
                id: "rib",
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
                id: "statuts",
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

/// The fixture's convention with the commune's 30 000 € subsidy in two instalments
/// (so Annexe 1 and Annexe 2 are generated), « Statuts » and « RIB » as Annexe 3 and 4.
fn funded_with_two_user_annexes() -> (
    allia_core::AllianceFile,
    allia_docs::templates::DocumentOptions,
) {
    let mut file = templates_fixture::file(true);
    let commune = file.partners.len() as u32;
    let instalment = |month: u32| Instalment {
        date: Some(templates_fixture::date(2027, month, 1)),
        amount_cents: 1_500_000,
    };
    file.commitments = vec![FileCommitments {
        id: None,
        created_at: None,
        updated_at: None,
        party: CommitmentParty::Partner(commune),
        draft: CommitmentsDraft {
            financial: vec![FinancialContribution {
                nature: ContributionNature::Subsidy,
                amount_cents: 3_000_000,
                schedule: PaymentSchedule::Instalments {
                    instalments: vec![instalment(3), instalment(9)],
                },
                budget_line: None,
            }],
            in_kind: Vec::new(),
        },
    }];
    let mut options = templates_fixture::options(DocumentKind::PartnershipAgreement);
    options.annexes = vec![
        UserAnnex {
            id: "a-statuts".into(),
            title: "Statuts".into(),
            file_name: Some("statuts.pdf".into()),
        },
        UserAnnex {
            id: "a-rib".into(),
            title: "RIB".into(),
            file_name: Some("rib.pdf".into()),
        },
    ];
    options.initials = true;
    (file, options)
}

#[test]
fn each_file_follows_its_annex_title_page_and_the_numbers_run_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, options) = funded_with_two_user_annexes();
    let alone = allia_docs::render::render(&file, &options, allia_docs::render::Format::Pdf)
        .expect("render");
    let own = pages_of(&alone.bytes);
    let statuts = annex_pdf("Statuts signes", 2, A4, 0);
    let rib = annex_pdf("RIB banque", 3, A4, 0);
    let with = render_with_annexes(
        &file,
        &options,
        &[
            AnnexFile {
                id: "a-statuts",
                title: "Statuts",
                bytes: &statuts,
            },
            AnnexFile {
                id: "a-rib",
                title: "RIB",
                bytes: &rib,
            },
        ],
    )
    .expect("with annexes");
    let path = pdf_tools::write(dir.path(), "convention-annexes-inserees.pdf", &with.bytes);
    let total = own + 5;
    assert_eq!(pdfinfo_pages(&path), total);
    let pages: Vec<String> = (1..=total)
        .map(|n| {
            pdf_tools::text(&path, &["-f", &n.to_string(), "-l", &n.to_string()])
                .replace(['\u{a0}', '\u{202f}'], " ")
        })
        .collect();
    // Every page, the document's and the inserted ones, numbered in order.
    for (k, text) in pages.iter().enumerate() {
        let footer = format!("Page {} / {total}", k + 1);
        assert!(text.contains(&footer), "page {}: {text}", k + 1);
    }
    // The annexes' title pages follow the signature page (the last article lists them
    // too, with the same words).
    let signed = pages
        .iter()
        .position(|t| t.contains("Fait à"))
        .expect("the signature page");
    let title = |heading: &str| {
        pages
            .iter()
            .enumerate()
            .skip(signed + 1)
            .find(|(_, t)| t.contains(heading))
            .map(|(k, _)| k)
            .unwrap_or_else(|| panic!("no page for {heading}"))
    };
    let (first, second) = (
        title("Annexe 1 — Engagements financiers"),
        title("Annexe 2 — Calendrier des versements"),
    );
    assert!(
        signed < first && first < second,
        "{signed} {first} {second}"
    );
    let statuts_page = title("Annexe 3 — Statuts");
    assert!(second < statuts_page);
    let expected = [
        (statuts_page + 1, "Statuts signes p. 1", "Statuts — Page"),
        (statuts_page + 2, "Statuts signes p. 2", "Statuts — Page"),
        (statuts_page + 3, "Annexe 4 — RIB", "Page"),
        (statuts_page + 4, "RIB banque p. 1", "RIB — Page"),
        (statuts_page + 5, "RIB banque p. 2", "RIB — Page"),
        (statuts_page + 6, "RIB banque p. 3", "RIB — Page"),
    ];
    for (k, text, footer) in expected {
        let page = &pages[k];
        assert!(page.contains(text), "page {}: {page}", k + 1);
        assert!(
            page.contains(&format!("{footer} {} / {total}", k + 1)),
            "page {}: {page}",
            k + 1
        );
    }
    assert_eq!(statuts_page + 6, total - 1, "the last file ends the PDF");
    // « Paraphes » on every page of the typeset document but the signature page; never
    // on an inserted page.
    for (k, page) in pages.iter().enumerate() {
        let inserted = page.contains("Statuts signes p.") || page.contains("RIB banque p.");
        assert_eq!(
            page.contains("Paraphes"),
            k != signed && !inserted,
            "page {}: {page}",
            k + 1
        );
    }
    // The annexes' title pages are where the document alone has them, the inserted pages
    // aside: the pages of the typeset document are the same, with other numbers.
    assert_eq!(
        pdf_tools::text(
            &pdf_tools::write(dir.path(), "seule.pdf", &alone.bytes),
            &[
                "-f",
                &(statuts_page + 1).to_string(),
                "-l",
                &(statuts_page + 1).to_string()
            ]
        )
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace(&format!("Page {} / {own}", statuts_page + 1), "")
        .trim(),
        pages[statuts_page]
            .replace(&format!("Page {} / {total}", statuts_page + 1), "")
            .trim()
    );
}

#[test]
fn a_file_whose_annex_is_not_printed_goes_at_the_end() {
    let (file, mut options) = funded_with_two_user_annexes();
    options.annexes.truncate(1);
    let statuts = annex_pdf("Statuts signes", 1, A4, 0);
    let other = annex_pdf("Autre fichier", 1, A4, 0);
    let with = render_with_annexes(
        &file,
        &options,
        &[
            AnnexFile {
                id: "inconnue",
                title: "Autre",
                bytes: &other,
            },
            AnnexFile {
                id: "a-statuts",
                title: "Statuts",
                bytes: &statuts,
            },
        ],
    )
    .expect("with annexes");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = pdf_tools::write(dir.path(), "fin.pdf", &with.bytes);
    let total = pdfinfo_pages(&path);
    let page = |n: usize| {
        pdf_tools::text(&path, &["-f", &n.to_string(), "-l", &n.to_string()])
            .replace(['\u{a0}', '\u{202f}'], " ")
    };
    assert!(
        page(total).contains("Autre fichier p. 1"),
        "{}",
        page(total)
    );
    assert!(page(total - 1).contains("Statuts signes p. 1"));
    assert!(page(total - 2).contains("Annexe 3 — Statuts"));
}

/// The charte the fixture's alliance gets from Allia: a real PDF with its own footer
/// (« Charte de partenariat — … — Page 1 / N ») at the very bottom of every page.
fn charte() -> Vec<u8> {
    let file = templates_fixture::file(true);
    let options = templates_fixture::options(DocumentKind::PartnershipCharter);
    allia_docs::render::render(&file, &options, allia_docs::render::Format::Pdf)
        .expect("charte")
        .bytes
}

#[test]
fn an_attached_file_with_its_own_footer_keeps_it_readable_above_the_stamp() {
    let dir = tempfile::tempdir().expect("tempdir");
    let charte = charte();
    let charte_pages = pages_of(&charte);
    assert!(charte_pages >= 2, "{charte_pages}");
    let file = templates_fixture::file(true);
    let mut options = templates_fixture::options(DocumentKind::PartnershipAgreement);
    options.annexes = vec![UserAnnex {
        id: "a-charte".into(),
        title: "Charte de l’alliance".into(),
        file_name: Some("charte.pdf".into()),
    }];
    options.initials = true;
    let with = render_with_annexes(
        &file,
        &options,
        &[AnnexFile {
            id: "a-charte",
            title: "Charte de l’alliance",
            bytes: &charte,
        }],
    )
    .expect("with the charte");
    let path = pdf_tools::write(dir.path(), "convention-charte-jointe.pdf", &with.bytes);
    let total = pdfinfo_pages(&path);
    // The charte's pages end the file.
    let first = total - charte_pages + 1;
    for k in 1..=charte_pages {
        let n = first + k - 1;
        let text = pdf_tools::text(
            &path,
            &["-layout", "-f", &n.to_string(), "-l", &n.to_string()],
        )
        .replace(['\u{a0}', '\u{202f}'], " ");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let ours = format!("Charte de l’alliance — Page {n} / {total}");
        let its = format!("Page {k} / {charte_pages}");
        // Each footer whole, on a line of its own: not printed over each other
        // (« Page 91 // 12 4 »).
        let ours_at = lines
            .iter()
            .position(|l| *l == ours)
            .unwrap_or_else(|| panic!("page {n}, no line « {ours} »: {text}"));
        let its_at = lines
            .iter()
            .position(|l| l.ends_with(&its) && !l.contains("alliance — Page"))
            .unwrap_or_else(|| panic!("page {n}, no line ending « {its} »: {text}"));
        assert!(its_at < ours_at, "page {n}: {text}");
        assert!(!text.contains("Paraphes"), "page {n}: {text}");

        // As drawn: every word of the charte's page lies above our stamp, with room.
        let words = words(&path, n);
        let stamp_top = words
            .iter()
            .filter(|w| w.0 == "Page")
            .map(|w| w.2)
            .fold(f32::MIN, f32::max);
        let content_bottom = words
            .iter()
            .filter(|w| w.2 < stamp_top - 1.0)
            .map(|w| w.4)
            .fold(f32::MIN, f32::max);
        assert!(
            content_bottom + 10.0 < stamp_top,
            "page {n}: content down to {content_bottom}, stamp from {stamp_top}"
        );
        // The stamp where the document prints its footer: 14 mm above the bottom edge.
        let stamp_bottom = words
            .iter()
            .filter(|w| w.2 >= stamp_top - 1.0)
            .map(|w| w.4)
            .fold(f32::MIN, f32::max);
        assert!(
            (842.0 - stamp_bottom - (14.0 * 72.0 / 25.4 - 2.0)).abs() < 2.0,
            "page {n}: {stamp_bottom}"
        );
    }
}

/// A PDF whose pages are filled edge to edge with black, as a scan fills its sheet:
/// an A4 page; a page whose crop box sits inside a larger media box filled beyond it (a
/// bleed); a US Letter page turned with `/Rotate 90`. Each has a link over its whole box.
fn full_page_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    let specs: [([i64; 4], Option<[i64; 4]>, i64); 3] = [
        ([0, 0, 595, 842], None, 0),
        ([0, 0, 700, 950], Some([50, 50, 645, 892]), 0),
        ([0, 0, 612, 792], None, 90),
    ];
    for (media, crop, rotate) in specs {
        let content = Content {
            operations: vec![
                Operation::new("g", vec![0.into()]),
                Operation::new(
                    "re",
                    vec![
                        media[0].into(),
                        media[1].into(),
                        (media[2] - media[0]).into(),
                        (media[3] - media[1]).into(),
                    ],
                ),
                Operation::new("f", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        let visible = crop.unwrap_or(media);
        let link = doc.add_object(dictionary! {
            "Type" => "Annot",
            "Subtype" => "Link",
            "Rect" => visible.iter().map(|&v| Object::from(v)).collect::<Vec<_>>(),
            "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://example.org") },
        });
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => dictionary! {},
            "MediaBox" => media.iter().map(|&v| Object::from(v)).collect::<Vec<_>>(),
            "Annots" => vec![Object::from(link)],
        };
        if let Some(crop) = crop {
            page.set(
                "CropBox",
                crop.iter().map(|&v| Object::from(v)).collect::<Vec<_>>(),
            );
        }
        if rotate != 0 {
            page.set("Rotate", rotate);
        }
        kids.push(doc.add_object(page).into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

/// Page `page` of `path` rendered in grey at 72 dpi (one pixel a point), crop box only:
/// (width, height, pixels row by row, 0 black to 255 white).
fn raster(path: &std::path::Path, page: usize) -> (usize, usize, Vec<u8>) {
    let n = page.to_string();
    let out = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "72", "-cropbox", "-f", &n, "-l", &n])
        .arg(path)
        .output()
        .expect("pdftoppm");
    assert!(out.status.success());
    // A binary PGM: « P5 », width, height, maximum, one whitespace, the pixels.
    let bytes = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (width, height): (usize, usize) = (
        fields[1].parse().expect("width"),
        fields[2].parse().expect("height"),
    );
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), width * height);
    (width, height, pixels)
}

/// The box of the black pixels of a raster: (left, top, right, bottom), in pixels.
fn black_box((width, height, pixels): &(usize, usize, Vec<u8>)) -> (usize, usize, usize, usize) {
    let black: Vec<(usize, usize)> = (0..*height)
        .flat_map(|y| (0..*width).map(move |x| (x, y)))
        .filter(|&(x, y)| pixels[y * width + x] < 60)
        .collect();
    assert!(!black.is_empty(), "no content drawn");
    (
        black.iter().map(|p| p.0).min().expect("left"),
        black.iter().map(|p| p.1).min().expect("top"),
        black.iter().map(|p| p.0).max().expect("right") + 1,
        black.iter().map(|p| p.1).max().expect("bottom") + 1,
    )
}

#[test]
fn a_page_filled_to_its_edges_is_scaled_above_the_stamp() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let main = typesetter
        .render_before(&document_of(1), 3)
        .expect("render");
    let scans = full_page_pdf();
    let bytes = append_annexes(
        main,
        &[AnnexFile {
            id: "scan",
            title: "Statuts numérisés",
            bytes: &scans,
        }],
    )
    .expect("append");
    let path = pdf_tools::write(dir.path(), "annexe-pleine-page.pdf", &bytes);
    assert_eq!(pdfinfo_pages(&path), 4);
    for n in 2..=4 {
        let page = raster(&path, n);
        let (width, height) = (page.0 as f32, page.1 as f32);
        let (left, top, right, bottom) = black_box(&page);
        // The stamp's words, as displayed (pdftotext's boxes run from the crop box's
        // top-left corner, in points: pixels at 72 dpi).
        let stamp: Vec<_> = words_with(&path, n, &["-cropbox"]);
        let line: Vec<&str> = stamp.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(
            line.join(" "),
            format!("Statuts numérisés — Page {n} / 4"),
            "page {n}"
        );
        let stamp_top = stamp.iter().map(|w| w.2).fold(f32::MAX, f32::min);
        let stamp_bottom = stamp.iter().map(|w| w.4).fold(f32::MIN, f32::max);
        // The content ends well above the stamp, which sits in the free band 14 mm up.
        assert!(
            (bottom as f32) + 10.0 < stamp_top,
            "page {n}: content down to {bottom}, stamp from {stamp_top}"
        );
        assert!(
            (height - stamp_bottom - (14.0 * 72.0 / 25.4 - 2.0)).abs() < 2.0,
            "page {n}: {stamp_bottom} of {height}"
        );
        // Scaled, not cut or distorted: it still reaches the top, centred across, its
        // proportions kept, the band (22 mm) free below it.
        let band = 22.0 * 72.0 / 25.4;
        let scale = (height - band) / height;
        assert!(top <= 1, "page {n}: top {top}");
        assert!(
            ((bottom as f32) - (height - band)).abs() <= 1.5,
            "page {n}: bottom {bottom}"
        );
        assert!(
            (left as f32 - (width - right as f32)).abs() <= 1.5,
            "page {n}: {left}..{right} of {width}"
        );
        assert!(
            ((right - left) as f32 - width * scale).abs() <= 1.5,
            "page {n}: {left}..{right} of {width} at {scale}"
        );
    }

    // The links follow the content: each one's rectangle is the content's scaled box.
    let doc = Document::load_mem(&bytes).expect("pdf");
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let rect_of = |page: lopdf::ObjectId| -> Vec<f32> {
        let dict = doc.get_dictionary(page).expect("page");
        let annots = dict
            .get(b"Annots")
            .expect("annots")
            .as_array()
            .expect("array");
        let link = doc
            .get_dictionary(annots[0].as_reference().expect("reference"))
            .expect("link");
        link.get(b"Rect")
            .expect("rect")
            .as_array()
            .expect("array")
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect()
    };
    let band = 22.0 * 72.0 / 25.4;
    let s = (842.0 - band) / 842.0;
    let a4 = rect_of(pages[1]);
    let side = 595.0 * (1.0 - s) / 2.0;
    for (got, want) in a4.iter().zip([side, band, 595.0 - side, 842.0]) {
        assert!((got - want).abs() < 0.01, "{a4:?}");
    }
    // Turned a quarter: the band along the right edge of the unturned page.
    let turned = rect_of(pages[3]);
    assert!((turned[2] - (612.0 - band)).abs() < 0.01, "{turned:?}");
    assert!(turned[0].abs() < 0.01, "{turned:?}");
}
