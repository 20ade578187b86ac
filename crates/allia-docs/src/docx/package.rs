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

/// Adds `xml:space="preserve"` to each `w:instrText` of a footer part whose code starts
/// or ends with a space: those spaces separate the words of the code (`IF`, `<`, the
/// quoted texts) once nested fields' results are put in place, and a consumer may drop
/// edge whitespace without the attribute. Codes without edge spaces (`PAGE`) are left
/// as docx-rs writes them.
pub fn preserve_field_code_spaces(footer: Vec<u8>) -> Result<Vec<u8>, DocxError> {
    const OPEN: &str = "<w:instrText>";
    const CLOSE: &str = "</w:instrText>";
    let xml = utf8("word/footer.xml", footer)?;
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    while let Some(at) = rest.find(OPEN) {
        let code_start = at + OPEN.len();
        let Some(len) = rest[code_start..].find(CLOSE) else {
            break;
        };
        let code = &rest[code_start..code_start + len];
        out.push_str(&rest[..at]);
        if code.starts_with(' ') || code.ends_with(' ') {
            out.push_str(r#"<w:instrText xml:space="preserve">"#);
        } else {
            out.push_str(OPEN);
        }
        out.push_str(code);
        rest = &rest[code_start + len..];
    }
    out.push_str(rest);
    Ok(out.into_bytes())
}

/// The `w:sectPr` elements of `xml`, as byte ranges, in document order.
fn section_properties(xml: &str) -> Vec<std::ops::Range<usize>> {
    const CLOSE: &str = "</w:sectPr>";
    xml.match_indices("<w:sectPr>")
        .filter_map(|(at, _)| xml[at..].find(CLOSE).map(|end| at..at + end + CLOSE.len()))
        .collect()
}

/// `sect_pr` without the empty element that starts with `prefix` (up to its `/>`).
fn without_element(sect_pr: &str, prefix: &str) -> String {
    match sect_pr.find(prefix) {
        Some(at) => match sect_pr[at..].find("/>") {
            Some(end) => format!("{}{}", &sect_pr[..at], &sect_pr[at + end + 2..]),
            None => sect_pr.to_owned(),
        },
        None => sect_pr.to_owned(),
    }
}

/// Gives a two-section document its final references. docx-rs writes the first
/// section's break ([`super::blocks::Writer::section_break`]) with only the annex
/// footer, and the document's last `w:sectPr` with the running header and the footers
/// of the text: the break takes the latter whole (headers, footers, title page), the
/// last section keeps its default header and takes the annex footer in place of the
/// others, without a title page. Text cannot forge a `w:sectPr`: docx-rs escapes `<`.
pub fn split_sections(document: Vec<u8>) -> Result<Vec<u8>, DocxError> {
    const PART: &str = "word/document.xml";
    const DEFAULT_FOOTER: &str = r#"<w:footerReference w:type="default""#;
    let xml = utf8(PART, document)?;
    let sections = section_properties(&xml);
    let [first, last] = sections.as_slice() else {
        return Err(DocxError::Structure {
            part: PART,
            marker: "two w:sectPr",
        });
    };
    let text = &xml[last.clone()];
    let Some(annex_footer) = xml[first.clone()].find(DEFAULT_FOOTER).and_then(|at| {
        let rest = &xml[first.start + at..first.end];
        rest.find("/>").map(|end| rest[..end + 2].to_owned())
    }) else {
        return Err(DocxError::Structure {
            part: PART,
            marker: DEFAULT_FOOTER,
        });
    };
    let mut annexes = text.to_owned();
    for prefix in [
        r#"<w:headerReference w:type="first""#,
        r#"<w:footerReference w:type="first""#,
        DEFAULT_FOOTER,
        "<w:titlePg",
    ] {
        annexes = without_element(&annexes, prefix);
    }
    annexes = annexes.replacen("</w:sectPr>", &format!("{annex_footer}</w:sectPr>"), 1);
    let mut out = String::with_capacity(xml.len() + text.len());
    out.push_str(&xml[..first.start]);
    out.push_str(text);
    out.push_str(&xml[first.end..last.start]);
    out.push_str(&annexes);
    out.push_str(&xml[last.end..]);
    Ok(out.into_bytes())
}

/// Renders the parts, applies the touches above and zips the package; `two_sections`
/// when the writer ended a first section before the annexes.
pub fn pack(docx: Docx, meta: &Metadata, two_sections: bool) -> Result<Vec<u8>, DocxError> {
    let mut parts = docx.build();
    parts.doc_props.core = core_xml(meta).into_bytes();
    parts.styles = fix_styles(std::mem::take(&mut parts.styles), &meta.language)?;
    parts.document = with_table_headers(std::mem::take(&mut parts.document))?;
    if two_sections {
        parts.document = split_sections(std::mem::take(&mut parts.document))?;
    }
    for footer in &mut parts.footers {
        *footer = preserve_field_code_spaces(std::mem::take(footer))?;
    }
    let mut archive = Cursor::new(Vec::new());
    parts
        .pack(&mut archive)
        .map_err(|e| DocxError::Archive(e.to_string()))?;
    Ok(archive.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_codes_with_edge_spaces_keep_them() {
        let xml = concat!(
            "<w:ftr><w:instrText>PAGE</w:instrText>",
            "<w:instrText> IF </w:instrText><w:instrText>\" </w:instrText></w:ftr>"
        );
        let out = preserve_field_code_spaces(xml.as_bytes().to_vec()).expect("utf-8");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            concat!(
                "<w:ftr><w:instrText>PAGE</w:instrText>",
                r#"<w:instrText xml:space="preserve"> IF </w:instrText>"#,
                r#"<w:instrText xml:space="preserve">" </w:instrText></w:ftr>"#
            )
        );
    }

    #[test]
    fn the_break_takes_the_text_references_and_the_last_section_the_annex_footer() {
        let document = concat!(
            "<w:body><w:p>Fait à</w:p>",
            r#"<w:p><w:pPr><w:sectPr><w:pgSz /><w:footerReference w:type="default" r:id="rIdFooter3" /></w:sectPr></w:pPr></w:p>"#,
            "<w:p>Annexe 1</w:p>",
            r#"<w:sectPr><w:pgSz /><w:headerReference w:type="default" r:id="rIdHeader1" />"#,
            r#"<w:headerReference w:type="first" r:id="rIdHeader2" />"#,
            r#"<w:footerReference w:type="default" r:id="rIdFooter1" />"#,
            r#"<w:footerReference w:type="first" r:id="rIdFooter2" /><w:titlePg /></w:sectPr></w:body>"#
        );
        let out = split_sections(document.as_bytes().to_vec()).expect("two sections");
        let out = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            out,
            concat!(
                "<w:body><w:p>Fait à</w:p>",
                r#"<w:p><w:pPr><w:sectPr><w:pgSz /><w:headerReference w:type="default" r:id="rIdHeader1" />"#,
                r#"<w:headerReference w:type="first" r:id="rIdHeader2" />"#,
                r#"<w:footerReference w:type="default" r:id="rIdFooter1" />"#,
                r#"<w:footerReference w:type="first" r:id="rIdFooter2" /><w:titlePg /></w:sectPr></w:pPr></w:p>"#,
                "<w:p>Annexe 1</w:p>",
                r#"<w:sectPr><w:pgSz /><w:headerReference w:type="default" r:id="rIdHeader1" />"#,
                r#"<w:footerReference w:type="default" r:id="rIdFooter3" /></w:sectPr></w:body>"#
            )
        );
        assert!(split_sections(b"<w:body><w:sectPr></w:sectPr></w:body>".to_vec()).is_err());
    }
}
