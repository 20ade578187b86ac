//! What an edited clause text may hold: the shapes the clause editor
//! (`ui/src/lib/views/documents/clause-chips.ts`) produces, so that a stored text is always
//! one the editor can show as text and chips.
//!
//! The editor writes plain text (a `{` that could open a tag is written `{{ "{" }}`, so
//! nothing typed becomes code), the chips it was given (a tag or a whole `if`/`for` block
//! of the model texts, kept verbatim), a field it inserts (`{{ alliance.name }}`) and a
//! passage to fill in (`{{ blank() }}`). Anything else (a filter, a calculation, a loop
//! written by hand) is refused before it is saved. The cut into text and chips follows the
//! editor's (`tokenize` and `segmentsOf` in clause-chips.ts): keep the two in step.

use std::collections::HashSet;

use super::fields::field_labels;
use super::format::{ClauseDef, ClauseKind, Model};
use super::typography::{NBSP, NNBSP};

/// How the editor writes a literal `{` that could open a template tag.
pub const ESCAPED_BRACE: &str = "{{ \"{\" }}";

/// One piece of a clause text, as the editor cuts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text (markup included).
    Text(&'a str),
    /// A literal `{` written as [`ESCAPED_BRACE`].
    Brace,
    /// One tag, or a whole `if … endif` / `for … endfor` block, verbatim.
    Chip(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Expr,
    Stmt,
    Comment,
}

#[derive(Debug, Clone, Copy)]
struct Tag {
    kind: TagKind,
    start: usize,
    end: usize,
}

/// Where a tag opening at `from` closes (the byte after its closing delimiter), string
/// literals skipped; `None` when it never closes.
fn tag_end(source: &str, from: usize, close: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = from + 2;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if bytes[i..].starts_with(close.as_bytes()) => return Some(i + close.len()),
            None => {}
        }
        i += 1;
    }
    None
}

/// The tags of a text, in order (an unclosed tag is left as text, like the editor does).
fn tags(source: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < source.len() {
        let opener = match source.get(i..i + 2) {
            Some("{{") => Some((TagKind::Expr, "}}")),
            Some("{%") => Some((TagKind::Stmt, "%}")),
            Some("{#") => Some((TagKind::Comment, "#}")),
            _ => None,
        };
        if let Some((kind, close)) = opener {
            if let Some(end) = tag_end(source, i, close) {
                found.push(Tag {
                    kind,
                    start: i,
                    end,
                });
                i = end;
                continue;
            }
        }
        i += source[i..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The words inside a tag, without delimiters and whitespace control.
fn inner(source: &str, tag: &Tag) -> String {
    let body = &source[tag.start + 2..tag.end - 2];
    body.trim_start_matches(['-', '+'])
        .trim_end_matches(['-', '+'])
        .trim()
        .to_string()
}

/// The keyword a statement starts with (`if`, `endfor`…).
fn keyword(source: &str, tag: &Tag) -> Option<String> {
    if tag.kind != TagKind::Stmt {
        return None;
    }
    let words = inner(source, tag);
    let word: String = words
        .chars()
        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

/// The index of the tag closing the block opened by `tags[start]`.
fn block_end(source: &str, tags: &[Tag], start: usize) -> Option<usize> {
    let open = keyword(source, &tags[start])?;
    let close = match open.as_str() {
        "if" => "endif",
        "for" => "endfor",
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, tag) in tags.iter().enumerate().skip(start) {
        match keyword(source, tag) {
            Some(k) if k == open => depth += 1,
            Some(k) if k == close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Cuts a clause text into text, escaped braces and chips, as the editor does.
pub fn pieces(source: &str) -> Vec<Piece<'_>> {
    let tags = tags(source);
    let mut out = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while i < tags.len() {
        let tag = tags[i];
        if tag.start > at {
            out.push(Piece::Text(&source[at..tag.start]));
        }
        let (end, next) = match block_end(source, &tags, i) {
            Some(last) => (tags[last].end, last + 1),
            None => (tag.end, i + 1),
        };
        let whole = &source[tag.start..end];
        out.push(if whole == ESCAPED_BRACE {
            Piece::Brace
        } else {
            Piece::Chip(whole)
        });
        at = end;
        i = next;
    }
    if at < source.len() {
        out.push(Piece::Text(&source[at..]));
    }
    out
}

/// What is wrong with the shape of an edited text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeProblem {
    /// Braces typed in the text that open a tag never closed.
    StrayBraces,
    /// A tag or block the editor cannot show (a filter, a calculation, a hand-written loop…).
    Foreign,
    /// Nothing is left to print.
    Empty,
}

/// The chips the model texts of a document hold, verbatim.
fn model_chips(model: &Model) -> HashSet<&str> {
    model
        .clauses
        .iter()
        .flat_map(|clause| pieces(&clause.body))
        .filter_map(|piece| match piece {
            Piece::Chip(source) => Some(source),
            _ => None,
        })
        .collect()
}

/// The text of a call with one plain string literal, `name("text")`, when `expression` is one.
fn call_with_literal<'a>(expression: &'a str, name: &str) -> Option<&'a str> {
    let literal = expression
        .strip_prefix(name)?
        .strip_prefix("(\"")?
        .strip_suffix("\")")?;
    (!literal.contains(['"', '\\', '{', '}'])).then_some(literal)
}

/// Whether a chip is one the editor inserts or shows by itself: `{{ path }}` for a known
/// field, a passage to fill in (`{{ blank() }}`, or with a plain label), or the number of
/// an article of the model (`{{ ref("objet") }}`).
fn inserted_chip(model: &Model, source: &str) -> bool {
    let Some(expression) = source
        .strip_prefix("{{ ")
        .and_then(|rest| rest.strip_suffix(" }}"))
    else {
        return false;
    };
    expression == "blank()"
        || call_with_literal(expression, "blank").is_some()
        || call_with_literal(expression, "ref").is_some_and(|id| model.clause(id).is_some())
        || field_labels().iter().any(|field| field.path == expression)
}

/// Checks that `text` is made only of what the clause editor writes, and prints
/// something.
pub fn check(model: &Model, text: &str) -> Result<(), ShapeProblem> {
    let allowed = model_chips(model);
    let mut visible = false;
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) => {
                if ["{{", "{%", "{#"].iter().any(|open| text.contains(open)) {
                    return Err(ShapeProblem::StrayBraces);
                }
                visible |= text
                    .chars()
                    .any(|c| !c.is_whitespace() && !matches!(c, '*' | '\\'));
            }
            Piece::Brace => visible = true,
            Piece::Chip(source) => {
                if !allowed.contains(source) && !inserted_chip(model, source) {
                    return Err(ShapeProblem::Foreign);
                }
                visible = true;
            }
        }
    }
    if visible {
        Ok(())
    } else {
        Err(ShapeProblem::Empty)
    }
}

/// The French reason an edited text of `def` is refused, with what to do; no template
/// code is quoted (the person never sees it).
pub fn refusal(def: &ClauseDef, problem: ShapeProblem) -> String {
    let title = &def.title;
    match problem {
        ShapeProblem::StrayBraces => format!(
            "Le texte modifié de la clause « {title} » contient une erreur : des accolades \
             saisies dans le texte ne sont pas permises à cet endroit. Corrigez le texte ou \
             rétablissez le texte du modèle."
        ),
        ShapeProblem::Foreign => format!(
            "Le texte modifié de la clause « {title} » contient une erreur : il utilise un \
             calcul ou une instruction que l’éditeur ne sait pas afficher. Rétablissez le \
             texte du modèle, puis modifiez-le dans l’éditeur."
        ),
        ShapeProblem::Empty => match def.kind {
            ClauseKind::Mandatory => "Cette clause est obligatoire : écrivez son texte, ou \
                                      rétablissez le texte du modèle."
                .to_string(),
            ClauseKind::Optional { .. } => "Le texte de cette clause est vide : écrivez son \
                                            texte, ou décochez « Inclure cette clause » pour \
                                            la retirer du document."
                .to_string(),
            ClauseKind::Conditional(_) => "Cette clause s’applique selon les données de \
                                           l’alliance : écrivez son texte, ou rétablissez le \
                                           texte du modèle."
                .to_string(),
        },
    }
}

/// A clause text with its typography made uniform (straight or typographic apostrophe,
/// a space, a no-break space or none before `: ; ! ?` and inside « »), so that the model
/// text the editor shows with French typography and saves back is still the model's.
pub fn typography_key(text: &str) -> String {
    let spaced = |c: char| c == ' ' || c == NBSP || c == NNBSP;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c == '’' { '\'' } else { c };
        if matches!(c, ':' | ';' | '!' | '?' | '»') {
            while out.ends_with(spaced) {
                out.pop();
            }
        }
        if spaced(c) && out.ends_with('«') {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::format;
    use allia_core::DocumentKind;

    #[test]
    fn pieces_follow_the_editor() {
        let text =
            "A {{ alliance.name }} {% if x %}b{% if y %}c{% endif %}{% endif %} {{ \"{\" }}{ d";
        assert_eq!(
            pieces(text),
            vec![
                Piece::Text("A "),
                Piece::Chip("{{ alliance.name }}"),
                Piece::Text(" "),
                Piece::Chip("{% if x %}b{% if y %}c{% endif %}{% endif %}"),
                Piece::Text(" "),
                Piece::Brace,
                Piece::Text("{ d"),
            ]
        );
        assert_eq!(
            pieces("{{ blank(\"a }} b\") }}"),
            vec![Piece::Chip("{{ blank(\"a }} b\") }}")]
        );
    }

    #[test]
    fn every_model_text_has_the_editor_shape() {
        for kind in DocumentKind::ALL {
            let model = format::model(kind).expect("model");
            for clause in &model.clauses {
                assert_eq!(check(&model, &clause.body), Ok(()), "{}", clause.id);
            }
        }
    }

    #[test]
    fn typography_is_not_an_edit() {
        assert_eq!(
            typography_key("l’objet\u{a0}: «\u{a0}x\u{a0}»"),
            typography_key("l'objet : « x »")
        );
        assert_ne!(typography_key("a "), typography_key("a"));
    }
}
