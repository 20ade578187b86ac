//! The PDF files a person attaches to the annexes they add (statuts, RIB, budget
//! détaillé…; issue 9, item 3), inserted with lopdf into the exported document right
//! after their annex's title page (« Annexe 3 — Statuts », then the statuts' pages, then
//! « Annexe 4 — RIB »…), the page numbers running across the whole file: the document's
//! own footers count the pages inserted before them
//! ([`crate::pdf::Typesetter::render_with_inserts`]), and each inserted page gets the
//! footer « <annex title> — Page N / M » where the document prints its own, typeset by
//! the document's typesetter in any script, in a free band below its scaled-down
//! content ([`crate::annex_stamp`]). Inserted pages get no initials area (« Paraphes »).
//!
//! The annex pages are otherwise copied as they are (content, fonts, images, links);
//! what belonged to the annex's file as a whole (its outline, forms, structure tree,
//! encryption) is left behind. Links inside an annex that target a position on one of
//! its pages keep the unscaled position (a few points off).
//!
//! The parts: the insertion here (reading the files, placing their pages in the page
//! tree); [`placement`], where an inserted page's content goes to leave the band free;
//! [`stamp`], the footer typeset and drawn in that band (also `crate::annex_stamp`).

use std::collections::BTreeSet;

use allia_core::AllianceFile;
use lopdf::{Document, Object, ObjectId};

use crate::pdf::Insert;
use crate::render::{RenderError, Rendered};
use crate::templates::{self, DocumentOptions};
use stamp::Job;

mod placement;
pub mod stamp;

/// The free band left along the bottom edge of an inserted page for its footer, in
/// points (22 mm; see [`crate::annex_stamp::FREE_BAND`]).
pub const FREE_BAND: f32 = placement::FREE_BAND;
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
    let mut jobs: Vec<Job<'_>> = Vec::with_capacity(total - own.len());
    for at in 0..=own.len() {
        for (_, title, pages) in inserted.iter().filter(|(after, ..)| *after == at) {
            for &page in pages {
                jobs.push(Job {
                    page,
                    title,
                    number: kids.len() + 1,
                    pages: total,
                });
                main.get_dictionary_mut(page)
                    .map_err(|e| AnnexPdfError::Write(e.to_string()))?
                    .set("Parent", root);
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
    stamp::stamp_pages(&mut main, &jobs, &mut BTreeSet::new())?;
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
