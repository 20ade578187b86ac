//! The PDF file: serialised with the trailer's document ID derived from the content
//! (no random ID), the catalog's /Lang, streams compressed at a fast level, and the
//! metadata's date and strings.

use chrono::Datelike;
use printpdf::{Date, DateTime, Offset, PdfDocument, PdfDocumentInfo, PdfSaveOptions, Time};

use super::super::PdfError;
use crate::model::Document;

/// miniz level 1: page content (hex glyph strings) is repetitive enough that the
/// fastest level gets most of the gain.
const FAST_COMPRESSION: u8 = 1;

/// Serialises, replacing printpdf's random trailer IDs with the content fingerprint and
/// setting the catalog's /Lang (neither is reachable through printpdf's model).
pub(super) fn finish(pdf: &PdfDocument, doc: &Document) -> Result<Vec<u8>, PdfError> {
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

pub(super) fn pdf_date(date: chrono::NaiveDate) -> DateTime {
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
pub(super) fn clean_meta(text: &str) -> String {
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
