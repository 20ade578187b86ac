//! Where the content of a page inserted from an annex PDF goes, to leave a band for
//! its stamp ([`super::stamp`]).
//!
//! The stamp never prints over the page's own content: most files people attach carry
//! their own footer (statuts, RIB, budgets, a charte exported by Allia), and a scan fills
//! the sheet. So each inserted page's content is scaled down uniformly (about 0.93 on
//! A4, see [`FREE_BAND`]) and moved up, inside its own visible box, centred across, to
//! leave a free band along its bottom edge (as displayed: its `/Rotate` taken into
//! account) that holds the stamp; it is clipped to its scaled box so that what it draws
//! outside its crop box cannot reach the band. Its annotations (links, form fields)
//! follow: their rectangles are scaled the same way.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// From the page's bottom edge to the footer's baseline, in points: 14 mm (the
/// typesetter's `footer_baseline` on A4).
pub(super) const FOOTER_BASELINE: f32 = 14.0 * 72.0 / 25.4;
/// The free band left along the bottom edge of an inserted page for the stamp, in
/// points: the footer's baseline (14 mm) plus 8 mm, so that about 6 mm separate the
/// stamp's top from the page's scaled content. On A4 (842 pt high) the content is scaled
/// by (842 − 62.4) / 842 ≈ 0.926; on A4 landscape or US Letter a little more.
pub const FREE_BAND: f32 = 22.0 * 72.0 / 25.4;
/// The smallest scale an inserted page's content is given: on a page so small that
/// the band would take more than half of it, the band is narrower instead.
const MIN_SCALE: f32 = 0.5;

/// How a page is seen: its visible box, its rotation (0, 90, 180, 270), the length of
/// its displayed bottom edge and the matrix that puts the footer's origin (the middle of
/// its baseline, the line running left to right as displayed) on the page.
pub(super) struct Geometry {
    pub(super) visible: [f32; 4],
    pub(super) rotate: i64,
    pub(super) across: f32,
    pub(super) footer: [f32; 6],
}

pub(super) fn geometry(doc: &Document, page: &Dictionary) -> Geometry {
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
pub(super) fn placement(visible: [f32; 4], rotate: i64) -> [f32; 6] {
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
pub(super) fn move_annotations(
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
