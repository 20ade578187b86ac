//! The clause mini-markup, turned into document blocks:
//!
//! - a blank line starts a new paragraph; the lines of one paragraph are joined by a space;
//! - a line starting with `- ` is a bullet item (consecutive items form one list);
//! - `**bold**` and `*italic*` inside a line; an unmatched marker stays as written;
//! - `\` makes the next character literal (`\*`, `\\`, `\-`): inserted data is escaped
//!   this way, so a partner's name can never change the layout.

use crate::model::{Align, Block, List, Paragraph, Run};

/// Escapes data inserted into a template so that it reads as plain text: markup
/// characters are protected and line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if out.starts_with("- ") {
        out.insert(0, '\\');
    }
    out
}

enum Pending {
    None,
    Paragraph(Vec<String>),
    List(Vec<String>),
}

/// Parses a rendered clause body into paragraphs and bullet lists.
pub fn parse_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending = Pending::None;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut pending, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or(line.strip_prefix("-\u{a0}")) {
            if let Pending::List(items) = &mut pending {
                items.push(item.trim().to_string());
            } else {
                flush(&mut pending, &mut blocks);
                pending = Pending::List(vec![item.trim().to_string()]);
            }
        } else if let Pending::Paragraph(lines) = &mut pending {
            lines.push(line.to_string());
        } else {
            flush(&mut pending, &mut blocks);
            pending = Pending::Paragraph(vec![line.to_string()]);
        }
    }
    flush(&mut pending, &mut blocks);
    blocks
}

fn flush(pending: &mut Pending, blocks: &mut Vec<Block>) {
    match std::mem::replace(pending, Pending::None) {
        Pending::None => {}
        Pending::Paragraph(lines) => {
            let runs = parse_inline(&lines.join(" "));
            if !runs.is_empty() {
                blocks.push(Block::Paragraph(Paragraph {
                    runs,
                    align: Align::Justify,
                }));
            }
        }
        Pending::List(items) => {
            let items: Vec<Vec<Run>> = items
                .iter()
                .map(|i| parse_inline(i))
                .filter(|runs| !runs.is_empty())
                .collect();
            if !items.is_empty() {
                blocks.push(Block::List(List {
                    ordered: false,
                    items,
                }));
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Text(String),
    Bold,
    Italic,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped) => current.push(escaped),
                None => current.push('\\'),
            },
            '*' => {
                if !current.is_empty() {
                    tokens.push(Token::Text(std::mem::take(&mut current)));
                }
                if chars.peek() == Some(&'*') {
                    chars.next();
                    tokens.push(Token::Bold);
                } else {
                    tokens.push(Token::Italic);
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        tokens.push(Token::Text(current));
    }
    tokens
}

/// Turns markers that are never closed back into literal text.
fn unmatched_to_text(tokens: &mut [Token]) {
    let mut open_bold = None;
    let mut open_italic = None;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Bold => open_bold = if open_bold.is_some() { None } else { Some(i) },
            Token::Italic => open_italic = if open_italic.is_some() { None } else { Some(i) },
            Token::Text(_) => {}
        }
    }
    if let Some(i) = open_bold {
        tokens[i] = Token::Text("**".into());
    }
    if let Some(i) = open_italic {
        tokens[i] = Token::Text("*".into());
    }
}

/// Parses one line of inline markup into runs (adjacent runs of one style are merged).
pub fn parse_inline(text: &str) -> Vec<Run> {
    let mut tokens = tokenize(text);
    unmatched_to_text(&mut tokens);
    let mut runs: Vec<Run> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    for token in tokens {
        match token {
            Token::Bold => bold = !bold,
            Token::Italic => italic = !italic,
            Token::Text(text) => match runs.last_mut() {
                Some(last) if last.bold == bold && last.italic == italic => {
                    last.text.push_str(&text)
                }
                _ => runs.push(Run { text, bold, italic }),
            },
        }
    }
    runs
}

/// The plain text of a line of markup (for titles).
pub fn plain_text(text: &str) -> String {
    parse_inline(text)
        .into_iter()
        .map(|r| r.text)
        .collect::<String>()
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(block: &Block) -> &[Run] {
        match block {
            Block::Paragraph(p) => &p.runs,
            other => panic!("expected a paragraph, got {other:?}"),
        }
    }

    #[test]
    fn paragraphs_and_lists() {
        let blocks = parse_blocks("Premier\nparagraphe.\n\n\nSecond :\n- un ;\n- deux.\nFin.");
        assert_eq!(blocks.len(), 4);
        assert_eq!(paragraph(&blocks[0]), &[Run::plain("Premier paragraphe.")]);
        assert_eq!(paragraph(&blocks[1]), &[Run::plain("Second :")]);
        match &blocks[2] {
            Block::List(list) => {
                assert!(!list.ordered);
                assert_eq!(
                    list.items,
                    vec![vec![Run::plain("un ;")], vec![Run::plain("deux.")]]
                );
            }
            other => panic!("expected a list, got {other:?}"),
        }
        assert_eq!(paragraph(&blocks[3]), &[Run::plain("Fin.")]);
        assert!(parse_blocks("  \n\n").is_empty());
    }

    #[test]
    fn bold_and_italic() {
        let runs = parse_inline("**Asso**, *dite* « A »");
        assert_eq!(
            runs,
            vec![
                Run::bold("Asso"),
                Run::plain(", "),
                Run::italic("dite"),
                Run::plain(" « A »")
            ]
        );
        let runs = parse_inline("***les deux***");
        assert_eq!(
            runs,
            vec![Run {
                text: "les deux".into(),
                bold: true,
                italic: true
            }]
        );
    }

    #[test]
    fn unmatched_markers_stay_literal() {
        assert_eq!(parse_inline("5 * 3"), vec![Run::plain("5 * 3")]);
        assert_eq!(parse_inline("**gras"), vec![Run::plain("**gras")]);
        assert_eq!(parse_inline("a\\"), vec![Run::plain("a\\")]);
    }

    #[test]
    fn escaped_data_is_literal() {
        let data = "- *Étoile* \\ du\nnord";
        let escaped = escape(data);
        assert_eq!(
            parse_inline(&escaped),
            vec![Run::plain("- *Étoile* \\ du nord")]
        );
        let blocks = parse_blocks(&format!("{escaped}\n\n"));
        assert_eq!(blocks.len(), 1, "escaped data never becomes a list");
        assert_eq!(plain_text("**Engagements  de** X"), "Engagements de X");
        assert_eq!(plain_text("«\u{a0}X\u{a0}»"), "«\u{a0}X\u{a0}»");
    }
}
