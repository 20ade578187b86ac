//! Laid-out pages → printpdf operations → PDF bytes, with running header, footer
//! « … — Page N / M », metadata, /Lang and a document ID derived from the content.
//!
//! The parts: the pages drawn here; [`text`], glyphs and text as PDF operations;
//! [`file`], the metadata, the document ID and the file's bytes.

use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LineCapStyle, LineDashPattern, LineJoinStyle,
    LinePoint, Op, PaintMode, PdfDocument, PdfDocumentInfo, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, TextMatrix, WindingOrder,
};

use crate::model::Document;
use crate::templates::wording;

use super::fonts::{Face, Fonts};
use super::layout::{Item, Path};
use super::linebreak::{break_lines, Line};
use super::theme::{Stroke, Theme};
use super::PdfError;
use file::{clean_meta, finish, pdf_date};
use text::{show_glyphs, text_items, visual_order};

mod file;
mod text;

/// Draws items on one page, noting which font files it used (only those are embedded).
struct Canvas<'a> {
    fonts: &'a Fonts,
    theme: &'a Theme,
    used: Vec<bool>,
}

/// How the pages are numbered and which get the initials area.
pub struct Numbering {
    /// Each page's number in the whole file (which may hold pages inserted between
    /// the document's, `crate::annex_pdf`), from 1.
    pub numbers: Vec<usize>,
    /// The pages of the whole file: the « M » of « Page N / M ».
    pub total: usize,
    /// Whether each page prints the initials area (« Paraphes »).
    pub initials: Vec<bool>,
}

/// Builds the whole PDF from the paginated items, numbered as `numbering` says.
pub fn document(
    fonts: &Fonts,
    theme: &Theme,
    doc: &Document,
    pages: &[Vec<Item>],
    numbering: &Numbering,
) -> Result<Vec<u8>, PdfError> {
    let count = pages.len();
    let mut canvas = Canvas {
        fonts,
        theme,
        used: vec![false; fonts.count()],
    };
    let (page, margins) = (&theme.page, &theme.margins);
    let mut pdf_pages = Vec::with_capacity(count);
    for (index, items) in pages.iter().enumerate() {
        let mut ops = Vec::with_capacity(items.len() * 6 + 16);
        for item in items {
            canvas.draw(&mut ops, item);
        }
        let header = doc.header.as_deref().filter(|h| !h.trim().is_empty());
        if let (Some(header), true) = (header, index > 0) {
            let line = canvas.one_line(Face::Italic, header, page.body_width);
            canvas.draw_centred(&mut ops, line, margins.header_baseline);
            let rule = Item::rule(
                page.left,
                theme.right(),
                margins.header_rule_y,
                margins.header_rule,
            );
            canvas.draw(&mut ops, &rule);
        }
        if numbering.initials.get(index).copied().unwrap_or(false) {
            canvas.draw_initials(&mut ops, doc.signing_parties().len());
        }
        let number = numbering.numbers.get(index).copied().unwrap_or(index + 1);
        let footer = canvas.footer_line(&doc.footer_title, number, numbering.total);
        canvas.draw_centred(&mut ops, footer, margins.footer_baseline);
        let page_box = Rect::from_wh(Pt(page.width), Pt(page.height));
        pdf_pages.push(PdfPage {
            media_box: page_box.clone(),
            trim_box: page_box.clone(),
            crop_box: page_box,
            ops,
        });
    }

    let meta = &doc.metadata;
    let mut pdf = PdfDocument::new(&clean_meta(&meta.title));
    let date = pdf_date(meta.creation_date);
    pdf.metadata.info = PdfDocumentInfo {
        document_title: clean_meta(&meta.title),
        author: clean_meta(&meta.author),
        subject: clean_meta(&meta.subject),
        keywords: meta.keywords.iter().map(|k| clean_meta(k)).collect(),
        creator: "Allia".to_string(),
        producer: "Allia".to_string(),
        creation_date: date,
        modification_date: date,
        metadata_date: date,
        ..PdfDocumentInfo::default()
    };
    for key in fonts.keys() {
        if canvas.used[key.index()] {
            let font = PdfFont::new(fonts.embedded(key)?.clone());
            pdf.resources
                .fonts
                .map
                .insert(FontId(key.resource_id().to_string()), font);
        }
    }
    pdf.pages = pdf_pages;
    finish(&pdf, doc)
}

/// Builds a PDF of one small page per stamp line (`super::Stamp`), each line set as the
/// document's footer is (« <title> — Page N / M », Regular at the margins' size and grey,
/// the title shortened with « … » to fit), centred across the page, its baseline
/// `baseline` points above the bottom edge. No metadata: the pages are meant to be
/// drawn onto other pages (`crate::annex_stamp`).
pub fn stamps(
    fonts: &Fonts,
    theme: &Theme,
    lines: &[super::Stamp<'_>],
    height: f32,
    baseline: f32,
) -> Result<Vec<u8>, PdfError> {
    let mut used = vec![false; fonts.count()];
    let mut pdf_pages = Vec::with_capacity(lines.len());
    for stamp in lines {
        let width = stamp.width.max(1.0);
        let room = stamp.room.clamp(0.0, width);
        let mut own = *theme;
        own.page.width = width;
        own.page.height = height;
        own.page.left = (width - room) / 2.0;
        own.page.body_width = room;
        own.margins.footer_baseline = height - baseline;
        let mut canvas = Canvas {
            fonts,
            theme: &own,
            used: std::mem::take(&mut used),
        };
        let mut ops = Vec::with_capacity(16);
        let line = canvas.footer_line(stamp.title, stamp.page, stamp.pages);
        canvas.draw_centred(&mut ops, line, own.margins.footer_baseline);
        used = canvas.used;
        let page_box = Rect::from_wh(Pt(width), Pt(height));
        pdf_pages.push(PdfPage {
            media_box: page_box.clone(),
            trim_box: page_box.clone(),
            crop_box: page_box,
            ops,
        });
    }
    let mut pdf = PdfDocument::new("");
    for key in fonts.keys() {
        if used[key.index()] {
            let font = PdfFont::new(fonts.embedded(key)?.clone());
            pdf.resources
                .fonts
                .map
                .insert(FontId(key.resource_id().to_string()), font);
        }
    }
    pdf.pages = pdf_pages;
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    Ok(bytes)
}

impl Canvas<'_> {
    fn draw(&mut self, ops: &mut Vec<Op>, item: &Item) {
        let page_height = self.theme.page.height;
        match item {
            Item::Text {
                x,
                baseline,
                size,
                line,
                justify,
                grey,
            } => {
                let extra = match justify {
                    Some(width) if !line.last && !line.ragged && line.spaces > 0 => {
                        let target = width * 1000.0 / size;
                        ((target - line.width as f32) / line.spaces as f32).max(0.0)
                    }
                    _ => 0.0,
                };
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor {
                    col: grey_colour(if *grey { self.theme.margins.grey } else { 0.0 }),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(page_height - baseline)),
                });
                let mut current = None;
                for k in visual_order(line) {
                    let chunk = &line.chunks[k];
                    if current != Some(chunk.font) {
                        current = Some(chunk.font);
                        self.used[chunk.font.index()] = true;
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(FontId(chunk.font.resource_id().into())),
                            size: Pt(*size),
                        });
                    }
                    match chunk.shaped.as_deref() {
                        None => ops.push(Op::ShowText {
                            items: text_items(self.fonts, chunk, extra),
                        }),
                        Some(shaped) => show_glyphs(ops, chunk, shaped, *size),
                    }
                }
                ops.push(Op::EndTextSection);
            }
            Item::Rule {
                x1,
                x2,
                y,
                thickness,
                grey,
            } => {
                let y = page_height - y;
                let point = |x: f32| LinePoint {
                    p: Point { x: Pt(x), y: Pt(y) },
                    bezier: false,
                };
                ops.push(Op::SetOutlineColor {
                    col: grey_colour(*grey),
                });
                ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                ops.push(Op::DrawLine {
                    line: PdfLine {
                        points: vec![point(*x1), point(*x2)],
                        is_closed: false,
                    },
                });
            }
            Item::Path(path) => draw_path(ops, path, page_height),
        }
    }

    /// A small grey line centred on the body, in a margin.
    fn draw_centred(&mut self, ops: &mut Vec<Op>, line: Line, baseline: f32) {
        let (page, size) = (&self.theme.page, self.theme.margins.size);
        let natural = line.width as f32 * size / 1000.0;
        let item = Item::Text {
            x: page.left + (page.body_width - natural).max(0.0) / 2.0,
            baseline,
            size,
            line,
            justify: None,
            grey: true,
        };
        self.draw(ops, &item);
    }

    /// « Paraphes » and a box per signatory (one at least), right-aligned in the band
    /// between the body and the footer line.
    fn draw_initials(&mut self, ops: &mut Vec<Op>, signatories: usize) {
        let (page, area) = (&self.theme.page, self.theme.initials);
        let count = signatories.max(1);
        let room = page.body_width * area.max_share;
        let width = area
            .box_width
            .min((room - area.gap * (count - 1) as f32) / count as f32);
        let top = page.top + page.body_height + area.top;
        let bottom = top + area.box_height;
        let right = self.theme.right();
        let left = right - count as f32 * width - (count - 1) as f32 * area.gap;
        for k in 0..count {
            let x1 = left + k as f32 * (width + area.gap);
            let x2 = x1 + width;
            for y in [top, bottom] {
                self.draw(ops, &Item::rule(x1, x2, y, area.stroke));
            }
            for x in [x1, x2] {
                self.draw_vertical(ops, x, top, bottom, area.stroke);
            }
        }
        let size = self.theme.margins.size;
        let label = self.one_line(Face::Italic, wording::INITIALS, page.body_width / 4.0);
        let label_width = label.width as f32 * size / 1000.0;
        let item = Item::Text {
            x: left - area.label_gap - label_width,
            baseline: (top + bottom) / 2.0 + size * 0.35,
            size,
            line: label,
            justify: None,
            grey: true,
        };
        self.draw(ops, &item);
    }

    /// A vertical line from `top` to `bottom` at `x`.
    fn draw_vertical(&mut self, ops: &mut Vec<Op>, x: f32, top: f32, bottom: f32, stroke: Stroke) {
        let page_height = self.theme.page.height;
        let point = |y: f32| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(page_height - y),
            },
            bezier: false,
        };
        ops.push(Op::SetOutlineColor {
            col: grey_colour(stroke.grey),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(stroke.thickness),
        });
        ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![point(top), point(bottom)],
                is_closed: false,
            },
        });
    }

    /// « <title> — Page N / M »; a title too long for the line is shortened with « … ».
    fn footer_line(&self, title: &str, page: usize, pages: usize) -> Line {
        let width = self.theme.page.body_width;
        let numbers = format!("Page {page} / {pages}");
        if title.trim().is_empty() {
            return self.one_line(Face::Regular, &numbers, width);
        }
        let tail = format!(" — {numbers}");
        let tail_width =
            self.fonts.text_width(Face::Regular, &tail) as f32 * self.theme.margins.size / 1000.0;
        let head = self.fit(Face::Regular, title, width - tail_width);
        self.one_line(Face::Regular, &format!("{head}{tail}"), width)
    }

    /// `text` on one small line of at most `width` points, cut with « … » if needed.
    fn one_line(&self, face: Face, text: &str, width: f32) -> Line {
        let max = self.max_width(width);
        let line = self.single(face, text);
        if line.width <= max {
            return line;
        }
        self.single(face, &self.shorten(face, text, max))
    }

    /// `text` as it fits on one small line of `width` points: whole, or its longest
    /// beginning (in reading order) followed by « … ».
    fn fit(&self, face: Face, text: &str, width: f32) -> String {
        let max = self.max_width(width);
        if self.single(face, text).width <= max {
            return text.to_string();
        }
        self.shorten(face, text, max)
    }

    /// `width` points in thousandths of an em at the margins' size.
    fn max_width(&self, width: f32) -> u32 {
        (width.max(0.0) * 1000.0 / self.theme.margins.size) as u32
    }

    /// The longest beginning of `text` that fits in `max` thousandths of an em with
    /// « … » after it (the ellipsis alone if nothing does), found by bisection.
    fn shorten(&self, face: Face, text: &str, max: u32) -> String {
        let cut: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let shortened = |k: usize| {
            format!(
                "{}…",
                text.get(..cut.get(k).copied().unwrap_or(0)).unwrap_or("")
            )
        };
        let (mut fits, mut too_long) = (0, cut.len());
        while too_long - fits > 1 {
            let mid = (fits + too_long) / 2;
            if self.single(face, &shortened(mid)).width <= max {
                fits = mid;
            } else {
                too_long = mid;
            }
        }
        shortened(fits)
    }

    /// `text` on one line, however long.
    fn single(&self, face: Face, text: &str) -> Line {
        break_lines(self.fonts, &[(face, text)], u32::MAX / 4, false)
            .pop()
            .unwrap_or(Line {
                chunks: Vec::new(),
                width: 0,
                spaces: 0,
                last: true,
                ragged: false,
            })
    }
}

/// A chart's path: its own graphics state, so that its dashes and round caps end with it.
fn draw_path(ops: &mut Vec<Op>, path: &Path, page_height: f32) {
    if path.points.is_empty() || (path.stroke.is_none() && path.fill.is_none()) {
        return;
    }
    let points: Vec<LinePoint> = path
        .points
        .iter()
        .map(|p| LinePoint {
            p: Point {
                x: Pt(p.x),
                y: Pt(page_height - p.y),
            },
            bezier: p.control,
        })
        .collect();
    ops.push(Op::SaveGraphicsState);
    if let Some(stroke) = &path.stroke {
        ops.push(Op::SetOutlineColor {
            col: grey_colour(stroke.grey),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(stroke.thickness),
        });
        ops.push(Op::SetLineCapStyle {
            cap: LineCapStyle::Round,
        });
        ops.push(Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        });
        if !stroke.dash.is_empty() {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &stroke.dash),
            });
        }
    }
    if let Some(fill) = path.fill {
        ops.push(Op::SetFillColor {
            col: grey_colour(fill),
        });
    }
    match (path.fill.is_some(), &path.stroke) {
        (false, Some(_)) if !path.closed => ops.push(Op::DrawLine {
            line: PdfLine {
                points,
                is_closed: false,
            },
        }),
        (fill, stroke) => ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: match (fill, stroke.is_some()) {
                    (true, true) => PaintMode::FillStroke,
                    (true, false) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                },
                winding_order: WindingOrder::NonZero,
            },
        }),
    }
    ops.push(Op::RestoreGraphicsState);
}

fn grey_colour(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}
