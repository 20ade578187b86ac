//! Characters the PDF cannot print, each named with the field it was typed in (issue 10:
//! « every character prints, or the user is told before signing »; never a silent « ? »).
//!
//! The PDF typesetter says which characters a font of its chain can draw
//! ([`crate::pdf::printable`]). A character that none can is found in the built
//! document's text, then traced back to the inputs that carry it: the association's
//! profile, each partner's organisation, the alliance and its terms, the commitments and
//! the document's own settings (title, edited clause texts, added annexes, place of
//! signature). Each field gives one « À vérifier » item listing its characters, appended to
//! [`Built::checks`] by [`crate::templates::build`], so the builder, the confirmation
//! before « Prêt à signer » (allia-core counts the items) and `allia render` (stderr)
//! all show the same list. A character found in the document but in no field (which the
//! templates never print on their own) is still named, as « Texte du document ».
//!
//! The DOCX keeps every character (Word and LibreOffice fall back on the system's fonts):
//! the items are about the PDF.
//!
//! The parts: the items and the search here; [`sources`], the input fields a document's
//! text comes from and how each is named.

use std::collections::BTreeSet;

use allia_core::AllianceFile;

use crate::model::Document;
use crate::templates::{Built, Check, CheckTarget, DocumentOptions};
use sources::{file_sources, settings_sources, Source};

mod sources;

/// How many characters an item lists by name before « et N autres »: a name in a script
/// the PDF lacks has one item, not one per character, and the item stays short enough
/// for the builder's list.
pub const LISTED: usize = 8;

/// The characters of a field that no font of the PDF can draw: one item per field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unprintable {
    /// Where they were typed, in French, with the record named: « Partenaire 3 (Li Wei
    /// 李伟), nom du représentant », « Alliance, objet », « Document, titre ». The
    /// field's label is the one of the app's forms
    /// ([`allia_core::validation::field_place`]).
    pub field: String,
    /// The field's unprintable characters, each once, in order of first use; never empty.
    pub characters: Vec<char>,
    /// Where the builder links to fix it (a partner's panel, the profile, a clause);
    /// `None` when the field has no such place (the alliance, the document's settings).
    pub target: Option<CheckTarget>,
}

impl Unprintable {
    fn new(field: &str, characters: Vec<char>, target: Option<CheckTarget>) -> Self {
        Unprintable {
            field: field.to_string(),
            characters,
            target,
        }
    }

    /// The characters' code points as Unicode writes them (« U+674E »), in the same order.
    pub fn codes(&self) -> Vec<String> {
        self.characters.iter().map(|&c| code_point(c)).collect()
    }

    /// The « À vérifier » sentence, in French. One character: « Partenaire 3 (Li Wei
    /// 李伟), nom du représentant : le caractère « 李 » (U+674E) ne peut pas être imprimé
    /// dans le PDF, où il serait remplacé par un carré (aucune de ses polices ne le
    /// contient). Remplacez-le ou transcrivez-le. » Several: « … : 7 caractères ne
    /// peuvent pas être imprimés dans le PDF (« क » U+0915, « ि » U+093F, … et 2
    /// autres) : ils seraient remplacés par des carrés (aucune de ses polices ne les
    /// contient). Remplacez-les ou transcrivez-les. », at most [`LISTED`] named.
    pub fn message(&self) -> String {
        if let [c] = self.characters.as_slice() {
            return format!(
                "{}\u{a0}: le caractère «\u{a0}{}\u{a0}» ({}) ne peut pas être imprimé dans le PDF, \
                 où il serait remplacé par un carré (aucune de ses polices ne le contient). \
                 Remplacez-le ou transcrivez-le.",
                self.field,
                c,
                code_point(*c)
            );
        }
        let mut listed = self
            .characters
            .iter()
            .take(LISTED)
            .map(|&c| format!("«\u{a0}{c}\u{a0}» {}", code_point(c)))
            .collect::<Vec<_>>()
            .join(", ");
        let more = self.characters.len().saturating_sub(LISTED);
        match more {
            0 => {}
            1 => listed.push_str(" et 1 autre"),
            n => listed.push_str(&format!(" et {n} autres")),
        }
        format!(
            "{}\u{a0}: {} caractères ne peuvent pas être imprimés dans le PDF ({listed})\u{a0}: \
             ils seraient remplacés par des carrés (aucune de ses polices ne les contient). \
             Remplacez-les ou transcrivez-les.",
            self.field,
            self.characters.len()
        )
    }

    /// The item as a check of a built document.
    pub fn check(&self) -> Check {
        Check {
            message: self.message(),
            target: self.target.clone(),
        }
    }
}

/// « U+674E », « U+13000 »: at least four hexadecimal digits, upper case.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Whether the PDF prints `c`. ASCII is always printed (or, for controls, deliberately
/// dropped): skipping it keeps a Latin document's check to a few lookups.
fn printable(c: char) -> bool {
    c.is_ascii() || crate::pdf::printable(c)
}

/// The characters of `text` the PDF cannot print, each once, in order of first use.
fn unprintable_chars(text: &str) -> Vec<char> {
    let mut seen = BTreeSet::new();
    text.chars()
        .filter(|&c| !printable(c) && seen.insert(c))
        .collect()
}

/// Every character of the inputs (`file` and the document's `options`) that the PDF
/// cannot print, one item per field (its characters in order of first use), in the order
/// of the fields. This does not look at whether the field is printed by this kind of
/// document: see [`in_document`] for that.
pub fn in_inputs(file: &AllianceFile, options: &DocumentOptions) -> Vec<Unprintable> {
    let mut sources = file_sources(file);
    sources.extend(settings_sources(Some(file), options));
    items(&sources, None)
}

/// The items of `sources` for the characters in `only` (all when `None`): one per field,
/// a field fed by several sources (a partner's tags) gathering their characters.
fn items(sources: &[Source<'_>], only: Option<&BTreeSet<char>>) -> Vec<Unprintable> {
    let mut result: Vec<Unprintable> = Vec::new();
    for source in sources {
        let found: Vec<char> = unprintable_chars(source.text)
            .into_iter()
            .filter(|c| only.is_none_or(|only| only.contains(c)))
            .collect();
        if found.is_empty() {
            continue;
        }
        match result.iter_mut().find(|u| u.field == source.field) {
            Some(item) => {
                for c in found {
                    if !item.characters.contains(&c) {
                        item.characters.push(c);
                    }
                }
            }
            None => result.push(Unprintable::new(
                &source.field,
                found,
                source.target.clone(),
            )),
        }
    }
    result
}

/// Everything the PDF of `document` draws as text: its blocks, running header and
/// footer title.
fn printed_text(document: &Document) -> String {
    let mut text: Vec<String> = document.blocks.iter().map(|b| b.text()).collect();
    text.extend(document.header.clone());
    text.push(document.footer_title.clone());
    text.join("\n")
}

/// The characters the PDF of `document` cannot print, each named with the field of
/// `file` or `options` it comes from: one item per field holding a character the
/// document prints, listing those characters. The characters of the document found in no
/// field give one item « Texte du document » (`file` is `None` for a document built
/// from a context, whose fields are not known here).
pub fn in_document(
    file: Option<&AllianceFile>,
    options: &DocumentOptions,
    document: &Document,
) -> Vec<Unprintable> {
    let printed: BTreeSet<char> = unprintable_chars(&printed_text(document))
        .into_iter()
        .collect();
    if printed.is_empty() {
        return Vec::new();
    }
    let mut sources = file.map(file_sources).unwrap_or_default();
    sources.extend(settings_sources(file, options));
    let mut found = items(&sources, Some(&printed));
    let named: BTreeSet<char> = found
        .iter()
        .flat_map(|u| u.characters.iter().copied())
        .collect();
    let unnamed: Vec<char> = printed.difference(&named).copied().collect();
    if !unnamed.is_empty() {
        found.push(Unprintable::new("Texte du document", unnamed, None));
    }
    found
}

/// Appends the document's unprintable characters to its « À vérifier » items (checks and
/// warnings alike, in the same order).
pub(crate) fn add_checks(
    built: &mut Built,
    file: Option<&AllianceFile>,
    options: &DocumentOptions,
) {
    for item in in_document(file, options, &built.document) {
        let check = item.check();
        if !built.warnings.contains(&check.message) {
            built.warnings.push(check.message.clone());
            built.checks.push(check);
        }
    }
}

#[cfg(test)]
mod tests;
