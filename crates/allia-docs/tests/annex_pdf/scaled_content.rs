//! Attached files with their own footer, or filled to their edges like a scan: their
//! content scaled above the stamp, still readable, nothing drawn over the band.

use super::*;

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
