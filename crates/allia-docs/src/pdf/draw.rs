//! Laid-out pages → printpdf operations → PDF bytes, with running header, footer
//! « … — Page N / M », metadata, /Lang and a document ID derived from the content.

use chrono::Datelike;
use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, Date, DateTime, DictItem, FontId, Greyscale, Line as PdfLine, LinePoint,
    Offset, Op, PdfDocument, PdfDocumentInfo, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, TextItem, TextMatrix, Time,
};

use crate::model::Document;
use crate::templates::wording;

use super::fonts::{Face, Fonts};
use super::layout::Item;
use super::linebreak::{break_lines, is_nonbreaking_space, Chunk, Glyph, Line, Shaped};
use super::shaping;
use super::theme::{Stroke, Theme};
use super::PdfError;

/// miniz level 1: page content (hex glyph strings) is repetitive enough that the
/// fastest level gets most of the gain.
const FAST_COMPRESSION: u8 = 1;

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

/// Serialises, replacing printpdf's random trailer IDs with the content fingerprint and
/// setting the catalog's /Lang (neither is reachable through printpdf's model).
fn finish(pdf: &PdfDocument, doc: &Document) -> Result<Vec<u8>, PdfError> {
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    let language = language(&doc.metadata.language);
    // Before compression: the fingerprint reads the content streams as drawn.
    let mut id = Fingerprint::new();
    id.metadata(&pdf.metadata.info, &language);
    for page in lo.get_pages().into_values() {
        id.field(&lo.get_page_content(page));
    }
    let id = id.finish().into_bytes();
    let ids = lo
        .trailer
        .get_mut(b"ID")
        .and_then(|o| o.as_array_mut())
        .map_err(|e| PdfError::Serialize(e.to_string()))?;
    for entry in ids.iter_mut() {
        if let Ok(bytes) = entry.as_str_mut() {
            bytes.clone_from(&id);
        }
    }
    // A string object for /Lang, made from one of the ID strings (lopdf's types are not
    // re-exported by printpdf).
    let mut lang = ids
        .first()
        .cloned()
        .ok_or_else(|| PdfError::Serialize("no document ID".into()))?;
    *lang
        .as_str_mut()
        .map_err(|e| PdfError::Serialize(e.to_string()))? = language;
    lo.catalog_mut()
        .map_err(|e| PdfError::Serialize(e.to_string()))?
        .set("Lang", lang);
    // lopdf deflates at flate's slowest level only (about 1 ms per page of text): every
    // stream is compressed here at a fast level instead.
    for object in lo.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut() {
            if stream.dict.get(b"Filter").is_err() {
                let packed =
                    miniz_oxide::deflate::compress_to_vec_zlib(&stream.content, FAST_COMPRESSION);
                if packed.len() < stream.content.len() {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(packed);
                }
            }
        }
    }
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
                    Some(width) if !line.last && line.spaces > 0 => {
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
            })
    }
}

/// The order in which a line's chunks are drawn, left to right.
fn visual_order(line: &Line) -> Vec<usize> {
    if line.chunks.iter().all(|c| c.level == 0) {
        return (0..line.chunks.len()).collect();
    }
    let levels: Vec<u8> = line.chunks.iter().map(|c| c.level).collect();
    shaping::visual_order(&levels)
}

/// Opens a span whose extracted text is `text` (`/ActualText`), closed by
/// `Op::EndMarkedContent`.
fn begin_actual_text(text: &str) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_string(),
        properties: DictItem::Dict {
            map: BTreeMap::from([(
                "ActualText".to_string(),
                DictItem::String {
                    data: utf16_text(text),
                    literal: false,
                },
            )]),
        },
    }
}

/// Draws a shaped chunk at `size` points: its glyphs in visual order, each moved by what
/// the shaper asks beyond the width the PDF gives it (TJ numbers: thousandths of an em,
/// positive moves left) and raised as it asks, each glyph mapped to the text it stands for (ToUnicode). Boxes for chars
/// no font has are wrapped in an `/ActualText` span with the chunk's text, so that
/// extraction still gives the text as typed.
///
/// Right-to-left glyphs get no `/ActualText`: readers (poppler's pdftotext among them)
/// take a right-to-left line's glyphs in visual order and reverse them, and they reverse
/// an `/ActualText` given in logical order too, which garbles it. With each glyph mapped
/// to its own letter, the reversal gives the text back in logical order (vowel marks
/// excepted: pdftotext places them by position and may put one beside its letter).
fn show_glyphs(ops: &mut Vec<Op>, chunk: &Chunk, shaped: &Shaped, size: f32) {
    if shaped.actual_text {
        ops.push(begin_actual_text(&chunk.text));
    }
    let visual: Vec<&Glyph> = if shaped.rtl {
        shaped.glyphs.iter().rev().collect()
    } else {
        shaped.glyphs.iter().collect()
    };
    // Glyphs raised or lowered by the shaper (marks above or below their base) go in
    // their own text run, with the text rise (Ts) set.
    let mut rise = 0.0;
    let mut k = 0;
    while k < visual.len() {
        let group_rise = visual[k].rise;
        let end = k + visual[k..]
            .iter()
            .take_while(|g| g.rise == group_rise)
            .count();
        if group_rise != rise {
            rise = group_rise;
            ops.push(Op::SetLineOffset {
                multiplier: rise * size / 1000.0,
            });
        }
        let mut items = Vec::with_capacity(2);
        let mut codepoints: Vec<Codepoint> = Vec::with_capacity(end - k);
        let mut pending = 0.0;
        for glyph in &visual[k..end] {
            let before = pending - glyph.offset;
            match codepoints.last_mut() {
                Some(last) => last.offset += before,
                None if before.abs() >= 0.01 => items.push(TextItem::Offset(before)),
                None => {}
            }
            codepoints.push(Codepoint {
                gid: glyph.gid,
                offset: 0.0,
                cid: Some(glyph.text.clone()),
            });
            pending = glyph.natural + glyph.offset - glyph.advance;
        }
        if let Some(last) = codepoints.last_mut() {
            last.offset += pending;
        }
        // printpdf writes a zero offset as nothing: float noise would write « 0 ».
        for codepoint in &mut codepoints {
            if codepoint.offset.abs() < 0.01 {
                codepoint.offset = 0.0;
            }
        }
        items.push(TextItem::GlyphIds(codepoints));
        ops.push(Op::ShowText { items });
        k = end;
    }
    if rise != 0.0 {
        ops.push(Op::SetLineOffset { multiplier: 0.0 });
    }
    if shaped.actual_text {
        ops.push(Op::EndMarkedContent);
    }
}

/// A PDF text string: UTF-16BE with its byte order mark.
fn utf16_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    bytes
}

/// TJ items for a chunk: justification room after each breakable space (TJ numbers are
/// thousandths of an em, negative moves right); non-breaking spaces are drawn with the
/// space glyph, so text extraction gives plain spaces, corrected to their own width.
fn text_items(fonts: &Fonts, chunk: &Chunk, extra: f32) -> Vec<TextItem> {
    let mut items = Vec::new();
    let mut text = String::with_capacity(chunk.text.len());
    for c in chunk.text.chars() {
        let adjust = if c == ' ' {
            -extra
        } else if is_nonbreaking_space(c) {
            fonts.width(chunk.face, ' ') as f32 - fonts.width(chunk.face, c) as f32
        } else {
            text.push(c);
            continue;
        };
        text.push(' ');
        if adjust != 0.0 {
            items.push(TextItem::Text(std::mem::take(&mut text)));
            items.push(TextItem::Offset(adjust));
        }
    }
    if !text.is_empty() {
        items.push(TextItem::Text(text));
    }
    items
}

fn grey_colour(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

fn pdf_date(date: chrono::NaiveDate) -> DateTime {
    DateTime {
        date: Date {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        },
        time: Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// Metadata strings without control characters.
fn clean_meta(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A BCP 47-looking tag, « fr-FR » when the model gives none.
fn language(tag: &str) -> Vec<u8> {
    let tag: String = tag
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if tag.is_empty() {
        b"fr-FR".to_vec()
    } else {
        tag.into_bytes()
    }
}

/// The document ID: 32 hex digits (two FNV-1a 64 lanes) over what the PDF shows, the
/// metadata written and each page's content stream, so the same document always gets the
/// same ID, and only a change in what is printed changes it (not a renamed field of the
/// document model, which is never hashed).
struct Fingerprint {
    lanes: [u64; 2],
}

impl Fingerprint {
    fn new() -> Fingerprint {
        Fingerprint {
            lanes: [0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142],
        }
    }

    /// One length-prefixed field, so that two fields never read as one.
    fn field(&mut self, bytes: &[u8]) {
        let len = (bytes.len() as u64).to_le_bytes();
        for lane in &mut self.lanes {
            *lane = len.iter().chain(bytes).fold(*lane, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        }
    }

    fn metadata(&mut self, info: &PdfDocumentInfo, language: &[u8]) {
        for text in [
            &info.document_title,
            &info.author,
            &info.subject,
            &info.creator,
            &info.producer,
        ] {
            self.field(text.as_bytes());
        }
        self.field(info.keywords.join("\n").as_bytes());
        let d = &info.creation_date.date;
        self.field(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day).as_bytes());
        self.field(language);
    }

    fn finish(&self) -> String {
        format!("{:016x}{:016x}", self.lanes[0], self.lanes[1])
    }
}
