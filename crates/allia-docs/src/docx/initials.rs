//! The initials line of the footer (« Paraphes : ________ ________ »), shown on every
//! page but the signature page, as the PDF does (`pdf::PageMap::initials_pages`).
//!
//! Word decides page by page with a complex field (ECMA-376 Part 1 §17.16: `w:fldChar`
//! begin / separate / end, the code in `w:instrText` runs, nested fields inside the
//! code, a cached result between separate and end):
//!
//! ```text
//! { QUOTE "{ IF { PAGE } < { SECTIONPAGES } "Paraphes : ____" " " }" }
//! ```
//!
//! - `IF { PAGE } < { SECTIONPAGES }` is Microsoft's documented way to leave something
//!   off the last page. The signature page is the last page of its section: when
//!   annexes follow the signatures, the writer ends the first section right after the
//!   signature block with a next-page section break (in place of the page break that
//!   opened the first annex) and gives the annex section a footer whose line is plain
//!   text, so the annex pages keep their initials as in the PDF. Page numbers are not
//!   restarted, so in the first section PAGE counts from 1 like SECTIONPAGES. Without
//!   annexes SECTIONPAGES is NUMPAGES; without signatures the last page goes without,
//!   as in the PDF. One difference: a signature block that runs over two pages (many
//!   parties) loses the initials on its last page only in Word, on both in the PDF.
//! - The `QUOTE` around it is for LibreOffice (checked with 7.4): it imports `IF` as a
//!   conditional text it cannot evaluate (always empty) and the nested PAGE and
//!   NUMPAGES as live page numbers (page 1 of 6 printed « 16 » and no initials), but it
//!   keeps a field it does not handle, such as `QUOTE`, as a field mark whose code is
//!   hidden and whose cached result is shown. So LibreOffice prints the cached line on
//!   every page (the plain one on annex pages), never a number. For Word `QUOTE "text"`
//!   is the text itself; the nested IF is in quotes as its result holds spaces.
//! - The false branch is a no-break space rather than `""`, so that `QUOTE` is never
//!   given an empty text.
//! - The nested PAGE and SECTIONPAGES have no cached result (separate is optional,
//!   §17.16.18): a reader that shows nested results has nothing to show.
//! - No `w:dirty` and no `w:updateFields`: Word computes header and footer fields for
//!   each page as it lays the page out. (Not run in Word here: built to the standard
//!   and to Microsoft's technique.)
//!
//! docx-rs writes `w:instrText` without `xml:space="preserve"` and an `Unsupported`
//! instruction unescaped: the pieces are escaped here and the packager adds the
//! attribute ([`super::package::preserve_field_code_spaces`]), since the spaces around
//! `<` and between the arguments are part of the field code.

use docx_rs::{AlignmentType, FieldCharType, InstrText, Paragraph, Run};

use super::{styles, text};
use crate::templates::wording;

/// The field code words of the construction above, for the tests.
pub const QUOTE: &str = "QUOTE";
pub const IF: &str = "IF";
pub const PAGE: &str = "PAGE";
pub const SECTION_PAGES: &str = "SECTIONPAGES";

/// « Paraphes : ________   ________ »: a blank per signatory, one at least.
pub fn label(signatories: usize) -> String {
    let blanks = vec!["________"; signatories.max(1)].join("   ");
    format!("{}\u{a0}: {blanks}", wording::INITIALS)
}

/// The line as plain text, on every page (the annex section's footer).
pub fn plain_line(signatories: usize) -> Paragraph {
    line().add_run(text::run(&label(signatories), false, true))
}

/// The line as the field above: on every page of its section but the last.
pub fn conditional_line(signatories: usize) -> Paragraph {
    let label = label(signatories);
    let mut p = line();
    for run in conditional_runs(&label) {
        p = p.add_run(run);
    }
    p
}

fn line() -> Paragraph {
    Paragraph::new()
        .style(styles::FOOTER)
        .align(AlignmentType::Right)
}

fn field_char(kind: FieldCharType) -> Run {
    Run::new().italic().add_field_char(kind, false)
}

/// A piece of field code. docx-rs writes an `Unsupported` instruction as is, unescaped:
/// the `<` of the comparison and the quotes are escaped here.
fn code(words: &str) -> Run {
    Run::new()
        .italic()
        .add_instr_text(InstrText::Unsupported(text::escape_xml(words)))
}

/// A nested field without cached result: begin, code, end.
fn nested(word: &str) -> [Run; 3] {
    [
        field_char(FieldCharType::Begin),
        code(&format!(" {word} ")),
        field_char(FieldCharType::End),
    ]
}

/// The runs of `{ QUOTE "{ IF { PAGE } < { SECTIONPAGES } "label" " " }" }`, each
/// field with `label` as its cached result.
fn conditional_runs(label: &str) -> Vec<Run> {
    let mut runs = vec![
        field_char(FieldCharType::Begin),
        code(&format!(" {QUOTE} \"")),
        field_char(FieldCharType::Begin),
        code(&format!(" {IF} ")),
    ];
    runs.extend(nested(PAGE));
    runs.push(code(" < "));
    runs.extend(nested(SECTION_PAGES));
    runs.extend([
        code(&format!(" \"{label}\" \"\u{a0}\" ")),
        field_char(FieldCharType::Separate),
        text::run(label, false, true),
        field_char(FieldCharType::End),
        code("\" "),
        field_char(FieldCharType::Separate),
        text::run(label, false, true),
        field_char(FieldCharType::End),
    ]);
    runs
}

#[cfg(test)]
mod tests {
    use docx_rs::{BuildXML, Footer};

    use super::*;
    use crate::docx::package::preserve_field_code_spaces;

    /// The footer part's XML as the packager leaves it.
    fn footer_xml(line: Paragraph) -> String {
        let xml = Footer::new().add_paragraph(line).build();
        String::from_utf8(preserve_field_code_spaces(xml).expect("utf-8")).expect("utf-8")
    }

    /// The field characters, codes and texts of `xml` in document order, written as Word
    /// shows field codes: `{` begin, `|` separate, `}` end, codes and texts unescaped.
    fn chain(xml: &str) -> String {
        let mut out = String::new();
        let mut rest = xml;
        loop {
            let next = ["<w:fldChar ", "<w:instrText", "<w:t "]
                .iter()
                .filter_map(|tag| rest.find(tag).map(|at| (at, *tag)))
                .min();
            let Some((at, tag)) = next else {
                return out;
            };
            rest = &rest[at..];
            let end = rest.find('>').expect("tag end");
            if tag == "<w:fldChar " {
                let head = &rest[..end];
                out.push(if head.contains(r#""begin""#) {
                    '{'
                } else if head.contains(r#""separate""#) {
                    '|'
                } else {
                    '}'
                });
                rest = &rest[end..];
            } else {
                let close = rest.find("</").expect("closing tag");
                if tag == "<w:instrText" {
                    assert!(
                        rest[..end].contains(r#"xml:space="preserve""#),
                        "{}",
                        &rest[..close]
                    );
                }
                let raw = &rest[end + 1..close];
                out.push_str(
                    &raw.replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&amp;", "&"),
                );
                rest = &rest[close..];
            }
        }
    }

    #[test]
    fn conditional_line_is_quote_of_if_page_before_the_section_end() {
        let label = label(2);
        assert_eq!(label, "Paraphes\u{a0}: ________   ________");
        let xml = footer_xml(conditional_line(2));
        let expected = format!(
            "{{ QUOTE \"{{ IF {{ PAGE }} < {{ SECTIONPAGES }} \"{label}\" \"\u{a0}\" |{label}}}\" |{label}}}"
        );
        assert_eq!(chain(&xml), expected, "{xml}");
    }

    #[test]
    fn plain_line_has_no_field_and_one_blank_at_least() {
        let xml = footer_xml(plain_line(0));
        assert_eq!(chain(&xml), "Paraphes\u{a0}: ________");
        assert!(!xml.contains("fldChar"), "{xml}");
    }
}
