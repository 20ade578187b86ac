//! Text at the boundary: every text that enters the domain is cleaned once, here
//! ([`clean`], [`clean_multiline`]), and every comparison that must ignore case and
//! accents goes through one key ([`collation_key`]).
//!
//! Why: partners paste text from e-mails, PDFs and web pages made on Windows, macOS and
//! Linux. macOS writes accents decomposed (NFD: « e » + U+0301), which a PDF then draws
//! beside its letter and which no search for « Hélène » finds; Windows editors start
//! files with a byte-order mark; web pages hide zero-width spaces and soft hyphens. The
//! vault therefore stores Unicode NFC text only, with no invisible control character
//! (issue 10, item 1: « Text is normalised once, at the boundary »).
//!
//! The rules, for a single-line field (a name, a city, an identifier):
//! - NFC normalisation (`unicode-normalization`);
//! - a tab, a line break (`\n`, `\r\n`, `\r`, U+2028, U+2029) becomes one space: a name
//!   copied from a PDF often breaks across lines, and a one-line field cannot show it;
//! - the other spaces of unusual width (U+1680, U+2000–U+2006, U+2008–U+200A, U+205F,
//!   U+3000) become a plain space, and the figure space U+2007 a no-break space U+00A0;
//!   the no-break spaces French typography wants (U+00A0, U+202F) are kept;
//! - invisible characters that carry nothing a contract needs are removed: the byte-order
//!   mark U+FEFF, the zero-width space U+200B, the word joiner U+2060, the soft hyphen
//!   U+00AD, the Mongolian vowel separator U+180E, and the bidirectional embeddings,
//!   overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could make a text
//!   display in another order than it reads. Kept: the zero-width joiner U+200D (inside
//!   emoji sequences and Arabic or Indic words) and non-joiner U+200C (Persian), and the
//!   left-to-right and right-to-left marks (U+200E, U+200F, U+061C);
//! - any other control character (C0 but tab and line feed, DEL U+007F, C1
//!   U+0080–U+009F) is refused with a French message naming it as U+XXXX and where it
//!   is: it is invisible, and nothing says what it should have been.
//!
//! A multi-line field (an alliance's purpose, what a partner brings, a clause's text)
//! follows the same rules but keeps its tabs and line breaks, every line break written
//! `\n` (a Windows `\r\n` or an old Mac `\r` included).
//!
//! Neither function trims: the validation helpers trim after cleaning, so a tab or a
//! line break at an edge goes with the other spaces.

use unicode_normalization::UnicodeNormalization;

use crate::validation::FieldError;

/// How many characters before a refused control character its message quotes, so that
/// the person can find an invisible character in a long text.
const CONTEXT_CHARS: usize = 20;

/// Cleans a single-line text (see the module's rules): NFC, tabs and line breaks turned
/// into spaces, odd spaces folded, invisible format characters removed. Does not trim.
///
/// # Errors
/// A [`FieldError`] on `field` when the text holds another control character, e.g.
/// « Caractère de contrôle invisible (U+0007) dans ce texte, après « Comité des » :
/// retirez-le. »
pub fn clean(field: &str, s: &str) -> Result<String, FieldError> {
    clean_text(field, s, false)
}

/// Cleans a multi-line text: the rules of [`clean`], but tabs are kept and every line
/// break becomes `\n`. Does not trim.
///
/// # Errors
/// As [`clean`], for a control character other than a tab or a line break.
pub fn clean_multiline(field: &str, s: &str) -> Result<String, FieldError> {
    clean_text(field, s, true)
}

/// `s` in NFC, borrowed when it already is: for a text the domain reads without storing
/// it (a name a designation is proposed from), where [`clean`]'s refusals do not apply.
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfc(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// `value` with every string it holds composed (NFC), through its JSON form: for a
/// record an import keeps as written once checked (a frozen version of an alliance file,
/// with the alliance data it was frozen with), whose texts must still enter the vault
/// composed. An unchanged clone when it holds no decomposed text, or if it did not read
/// back from its JSON form (no type of the domain does that).
pub fn composed<T: serde::Serialize + serde::de::DeserializeOwned + Clone>(value: &T) -> T {
    let Ok(mut json) = serde_json::to_value(value) else {
        return value.clone();
    };
    if !compose_strings(&mut json) {
        return value.clone();
    }
    serde_json::from_value(json).unwrap_or_else(|_| value.clone())
}

/// Composes every string of a JSON value in place (object keys are field names, left as
/// they are); whether any changed.
fn compose_strings(value: &mut serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => match nfc(s) {
            std::borrow::Cow::Borrowed(_) => false,
            std::borrow::Cow::Owned(composed) => {
                *s = composed;
                true
            }
        },
        serde_json::Value::Array(items) => {
            let mut changed = false;
            for item in items {
                changed |= compose_strings(item);
            }
            changed
        }
        serde_json::Value::Object(fields) => {
            let mut changed = false;
            for item in fields.values_mut() {
                changed |= compose_strings(item);
            }
            changed
        }
        _ => false,
    }
}

/// Whether `c` is removed by [`clean`]: an invisible character that carries nothing a
/// contract needs (see the module's rules).
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{feff}'
            | '\u{200b}'
            | '\u{2060}'
            | '\u{00ad}'
            | '\u{180e}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` is a space of unusual width that becomes a plain space.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200a}' | '\u{205f}' | '\u{3000}'
    )
}

fn clean_text(field: &str, s: &str, multiline: bool) -> Result<String, FieldError> {
    let mut mapped = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                mapped.push(if multiline { '\n' } else { ' ' });
            }
            '\t' => mapped.push(if multiline { '\t' } else { ' ' }),
            '\u{2007}' => mapped.push('\u{a0}'),
            c if is_odd_space(c) => mapped.push(' '),
            c if is_dropped(c) => {}
            c if c.is_control() => {
                return Err(FieldError {
                    field: field.to_string(),
                    message: control_message(c, &mapped),
                })
            }
            c => mapped.push(c),
        }
    }
    if unicode_normalization::is_nfc(&mapped) {
        Ok(mapped)
    } else {
        Ok(mapped.nfc().collect())
    }
}

/// « Caractère de contrôle invisible (U+0007) dans ce texte, après « … » : retirez-le. »,
/// quoting (composed) up to [`CONTEXT_CHARS`] characters of the line before it, or
/// saying that it starts the text or a line.
fn control_message(c: char, before: &str) -> String {
    let code = u32::from(c);
    let line = before.rsplit('\n').next().unwrap_or("");
    let skip = line.chars().count().saturating_sub(CONTEXT_CHARS);
    let context: String = line.chars().skip(skip).collect::<String>().nfc().collect();
    let context = context.trim();
    let place = if !context.is_empty() {
        let ellipsis = if skip > 0 { "…" } else { "" };
        format!("dans ce texte, après «\u{a0}{ellipsis}{context}\u{a0}»")
    } else if before.trim().is_empty() {
        "au début de ce texte".to_string()
    } else {
        "au début d’une ligne de ce texte".to_string()
    };
    format!("Caractère de contrôle invisible (U+{code:04X}) {place}\u{a0}: retirez-le.")
}

/// The key two texts are compared by when case and accents must not matter: search
/// filters, tags, duplicate warnings (« MAISON DES SOLIDARITES » and « Maison des
/// Solidarités » give the same key, as do « Œuvre » and « oeuvre »).
///
/// Steps, each a Unicode rule that the screens' copy (`ui/src/lib/text/collation.ts`,
/// pinned by `ui/src/lib/text/collation-samples.json`) applies the same way:
/// 1. compatibility decomposition, NFKD (ligatures such as « ﬁ » become « fi »,
///    full-width and mathematical letters and superscripts their plain form);
/// 2. lower case (Unicode's full mapping, `char::to_lowercase`), then NFKD again (a
///    lower-case letter may come precomposed);
/// 3. every combining mark (general category M) removed: the accents, the cedilla, the
///    Arabic and Hebrew vowel points;
/// 4. the letters no decomposition splits folded: « œ » → « oe », « æ » → « ae »,
///    « ß » → « ss », « ø » → « o », « đ » → « d », « ł » → « l », « ı » → « i »,
///    final « ς » → « σ »;
/// 5. invisible format characters removed without separating (see [`is_ignorable`]);
/// 6. every run of characters that are neither alphabetic nor numeric (spaces,
///    punctuation, apostrophes, hyphens, emoji) becomes one space, and the ends are
///    trimmed;
/// 7. NFC again (Hangul syllables decomposed at step 2 are composed back).
///
/// A text with no letter or digit gives an empty key: callers that compare names
/// treat an empty key as matching nothing.
pub fn collation_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    let mut pending_space = false;
    // Lower case after the decomposition too: « 𝕊 » only becomes « S » there.
    for c in s.nfkd().flat_map(char::to_lowercase).nfkd() {
        if unicode_normalization::char::is_combining_mark(c) || is_ignorable(c) {
            continue;
        }
        let folded: &str = match c {
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            'ø' => "o",
            'đ' => "d",
            'ł' => "l",
            'ı' => "i",
            'ς' => "σ",
            c if c.is_alphanumeric() => {
                if pending_space && !key.is_empty() {
                    key.push(' ');
                }
                pending_space = false;
                key.push(c);
                continue;
            }
            _ => {
                pending_space = true;
                continue;
            }
        };
        if pending_space && !key.is_empty() {
            key.push(' ');
        }
        pending_space = false;
        key.push_str(folded);
    }
    if unicode_normalization::is_nfc(&key) {
        key
    } else {
        key.nfc().collect()
    }
}

/// The invisible format characters [`collation_key`] removes without treating them as a
/// separator, so that a word holding one stays one word: the soft hyphen, the Arabic
/// letter mark, the Mongolian vowel separator, the zero-width characters U+200B–U+200F,
/// the bidirectional controls U+202A–U+202E and U+2066–U+2069, the word joiner and
/// invisible operators U+2060–U+2064, the byte-order mark, and the tag characters of
/// emoji flags (U+E0001, U+E0020–U+E007F). The same list is in `collation.ts`.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// Whether two texts are equal once case and accents are set aside
/// ([`collation_key`]); two texts with no letter or digit are never equal.
pub fn same_collated(a: &str, b: &str) -> bool {
    let x = collation_key(a);
    !x.is_empty() && x == collation_key(b)
}

#[cfg(test)]
mod tests;
