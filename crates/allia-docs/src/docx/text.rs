//! Text hygiene: the model may carry any Unicode, but XML 1.0 forbids most control
//! characters, so every string goes through [`sanitize`] before it reaches docx-rs.

use docx_rs::{BreakType, Run};

use crate::model;

/// Removes the characters XML 1.0 cannot hold (C0 controls but tab and line feed,
/// U+FFFE, U+FFFF) and the C1 controls it discourages. Carriage returns become line
/// feeds (« \r\n » counts once).
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Sanitized text with every line break or tab turned into a space, for single-line
/// places (headers, footers, document properties).
pub fn single_line(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// One Word run for a piece of text: line feeds become line breaks, tabs become tabs.
pub fn run(text: &str, bold: bool, italic: bool) -> Run {
    let mut run = Run::new();
    let clean = sanitize(text);
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    if bold {
        run = run.bold();
    }
    if italic {
        run = run.italic();
    }
    run
}

/// The Word runs for the model's runs.
pub fn runs(runs: &[model::Run]) -> Vec<Run> {
    runs.iter()
        .map(|r| run(&r.text, r.bold, r.italic))
        .collect()
}

/// Escapes text for an XML element or attribute value we write ourselves.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in single_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// A BCP 47 tag safe to write into an attribute, or « fr-FR » when the model's value
/// does not look like one.
pub fn language_tag(tag: &str) -> String {
    let tag = tag.trim();
    let well_formed = !tag.is_empty()
        && tag.len() <= 35
        && tag.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if well_formed {
        tag.to_owned()
    } else {
        "fr-FR".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_controls_and_keeps_text() {
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{1b}[0m"), "abc[0m");
        assert_eq!(sanitize("l1\r\nl2\rl3\tx"), "l1\nl2\nl3\tx");
        assert_eq!(
            sanitize("œuvre 1 250,00 € & <b> \u{85}\u{fffe}"),
            "œuvre 1 250,00 € & <b> "
        );
        assert_eq!(sanitize("😀 שלום"), "😀 שלום");
    }

    #[test]
    fn escape_covers_the_five_entities() {
        assert_eq!(escape_xml("& < > \" '"), "&amp; &lt; &gt; &quot; &apos;");
    }

    #[test]
    fn language_tags_are_checked() {
        assert_eq!(language_tag("fr-FR"), "fr-FR");
        assert_eq!(language_tag("en"), "en");
        assert_eq!(language_tag("\"/><x"), "fr-FR");
        assert_eq!(language_tag(""), "fr-FR");
    }
}
