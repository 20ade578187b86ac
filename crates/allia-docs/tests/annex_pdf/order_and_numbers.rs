//! Where each attached file goes (after its annex's title page, or at the end), how the
//! pages of the whole file are numbered and stamped (any page size or rotation); an
//! unreadable file named in French.

use super::*;

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
