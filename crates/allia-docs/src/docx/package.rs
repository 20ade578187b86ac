//! Final touches on the parts docx-rs renders, for what its builder cannot express:
//! full core properties (keywords, language, fixed dates), the document language on the
//! default run properties, a single « Normal » style and repeated table header rows.
//! Then the ZIP archive.

use std::io::Cursor;

use docx_rs::Docx;

use super::{blocks::HEADER_ROW_MARK, text, DocxError};
use crate::model::Metadata;

/// `docProps/core.xml` from the model's metadata; dates come from the metadata, never
/// from the clock, so the same document always gives the same bytes.
pub fn core_xml(meta: &Metadata) -> String {
    let date = format!("{}T00:00:00Z", meta.creation_date.format("%Y-%m-%d"));
    let keywords = meta
        .keywords
        .iter()
        .map(|k| text::single_line(k).trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let author = text::escape_xml(&meta.author);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator>",
            "<cp:keywords>{keywords}</cp:keywords>",
            "<dc:language>{language}</dc:language>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = text::escape_xml(&meta.title),
        subject = text::escape_xml(&meta.subject),
        author = author,
        keywords = text::escape_xml(&keywords),
        language = text::language_tag(&meta.language),
        date = date,
    )
}

fn utf8(part: &'static str, bytes: Vec<u8>) -> Result<String, DocxError> {
    String::from_utf8(bytes).map_err(|_| DocxError::Encoding { part })
}

/// The empty « Normal » style docx-rs always writes before ours.
const EMPTY_NORMAL: &str = concat!(
    r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" />"#,
    "<w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>"
);

/// Adds `<w:lang>` to the document's default run properties (`w:docDefaults`) and
/// drops docx-rs's empty « Normal » so ours (justified, 11 pt) is the only one.
pub fn fix_styles(styles: Vec<u8>, tag: &str) -> Result<Vec<u8>, DocxError> {
    let xml = utf8("word/styles.xml", styles)?.replacen(EMPTY_NORMAL, "", 1);
    let tag = text::language_tag(tag);
    let lang = format!(r#"<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="ar-SA" />"#);
    let anchor = "</w:rPr></w:rPrDefault>";
    let Some(at) = xml.find(anchor) else {
        return Err(DocxError::Structure {
            part: "word/styles.xml",
            marker: anchor,
        });
    };
    let mut out = String::with_capacity(xml.len() + lang.len());
    out.push_str(&xml[..at]);
    out.push_str(&lang);
    out.push_str(&xml[at..]);
    Ok(out.into_bytes())
}

/// The row height docx-rs writes for [`HEADER_ROW_MARK`].
pub fn header_row_mark() -> String {
    format!(r#"<w:trHeight w:val="{HEADER_ROW_MARK}" w:hRule="atLeast" />"#)
}

/// Turns the marked header rows into rows Word repeats at the top of each page.
/// Text cannot forge the mark: docx-rs escapes `<` in text.
pub fn with_table_headers(document: Vec<u8>) -> Result<Vec<u8>, DocxError> {
    let xml = utf8("word/document.xml", document)?;
    Ok(xml
        .replace(&header_row_mark(), "<w:tblHeader />")
        .into_bytes())
}

/// Renders the parts, applies the touches above and zips the package.
pub fn pack(docx: Docx, meta: &Metadata) -> Result<Vec<u8>, DocxError> {
    let mut parts = docx.build();
    parts.doc_props.core = core_xml(meta).into_bytes();
    parts.styles = fix_styles(std::mem::take(&mut parts.styles), &meta.language)?;
    parts.document = with_table_headers(std::mem::take(&mut parts.document))?;
    let mut archive = Cursor::new(Vec::new());
    parts
        .pack(&mut archive)
        .map_err(|e| DocxError::Archive(e.to_string()))?;
    Ok(archive.into_inner())
}
