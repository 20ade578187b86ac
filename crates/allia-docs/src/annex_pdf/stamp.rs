//! The stamp of each page inserted from a PDF attached to an annex ([`crate::annex_pdf`]):
//! its content scaled down above a free band along its bottom edge, and in that band the
//! footer « <annex title> — Page N / M », where the document prints its own: centred,
//! 14 mm above the bottom edge, 8.5 pt grey.
//!
//! The footer is typeset by the document's own typesetter ([`crate::pdf::Typesetter::stamps`]:
//! Liberation Serif and the fallback chain, shaping and bidi), so an annex title in
//! Greek, Arabic, Chinese or with an emoji prints as typed, as it does on the annex's
//! title page; a character no font has is drawn as a box and named by « À vérifier »
//! ([`crate::unprintable`]). Each footer is one small page of that typeset PDF, drawn
//! onto its inserted page as a Form XObject with its own resources; the fonts used are
//! embedded once (subset) for all the stamps of a file.
//!
//! Where the page's own content goes to leave room for it: [`super::placement`].

use std::collections::{BTreeMap, BTreeSet};

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

pub use super::placement::FREE_BAND;
use super::placement::{geometry, move_annotations, placement, Geometry, FOOTER_BASELINE};
use crate::annex_pdf::AnnexPdfError;
use crate::pdf::Stamp;
use crate::render::RenderError;

/// Left and right margins the footer line stays within, in points (25 mm each).
const SIDE_MARGIN: f32 = 25.0 * 72.0 / 25.4;
/// The resource name of the footer's Form XObject on an inserted page (not one a file
/// uses).
const STAMP_RESOURCE: &str = "AlliaAnnexFooter";

/// One inserted page to stamp: the page (already in the document), the annex title
/// and its number N in the whole file of M pages.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub page: ObjectId,
    pub title: &'a str,
    pub number: usize,
    pub pages: usize,
}

/// Stamps each page of `jobs` (see the module's documentation): its content scaled above
/// the free band, its annotations moved with it (`moved` carries those already moved,
/// across pages), and its footer, typeset by the document's typesetter, drawn in the band.
///
/// # Errors
/// [`AnnexPdfError::Render`] when the typesetter cannot be loaded or write the footers,
/// [`AnnexPdfError::Write`] when a page cannot be read or changed.
pub fn stamp_pages(
    doc: &mut Document,
    jobs: &[Job<'_>],
    moved: &mut BTreeSet<ObjectId>,
) -> Result<(), AnnexPdfError> {
    if jobs.is_empty() {
        return Ok(());
    }
    let broken = |e: lopdf::Error| AnnexPdfError::Write(e.to_string());
    let mut seen = Vec::with_capacity(jobs.len());
    for job in jobs {
        let dict = doc.get_dictionary(job.page).map_err(broken)?.clone();
        seen.push((geometry(doc, &dict), dict));
    }
    let lines: Vec<Stamp<'_>> = jobs
        .iter()
        .zip(&seen)
        .map(|(job, (g, _))| Stamp {
            title: job.title.trim(),
            page: job.number,
            pages: job.pages,
            width: g.across.max(1.0),
            room: (g.across - 2.0 * SIDE_MARGIN).max(g.across / 2.0),
        })
        .collect();
    let forms = import_stamps(doc, &lines)?;
    for ((job, (g, dict)), form) in jobs.iter().zip(&seen).zip(forms) {
        stamp(doc, job.page, dict, g, form, moved)?;
    }
    Ok(())
}

/// Typesets `lines` and brings each stamp page into `doc` as a Form XObject (its
/// content, its resources, its box from the origin), in order.
fn import_stamps(doc: &mut Document, lines: &[Stamp<'_>]) -> Result<Vec<ObjectId>, AnnexPdfError> {
    let broken = |e: lopdf::Error| AnnexPdfError::Write(e.to_string());
    let bytes = crate::pdf::shared()
        .and_then(|typesetter| typesetter.stamps(lines, FREE_BAND, FOOTER_BASELINE))
        .map_err(RenderError::from)?;
    let mut stamps = Document::load_mem(&bytes).map_err(broken)?;
    stamps.renumber_objects_with(doc.max_id + 1);
    let pages: Vec<ObjectId> = stamps.get_pages().into_values().collect();
    if pages.len() != lines.len() {
        return Err(AnnexPdfError::Write(format!(
            "{} pied(s) de page composé(s) pour {} page(s)",
            pages.len(),
            lines.len()
        )));
    }
    let mut forms = Vec::with_capacity(pages.len());
    for (&page, line) in pages.iter().zip(lines) {
        let content = stamps.get_page_content(page);
        let resources = page_resources(&stamps, page);
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![
                    Object::Real(0.0),
                    Object::Real(0.0),
                    Object::Real(line.width.max(1.0)),
                    Object::Real(FREE_BAND),
                ],
                "Resources" => resources,
            },
            content,
        );
        forms.push(stamps.add_object(form));
    }
    // Everything but the stamp file's own page tree, catalog and information: the
    // fonts, the forms and what they refer to.
    let mut left: BTreeSet<ObjectId> = pages.iter().copied().collect();
    if let Ok(root) = stamps.trailer.get(b"Root").and_then(Object::as_reference) {
        left.insert(root);
    }
    if let Ok(info) = stamps.trailer.get(b"Info").and_then(Object::as_reference) {
        left.insert(info);
    }
    let objects: BTreeMap<ObjectId, Object> = std::mem::take(&mut stamps.objects);
    for (id, object) in objects {
        let tree = object.as_dict().is_ok_and(|d| d.has_type(b"Pages"));
        if !left.contains(&id) && !tree {
            doc.objects.insert(id, object);
        }
    }
    doc.max_id = doc.max_id.max(stamps.max_id);
    Ok(forms)
}

/// The resources of a stamp page, on it or on its page-tree node.
fn page_resources(doc: &Document, page: ObjectId) -> Object {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..8 {
        let Some(dict) = node else { break };
        if let Ok(resources) = dict.get(b"Resources") {
            return resources.clone();
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|parent| doc.get_dictionary(parent))
            .ok();
    }
    Object::Dictionary(Dictionary::new())
}

/// Adds the footer to an inserted page: its own content scaled into the page above a
/// free band ([`placement`]), clipped to its scaled box and wrapped in `q … Q` (so that
/// a graphics state it leaves changed does not move the footer), then the footer's form,
/// drawn in the band along the bottom edge as the page is displayed.
fn stamp(
    doc: &mut Document,
    page: ObjectId,
    dict: &Dictionary,
    geometry: &Geometry,
    form: ObjectId,
    moved: &mut BTreeSet<ObjectId>,
) -> Result<(), AnnexPdfError> {
    let broken = |e: lopdf::Error| AnnexPdfError::Write(e.to_string());
    let reals = |values: &[f32]| values.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>();
    let [x0, y0, x1, y1] = geometry.visible;
    let (width, height) = (x1 - x0, y1 - y0);
    // The form's origin is the bottom-left corner of the band as displayed, the
    // baseline's middle at (across / 2, 14 mm).
    let closing = vec![
        Operation::new("Q", vec![]),
        Operation::new("q", vec![]),
        Operation::new("cm", reals(&geometry.footer)),
        Operation::new(
            "cm",
            reals(&[1.0, 0.0, 0.0, 1.0, -geometry.across / 2.0, -FOOTER_BASELINE]),
        ),
        Operation::new("Do", vec![Object::Name(STAMP_RESOURCE.into())]),
        Operation::new("Q", vec![]),
    ];
    let closing = Content {
        operations: closing,
    }
    .encode()
    .map_err(broken)?;
    let scaled = placement(geometry.visible, geometry.rotate);
    move_annotations(doc, dict, &scaled, moved);
    // The content as it was seen: its visible box (in its own space, the `cm` applied),
    // nothing outside it, which could reach the band.
    let opening = vec![
        Operation::new("q", vec![]),
        Operation::new("cm", reals(&scaled)),
        Operation::new("re", reals(&[x0, y0, width, height])),
        Operation::new("W", vec![]),
        Operation::new("n", vec![]),
    ];
    let opening = Content {
        operations: opening,
    }
    .encode()
    .map_err(broken)?;
    let before = doc.add_object(Stream::new(dictionary! {}, opening));
    let after = doc.add_object(Stream::new(dictionary! {}, closing));
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

    // The page's resources, with the footer's form added; a shared resource dictionary
    // is copied, not changed for the other pages.
    let sub = |doc: &Document, dict: &Dictionary, key: &[u8]| match dict.get(key) {
        Ok(object) => doc
            .dereference(object)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok().cloned())
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    };
    let mut resources = sub(doc, dict, b"Resources");
    let mut forms = sub(doc, &resources, b"XObject");
    forms.set(STAMP_RESOURCE, form);
    resources.set("XObject", forms);

    let dict = doc.get_dictionary_mut(page).map_err(broken)?;
    dict.set("Contents", contents);
    dict.set("Resources", resources);
    Ok(())
}
