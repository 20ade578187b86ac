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
//! The stamp never prints over the page's own content: most files people attach carry
//! their own footer (statuts, RIB, budgets, a charte exported by Allia), and a scan fills
//! the sheet. So each inserted page's content is scaled down uniformly (about 0.93 on
//! A4, see [`FREE_BAND`]) and moved up, inside its own visible box, centred across, to
//! leave a free band along its bottom edge (as displayed: its `/Rotate` taken into
//! account) that holds the stamp; it is clipped to its scaled box so that what it draws
//! outside its crop box cannot reach the band. Its annotations (links, form fields)
//! follow: their rectangles are scaled the same way.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

use crate::annex_pdf::AnnexPdfError;
use crate::pdf::Stamp;
use crate::render::RenderError;

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

/// How a page is seen: its visible box, its rotation (0, 90, 180, 270), the length of
/// its displayed bottom edge and the matrix that puts the footer's origin (the middle of
/// its baseline, the line running left to right as displayed) on the page.
struct Geometry {
    visible: [f32; 4],
    rotate: i64,
    across: f32,
    footer: [f32; 6],
}

fn geometry(doc: &Document, page: &Dictionary) -> Geometry {
    let [x0, y0, x1, y1] = visible_box(doc, page);
    let rotate = page
        .get(b"Rotate")
        .ok()
        .and_then(|o| number(doc, o))
        .map_or(0, |r| (r as i64).rem_euclid(360));
    let (width, height) = (x1 - x0, y1 - y0);
    let (across, footer) = match rotate {
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
    Geometry {
        visible: [x0, y0, x1, y1],
        rotate,
        across,
        footer,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
