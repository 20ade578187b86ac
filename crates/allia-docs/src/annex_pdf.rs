//! The PDF files a person attaches to the annexes they add (statuts, RIB, budget
//! détaillé…; issue 9, item 3), inserted with lopdf into the exported document right
//! after their annex's title page (« Annexe 3 — Statuts », then the statuts' pages, then
//! « Annexe 4 — RIB »…), the page numbers running across the whole file: the document's
//! own footers count the pages inserted before them
//! ([`crate::pdf::Typesetter::render_with_inserts`]), and each inserted page gets the
//! footer « <annex title> — Page N / M » where the document prints its own: centred,
//! 14 mm above the bottom edge, 8.5 pt grey serif (Times, whose widths are those of the
//! document's Liberation Serif). Inserted pages get no initials area (« Paraphes »).
//!
//! The stamp never prints over the page's own content: most files people attach carry
//! their own footer (statuts, RIB, budgets, a charte exported by Allia), and a scan fills
//! the sheet. So each inserted page's content is scaled down uniformly (about 0.93 on
//! A4, see [`FREE_BAND`]) and moved up, inside its own visible box, centred across, to
//! leave a free band along its bottom edge (as displayed: its `/Rotate` taken into
//! account) that holds the stamp; it is clipped to its scaled box so that what it draws
//! outside its crop box cannot reach the band. Its annotations (links, form fields)
//! follow: their rectangles are scaled the same way.
//!
//! The annex pages are otherwise copied as they are (content, fonts, images, links);
//! what belonged to the annex's file as a whole (its outline, forms, structure tree,
//! encryption) is left behind. Links inside an annex that target a position on one of
//! its pages keep the unscaled position (a few points off).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use allia_core::AllianceFile;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use printpdf::{BuiltinFont, ParsedFont};

use crate::pdf::Insert;
use crate::render::{RenderError, Rendered};
use crate::templates::{self, DocumentOptions};

/// The footer's type size, in points (the typesetter's `theme.margins.size`).
const FOOTER_SIZE: f32 = 8.5;
/// The footer's grey (0 black, 1 white; the typesetter's `theme.margins.grey`).
const FOOTER_GREY: f32 = 0.4;
/// From the page's bottom edge to the footer's baseline, in points: 14 mm (the
/// typesetter's `footer_baseline` on A4).
const FOOTER_BASELINE: f32 = 14.0 * 72.0 / 25.4;
/// The free band left along the bottom edge of an inserted page for the stamp, in
/// points: the footer's baseline (14 mm) plus 8 mm, so that about 6 mm separate the
/// stamp's top from the page's scaled content. On A4 (842 pt high) the content is scaled
/// by (842 − 62.4) / 842 ≈ 0.926; on A4 landscape or US Letter a little more.
pub const FREE_BAND: f32 = 22.0 * 72.0 / 25.4;
/// The smallest scale an inserted page's content is given: on a page so small that
/// the band would take more than half of it, the band is narrower instead.
const MIN_SCALE: f32 = 0.5;
/// Left and right margins the footer line stays within, in points (25 mm each).
const SIDE_MARGIN: f32 = 25.0 * 72.0 / 25.4;
/// The resource name of the footer's font on an appended page (not one a file uses).
const FONT_RESOURCE: &str = "AlliaAnnexFooter";
/// What any single stream of an annex may decompress to while it is read.
const MAX_DECOMPRESSED_STREAM: usize = 256 * 1024 * 1024;

/// Why the annexes could not be appended.
#[derive(Debug, thiserror::Error)]
pub enum AnnexPdfError {
    /// The document itself could not be built or typeset.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// An annex's file is not a PDF lopdf can read, or has no page (the vault checks
    /// both when it is attached: seeing this means the stored file was damaged).
    #[error(
        "L’annexe «\u{a0}{title}\u{a0}» n’a pas pu être lue\u{a0}: joignez de nouveau son PDF."
    )]
    Unreadable { title: String },
    /// The combined file could not be written.
    #[error("Les annexes n’ont pas pu être ajoutées au PDF ({0}).")]
    Write(String),
}

/// One annex's file: its annex (the `UserAnnex::id` whose title page it follows), its
/// title (for the footer) and its PDF bytes.
#[derive(Debug, Clone, Copy)]
pub struct AnnexFile<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub bytes: &'a [u8],
}

fn load(annex: &AnnexFile<'_>) -> Result<Document, AnnexPdfError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED_STREAM),
        ..lopdf::LoadOptions::default()
    };
    let unreadable = || AnnexPdfError::Unreadable {
        title: annex.title.to_string(),
    };
    if !annex.bytes.starts_with(b"%PDF-") {
        return Err(unreadable());
    }
    let document =
        Document::load_mem_with_options(annex.bytes, options).map_err(|_| unreadable())?;
    if document.get_pages().is_empty() {
        return Err(unreadable());
    }
    Ok(document)
}

/// The number of pages of an annex's PDF.
///
/// # Errors
/// [`AnnexPdfError::Unreadable`] when it is not a readable PDF with pages.
pub fn page_count(annex: &AnnexFile<'_>) -> Result<usize, AnnexPdfError> {
    Ok(load(annex)?.get_pages().len())
}

/// Builds the document from `file` with `options`, typesets it, and inserts each
/// annex's PDF right after its annex's title page (« Annexe 3 — Statuts », found by
/// [`AnnexFile::id`]; a file whose annex the document does not print goes at the end),
/// the page numbers running across the whole file: the document's own footers count the
/// pages inserted before them, and each inserted page is stamped « <annex title> — Page
/// N / M » in a free band below its scaled-down content. Without annexes this is exactly [`crate::render::render`] in PDF.
///
/// # Errors
/// [`AnnexPdfError::Render`] when the document cannot be built or typeset,
/// [`AnnexPdfError::Unreadable`] for an annex that is not a readable PDF,
/// [`AnnexPdfError::Write`] when the combined file cannot be written.
pub fn render_with_annexes(
    file: &AllianceFile,
    options: &DocumentOptions,
    annexes: &[AnnexFile<'_>],
) -> Result<Rendered, AnnexPdfError> {
    let built = templates::build(file, options).map_err(RenderError::from)?;
    // Each annex is read once: for its page count, then for its pages.
    let loaded = load_all(annexes)?;
    let end = built.document.blocks.len();
    let mut placed: Vec<(usize, (&str, Document))> = annexes
        .iter()
        .zip(loaded)
        .map(|(annex, loaded)| {
            let block = built
                .annexes
                .iter()
                .find(|start| start.annex_id == annex.id)
                .map_or(end, |start| start.block);
            (block, loaded)
        })
        .collect();
    // The files of annexes the document does not print come last, after the last
    // annex's file (stable: the others keep their order).
    placed.sort_by_key(|(block, _)| *block == end);
    let inserts: Vec<Insert> = placed
        .iter()
        .map(|(block, (_, pdf))| Insert {
            block: *block,
            pages: pdf.get_pages().len(),
        })
        .collect();
    let typeset = crate::pdf::shared()
        .and_then(|typesetter| typesetter.render_with_inserts(&built.document, &inserts))
        .map_err(RenderError::from)?;
    let placed = typeset
        .after
        .into_iter()
        .zip(placed.into_iter().map(|(_, loaded)| loaded))
        .collect();
    Ok(Rendered {
        bytes: insert_loaded(typeset.bytes, placed)?,
        warnings: built.warnings,
    })
}

fn load_all<'a>(annexes: &[AnnexFile<'a>]) -> Result<Vec<(&'a str, Document)>, AnnexPdfError> {
    annexes
        .iter()
        .map(|annex| load(annex).map(|doc| (annex.title, doc)))
        .collect()
}

/// Appends the annexes' pages after all of `main_pdf`'s, in order: [`insert_annexes`]
/// with every annex after the last page. Render the document with
/// [`crate::pdf::Typesetter::render_before`] so that its footers count them.
///
/// # Errors
/// As [`insert_annexes`].
pub fn append_annexes(
    main_pdf: Vec<u8>,
    annexes: &[AnnexFile<'_>],
) -> Result<Vec<u8>, AnnexPdfError> {
    let last = if annexes.is_empty() {
        0
    } else {
        Document::load_mem(&main_pdf)
            .map_err(|e| AnnexPdfError::Write(e.to_string()))?
            .get_pages()
            .len()
    };
    let placed: Vec<(usize, AnnexFile<'_>)> = annexes.iter().map(|a| (last, *a)).collect();
    insert_annexes(main_pdf, &placed)
}

/// Inserts each annex's pages into `main_pdf` after the number of its pages given with
/// it (0: before the first page; annexes at the same place keep their order), each page
/// stamped with the footer « <annex title> — Page N / M », N its place in the whole file
/// and M the pages of the whole file, in a band its content is scaled up out of (see the
/// module's documentation). `main_pdf` is returned untouched when there is no
/// annex. The document's own footers are not changed: typeset it with
/// [`crate::pdf::Typesetter::render_with_inserts`] so that they count the inserted pages.
///
/// # Errors
/// [`AnnexPdfError::Unreadable`] for an annex that is not a readable PDF with pages (or
/// a `main_pdf` that is not one), [`AnnexPdfError::Write`] when the result cannot be
/// written.
pub fn insert_annexes(
    main_pdf: Vec<u8>,
    annexes: &[(usize, AnnexFile<'_>)],
) -> Result<Vec<u8>, AnnexPdfError> {
    if annexes.is_empty() {
        return Ok(main_pdf);
    }
    let files: Vec<AnnexFile<'_>> = annexes.iter().map(|(_, a)| *a).collect();
    let placed = annexes
        .iter()
        .map(|(after, _)| *after)
        .zip(load_all(&files)?);
    insert_loaded(main_pdf, placed.collect())
}

/// [`insert_annexes`] with the annexes already read.
fn insert_loaded(
    main_pdf: Vec<u8>,
    placed: Vec<(usize, (&str, Document))>,
) -> Result<Vec<u8>, AnnexPdfError> {
    if placed.is_empty() {
        return Ok(main_pdf);
    }
    let mut main =
        Document::load_mem(&main_pdf).map_err(|e| AnnexPdfError::Write(e.to_string()))?;
    let own: Vec<ObjectId> = main.get_pages().into_values().collect();
    let total = own.len()
        + placed
            .iter()
            .map(|(_, (_, d))| d.get_pages().len())
            .sum::<usize>();
    let root = root_pages(&main)?;
    let font = main.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Times-Roman",
        "Encoding" => "WinAnsiEncoding",
    });
    // Each annex's pages, moved into the document, with the place they go.
    let mut inserted: Vec<(usize, &str, Vec<ObjectId>)> = Vec::with_capacity(placed.len());
    for (after, (title, mut annex)) in placed {
        prepare_pages(&mut annex);
        annex.renumber_objects_with(main.max_id + 1);
        let pages: Vec<ObjectId> = annex.get_pages().into_values().collect();
        let skipped = page_tree_nodes(&annex);
        for (id, object) in std::mem::take(&mut annex.objects) {
            if !skipped.contains(&id) {
                main.objects.insert(id, object);
            }
        }
        main.max_id = main.max_id.max(annex.max_id);
        inserted.push((after.min(own.len()), title, pages));
    }
    // The whole file's pages in order, flat under the root: the document's, with each
    // annex's after the page it follows.
    let mut kids: Vec<ObjectId> = Vec::with_capacity(total);
    let mut moved = BTreeSet::new();
    for at in 0..=own.len() {
        for (_, title, pages) in inserted.iter().filter(|(after, ..)| *after == at) {
            for &page in pages {
                let footer = footer_text(title, kids.len() + 1, total);
                stamp(&mut main, page, root, font, &footer, &mut moved)?;
                kids.push(page);
            }
        }
        if let Some(&page) = own.get(at) {
            pin_inherited(&mut main, page);
            main.get_dictionary_mut(page)
                .map_err(|e| AnnexPdfError::Write(e.to_string()))?
                .set("Parent", root);
            kids.push(page);
        }
    }
    set_kids(&mut main, root, kids)?;
    main.prune_objects();
    main.compress();
    let mut out = Vec::with_capacity(main_pdf.len());
    main.save_to(&mut out)
        .map_err(|e| AnnexPdfError::Write(e.to_string()))?;
    Ok(out)
}

/// The root of the page tree.
fn root_pages(doc: &Document) -> Result<ObjectId, AnnexPdfError> {
    doc.catalog()
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| AnnexPdfError::Write(e.to_string()))
}

/// The page-tree nodes (`/Type /Pages`) and the catalog of an annex: what is not copied
/// (its pages join the document's tree).
fn page_tree_nodes(doc: &Document) -> BTreeSet<ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, object)| {
            object
                .as_dict()
                .is_ok_and(|d| d.has_type(b"Pages") || d.has_type(b"Catalog"))
        })
        .map(|(id, _)| *id)
        .collect()
}

/// Gives each page of `doc` the attributes it inherits from its page-tree nodes
/// (resources, boxes, rotation), so that it keeps them once moved into another tree,
/// and drops what points into the annex's own structure tree.
fn prepare_pages(doc: &mut Document) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for &page in &pages {
        pin_inherited(doc, page);
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.remove(b"StructParents");
            dict.remove(b"B");
            if !dict.has(b"MediaBox") {
                // The PDF default when a file forgets it: US Letter.
                dict.set("MediaBox", vec![0.into(), 0.into(), 612.into(), 792.into()]);
            }
        }
    }
}

/// Sets on `page` the attributes it inherits from its page-tree nodes (resources,
/// boxes, rotation), so that it keeps them under another parent.
fn pin_inherited(doc: &mut Document, page: ObjectId) {
    const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];
    let mut found: Vec<(&[u8], Object)> = Vec::new();
    for key in INHERITED {
        if let Some(value) = inherited(doc, page, key) {
            found.push((key, value));
        }
    }
    if let Ok(dict) = doc.get_dictionary_mut(page) {
        for (key, value) in found {
            dict.set(key, value);
        }
    }
}

/// The value of `key` on `page` or the nearest page-tree node above it.
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    // A depth bound: a malformed file may loop its `/Parent` links.
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Makes `kids` the root node's pages, in order.
fn set_kids(doc: &mut Document, root: ObjectId, kids: Vec<ObjectId>) -> Result<(), AnnexPdfError> {
    let pages = doc
        .get_dictionary_mut(root)
        .map_err(|e| AnnexPdfError::Write(e.to_string()))?;
    pages.set("Count", kids.len() as i64);
    pages.set(
        "Kids",
        kids.into_iter().map(Object::from).collect::<Vec<Object>>(),
    );
    Ok(())
}

/// A number of a page's box, whether written as an integer or a real.
fn number(doc: &Document, object: &Object) -> Option<f32> {
    doc.dereference(object).ok()?.1.as_float().ok()
}

/// The visible area of a page: its crop box, else its media box (`[x0, y0, x1, y1]`).
fn visible_box(doc: &Document, page: &Dictionary) -> [f32; 4] {
    let read = |key: &[u8]| -> Option<[f32; 4]> {
        let (_, object) = doc.dereference(page.get(key).ok()?).ok()?;
        let values = object.as_array().ok()?;
        let v: Vec<f32> = values.iter().filter_map(|o| number(doc, o)).collect();
        (v.len() == 4).then(|| {
            [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ]
        })
    };
    read(b"CropBox")
        .or_else(|| read(b"MediaBox"))
        .unwrap_or([0.0, 0.0, 612.0, 792.0])
}

/// Where an inserted page's content goes to leave [`FREE_BAND`] free along the bottom
/// edge of its visible box `[x0, y0, x1, y1]` as displayed with `/Rotate rotate`
/// (0, 90, 180 or 270): the matrix `[s, 0, 0, s, tx, ty]` of its `cm`, `s` the same
/// across and up (nothing is distorted), the content touching the box's edge opposite
/// the band and centred between the two others.
fn placement(visible: [f32; 4], rotate: i64) -> [f32; 6] {
    let [x0, y0, x1, y1] = visible;
    let (width, height) = (x1 - x0, y1 - y0);
    // The page's height as displayed: the band runs across it.
    let displayed = if rotate == 90 || rotate == 270 {
        width
    } else {
        height
    };
    if displayed <= 0.0 {
        return [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    }
    let s = ((displayed - FREE_BAND) / displayed).clamp(MIN_SCALE, 1.0);
    let band = displayed * (1.0 - s);
    // x' = s·x + tx: the box's left edge to `left`, its bottom to `bottom`.
    let to = |left: f32, bottom: f32| [s, 0.0, 0.0, s, left - s * x0, bottom - s * y0];
    let (across, up) = (width * (1.0 - s) / 2.0, height * (1.0 - s) / 2.0);
    match rotate {
        // Displayed bottom: the box's right edge (90), top (180), left edge (270).
        90 => to(x0, y0 + up),
        180 => to(x0 + across, y0),
        270 => to(x0 + band, y0 + up),
        _ => to(x0 + across, y0 + band),
    }
}

/// The point `(x, y)` through `matrix` (`[a, 0, 0, d, e, f]`, no rotation): `(a·x + e, d·y + f)`.
fn apply(matrix: &[f32; 6], (x, y): (f32, f32)) -> (f32, f32) {
    (matrix[0] * x + matrix[4], matrix[3] * y + matrix[5])
}

/// Moves the annotations of `page` (links, form fields, notes) with its content: their
/// `/Rect` and `/QuadPoints` through `matrix`. An annotation listed by more than one
/// page (`moved` remembers them) is moved once.
fn move_annotations(
    doc: &mut Document,
    page: &Dictionary,
    matrix: &[f32; 6],
    moved: &mut BTreeSet<ObjectId>,
) {
    let annots: Vec<Object> = match page.get(b"Annots") {
        Ok(object) => match doc.dereference(object) {
            Ok((_, Object::Array(items))) => items.clone(),
            _ => return,
        },
        Err(_) => return,
    };
    for annot in annots {
        let Ok(id) = annot.as_reference() else {
            // A direct annotation dictionary in the array: rare, left as it is.
            continue;
        };
        if !moved.insert(id) {
            continue;
        }
        let numbers = |doc: &Document, key: &[u8]| -> Option<Vec<f32>> {
            let dict = doc.get_dictionary(id).ok()?;
            let (_, array) = doc.dereference(dict.get(key).ok()?).ok()?;
            let values = array.as_array().ok()?;
            let v: Vec<f32> = values.iter().filter_map(|o| number(doc, o)).collect();
            (v.len() == values.len() && v.len().is_multiple_of(2)).then_some(v)
        };
        let transformed = |values: Vec<f32>| -> Object {
            values
                .chunks(2)
                .flat_map(|p| {
                    let (x, y) = apply(matrix, (p[0], p[1]));
                    [Object::Real(x), Object::Real(y)]
                })
                .collect::<Vec<Object>>()
                .into()
        };
        let rect = numbers(doc, b"Rect").filter(|v| v.len() == 4);
        let quads = numbers(doc, b"QuadPoints");
        if let Ok(dict) = doc.get_dictionary_mut(id) {
            if let Some(rect) = rect {
                dict.set("Rect", transformed(rect));
            }
            if let Some(quads) = quads {
                dict.set("QuadPoints", transformed(quads));
            }
        }
    }
}

/// Adds the footer to an appended page: its own content scaled into the page above a
/// free band ([`placement`]), clipped to its scaled box and wrapped in `q … Q` (so that
/// a graphics state it leaves changed does not move the footer), then the footer, drawn
/// in the band along the bottom edge as the page is displayed (its `/Rotate` taken into
/// account). `moved` carries the annotations already moved, across pages.
fn stamp(
    doc: &mut Document,
    page: ObjectId,
    parent: ObjectId,
    font: ObjectId,
    footer: &str,
    moved: &mut BTreeSet<ObjectId>,
) -> Result<(), AnnexPdfError> {
    let broken = |e: lopdf::Error| AnnexPdfError::Write(e.to_string());
    let dict = doc.get_dictionary(page).map_err(broken)?.clone();
    let [x0, y0, x1, y1] = visible_box(doc, &dict);
    let rotate = dict
        .get(b"Rotate")
        .ok()
        .and_then(|o| number(doc, o))
        .map_or(0, |r| (r as i64).rem_euclid(360));
    let (width, height) = (x1 - x0, y1 - y0);
    // The footer's axes in the page's space: `a b c d e f` of its `cm`.
    let (across, matrix) = match rotate {
        90 => (
            height,
            [0.0, 1.0, -1.0, 0.0, x1 - FOOTER_BASELINE, y0 + height / 2.0],
        ),
        180 => (
            width,
            [-1.0, 0.0, 0.0, -1.0, x0 + width / 2.0, y1 - FOOTER_BASELINE],
        ),
        270 => (
            height,
            [0.0, -1.0, 1.0, 0.0, x0 + FOOTER_BASELINE, y0 + height / 2.0],
        ),
        _ => (
            width,
            [1.0, 0.0, 0.0, 1.0, x0 + width / 2.0, y0 + FOOTER_BASELINE],
        ),
    };
    let text = fit(footer, (across - 2.0 * SIDE_MARGIN).max(across / 2.0));
    let text_width = text_width(&text) * FOOTER_SIZE / 1000.0;
    let operations = vec![
        Operation::new("Q", vec![]),
        Operation::new("q", vec![]),
        Operation::new("cm", matrix.iter().map(|&v| Object::Real(v)).collect()),
        Operation::new("g", vec![Object::Real(FOOTER_GREY)]),
        Operation::new("BT", vec![]),
        Operation::new(
            "Tf",
            vec![
                Object::Name(FONT_RESOURCE.into()),
                Object::Real(FOOTER_SIZE),
            ],
        ),
        Operation::new(
            "Td",
            vec![Object::Real(-text_width / 2.0), Object::Real(0.0)],
        ),
        Operation::new(
            "Tj",
            vec![Object::String(
                win_ansi(&text),
                lopdf::StringFormat::Literal,
            )],
        ),
        Operation::new("ET", vec![]),
        Operation::new("Q", vec![]),
    ];
    let encoded = Content { operations }.encode().map_err(broken)?;
    let scaled = placement([x0, y0, x1, y1], rotate);
    move_annotations(doc, &dict, &scaled, moved);
    let mut opening = vec![
        Operation::new("q", vec![]),
        Operation::new("cm", scaled.iter().map(|&v| Object::Real(v)).collect()),
    ];
    // The content as it was seen: its visible box (in its own space, the `cm` above
    // applied), nothing outside it, which could reach the band.
    opening.extend([
        Operation::new(
            "re",
            [x0, y0, width, height]
                .iter()
                .map(|&v| Object::Real(v))
                .collect(),
        ),
        Operation::new("W", vec![]),
        Operation::new("n", vec![]),
    ]);
    let opening = Content {
        operations: opening,
    }
    .encode()
    .map_err(broken)?;
    let before = doc.add_object(Stream::new(dictionary! {}, opening));
    let after = doc.add_object(Stream::new(dictionary! {}, encoded));
    let mut contents = vec![Object::Reference(before)];
    match dict.get(b"Contents") {
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(parts)) => contents.extend(parts.iter().cloned()),
            _ => contents.push(Object::Reference(*id)),
        },
        Ok(Object::Array(parts)) => contents.extend(parts.iter().cloned()),
        _ => {}
    }
    contents.push(Object::Reference(after));

    // The page's resources, with the footer's font added; a shared resource dictionary
    // is copied, not changed for the other pages.
    let mut resources = match dict.get(b"Resources") {
        Ok(object) => doc
            .dereference(object)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok().cloned())
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    };
    let mut fonts = match resources.get(b"Font") {
        Ok(object) => doc
            .dereference(object)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok().cloned())
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    };
    fonts.set(FONT_RESOURCE, font);
    resources.set("Font", fonts);

    let dict = doc.get_dictionary_mut(page).map_err(broken)?;
    dict.set("Contents", contents);
    dict.set("Resources", resources);
    dict.set("Parent", parent);
    Ok(())
}

/// « <title> — Page N / M », as the typesetter writes the document's footers.
fn footer_text(title: &str, page: usize, pages: usize) -> String {
    let numbers = format!("Page {page} / {pages}");
    if title.trim().is_empty() {
        numbers
    } else {
        format!("{} — {numbers}", title.trim())
    }
}

/// Times-Roman, as shipped with printpdf (Windows-1252 glyphs), for measuring.
fn times() -> Option<&'static ParsedFont> {
    static TIMES: OnceLock<Option<ParsedFont>> = OnceLock::new();
    TIMES
        .get_or_init(|| BuiltinFont::TimesRoman.get_parsed_font())
        .as_ref()
}

/// Width of one character in Times-Roman, in thousandths of an em.
fn char_width(c: char) -> f32 {
    if c == ' ' || c == '\u{a0}' {
        // printpdf's Times subset maps no glyph to the space: the AFM's width.
        return 250.0;
    }
    let measured = times().and_then(|font| {
        let units = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let gid = font.lookup_glyph_index(c as u32)?;
        (gid != 0).then(|| f32::from(font.get_horizontal_advance(gid)) * 1000.0 / units)
    });
    // Times' average, should the font not say.
    measured.unwrap_or(500.0)
}

fn text_width(text: &str) -> f32 {
    text.chars()
        .map(|c| char_width(to_drawn(c).unwrap_or('?')))
        .sum()
}

/// `text` shortened with « … » so that it is at most `width` points wide; the page
/// numbers at its end always stay.
fn fit(text: &str, width: f32) -> String {
    let limit = width * 1000.0 / FOOTER_SIZE;
    if text_width(text) <= limit {
        return text.to_string();
    }
    let (head, tail) = match text.rfind(" — Page ") {
        Some(at) => text.split_at(at),
        None => return text.to_string(),
    };
    let room = limit - text_width(tail) - char_width('…');
    let mut kept = String::new();
    let mut used = 0.0;
    for c in head.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        kept.push(c);
        used += w;
    }
    format!("{}…{tail}", kept.trim_end())
}

/// The character drawn for `c` in a Windows-1252 font: narrow spaces become no-break
/// spaces, controls are dropped (`None`), others without a glyph become « ? ».
fn to_drawn(c: char) -> Option<char> {
    match c {
        '\u{202f}' | '\u{2009}' | '\u{2007}' => Some('\u{a0}'),
        c if c.is_control() => None,
        c if win_ansi_byte(c).is_some() => Some(c),
        _ => Some('?'),
    }
}

/// The Windows-1252 byte of `c`, if it has one.
fn win_ansi_byte(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8a),
        ('‹', 0x8b),
        ('Œ', 0x8c),
        ('Ž', 0x8e),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9a),
        ('›', 0x9b),
        ('œ', 0x9c),
        ('ž', 0x9e),
        ('Ÿ', 0x9f),
    ];
    match c as u32 {
        0x20..=0x7e | 0xa0..=0xff => u8::try_from(c as u32).ok(),
        _ => HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b),
    }
}

/// `text` in Windows-1252 bytes, for the footer's font.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .filter_map(to_drawn)
        .filter_map(|c| win_ansi_byte(c).or(Some(b'?')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footers_read_like_the_documents() {
        assert_eq!(
            footer_text(" Statuts de l’association ", 9, 10),
            "Statuts de l’association — Page 9 / 10"
        );
        assert_eq!(footer_text("", 3, 4), "Page 3 / 4");
        assert_eq!(
            win_ansi("« Statuts » — l’œuvre\u{202f}€"),
            b"\xab Statuts \xbb \x97 l\x92\x9cuvre\xa0\x80".to_vec()
        );
        assert_eq!(win_ansi("日本\u{7}"), b"??".to_vec());
        // Times-Roman's widths (the AFM's): a space 250, « e » 444, « M » 889.
        assert_eq!(char_width(' ').round(), 250.0);
        assert_eq!(char_width('e').round(), 444.0);
        assert_eq!(char_width('M').round(), 889.0);
    }

    /// The content's visible box once placed: `[x0, y0, x1, y1]`.
    fn placed(visible: [f32; 4], rotate: i64) -> ([f32; 4], f32) {
        let m = placement(visible, rotate);
        let (a, b) = (
            apply(&m, (visible[0], visible[1])),
            apply(&m, (visible[2], visible[3])),
        );
        ([a.0, a.1, b.0, b.1], m[0])
    }

    fn close(a: [f32; 4], b: [f32; 4]) -> bool {
        a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
    }

    #[test]
    fn the_content_leaves_the_band_free_along_the_displayed_bottom() {
        // A4 upright: about 0.926, the band below, centred across, touching the top.
        let (a4, s) = placed([0.0, 0.0, 595.0, 842.0], 0);
        assert!((s - (842.0 - FREE_BAND) / 842.0).abs() < 1e-6);
        assert!((0.92..0.93).contains(&s), "{s}");
        let side = 595.0 * (1.0 - s) / 2.0;
        assert!(close(a4, [side, FREE_BAND, 595.0 - side, 842.0]), "{a4:?}");
        // A crop box away from the origin: the same, inside it.
        let (cropped, _) = placed([50.0, 60.0, 645.0, 902.0], 0);
        assert!(
            close(
                cropped,
                [50.0 + side, 60.0 + FREE_BAND, 645.0 - side, 902.0]
            ),
            "{cropped:?}"
        );
        // Turned: the band along the edge displayed at the bottom.
        let (upside, _) = placed([0.0, 0.0, 595.0, 842.0], 180);
        assert!(
            close(upside, [side, 0.0, 595.0 - side, 842.0 - FREE_BAND]),
            "{upside:?}"
        );
        let (right, s) = placed([0.0, 0.0, 612.0, 792.0], 90);
        assert!((s - (612.0 - FREE_BAND) / 612.0).abs() < 1e-6);
        let up = 792.0 * (1.0 - s) / 2.0;
        assert!(
            close(right, [0.0, up, 612.0 - FREE_BAND, 792.0 - up]),
            "{right:?}"
        );
        let (left, _) = placed([0.0, 0.0, 612.0, 792.0], 270);
        assert!(close(left, [FREE_BAND, up, 612.0, 792.0 - up]), "{left:?}");
        // A tiny page is not shrunk to nothing.
        assert_eq!(placed([0.0, 0.0, 100.0, 80.0], 0).1, MIN_SCALE);
    }

    #[test]
    fn a_long_title_is_shortened_and_keeps_its_numbers() {
        let long = footer_text(&"Budget prévisionnel détaillé ".repeat(10), 12, 30);
        let fitted = fit(&long, 300.0);
        assert!(fitted.ends_with("… — Page 12 / 30"), "{fitted}");
        assert!(text_width(&fitted) * FOOTER_SIZE / 1000.0 <= 300.0);
        assert_eq!(fit("Statuts — Page 1 / 2", 300.0), "Statuts — Page 1 / 2");
    }
}
