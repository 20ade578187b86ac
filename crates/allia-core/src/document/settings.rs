//! What the person sets on a document besides the alliance data: title, place and date
//! of signature, copies, and their changes to the model's clauses.
//! The annexes the user adds, and their checks, are in the `annexes` module.

use serde::{Deserialize, Serialize};

mod annexes;

pub use annexes::UserAnnex;

use annexes::validate_annexes;

/// A change the user made to one clause of a document model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClauseOverride {
    /// The clause's stable identity in the model (e.g. « resiliation »).
    pub clause_id: String,
    /// `Some(false)` leaves an optional clause out; `None` keeps the model's default.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Replacement text (same placeholders as the model); `None` keeps the model text.
    #[serde(default)]
    pub text: Option<String>,
}

impl ClauseOverride {
    /// Whether it changes nothing (model default and model text): such an override is
    /// not kept.
    pub fn is_empty(&self) -> bool {
        self.enabled.is_none() && self.text.is_none()
    }
}

/// What the person does to one clause in the builder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "type", content = "value")]
pub enum ClauseChange {
    /// Includes or leaves out an optional clause; an edited text stays.
    Include(bool),
    /// Replaces the clause's text; the include choice stays.
    SetText(String),
    /// Goes back to the model's text; the include choice stays.
    ResetText,
}

/// Puts `change` in `overrides` as the one override of its clause: in place of the
/// existing one, or at the end; removed when it changes nothing.
fn merge_override(overrides: &mut Vec<ClauseOverride>, change: ClauseOverride) {
    let existing = overrides
        .iter()
        .position(|o| o.clause_id == change.clause_id);
    match (existing, change.is_empty()) {
        (Some(index), true) => {
            overrides.remove(index);
        }
        (Some(index), false) => overrides[index] = change,
        (None, true) => {}
        (None, false) => overrides.push(change),
    }
}

/// What the user sets on a document besides the alliance data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DocumentSettings {
    pub title: String,
    #[serde(default)]
    pub overrides: Vec<ClauseOverride>,
    /// « Fait à … »; the association's city when empty.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub signature_date: Option<chrono::NaiveDate>,
    /// Number of original copies; one per party when empty.
    #[serde(default)]
    pub copies: Option<u32>,
    /// Prints an area for the signatories' initials (« Paraphes ») in the footer of
    /// every page but the signature page.
    #[serde(default)]
    pub initials: bool,
    /// Annexes the user adds after the generated ones (statuts, RIB, budget détaillé…),
    /// in order.
    #[serde(default)]
    pub annexes: Vec<UserAnnex>,
}

const MAX_COPIES: u32 = 50;
/// Longest text of one clause, in characters.
pub const MAX_CLAUSE_TEXT: usize = crate::validation::LONG_TEXT_MAX;
/// Most clause changes one document carries (the longest model has a few dozen
/// clauses; the cap only stops absurd input before any work is done on it).
pub const MAX_OVERRIDES: usize = 200;
/// Longest clause identity, in characters (the models use short ASCII names).
const MAX_CLAUSE_ID: usize = 64;
/// Most signatures one version records (one per party).
pub const MAX_SIGNATURES: usize = 100;

/// Whether a clause identity has the models' shape: `a-z`, `0-9` and `_`.
fn is_clause_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CLAUSE_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl DocumentSettings {
    /// The override of a clause, if the person changed it.
    pub fn clause_override(&self, clause_id: &str) -> Option<&ClauseOverride> {
        self.overrides.iter().find(|o| o.clause_id == clause_id)
    }

    /// The settings with one clause changed: the other half of its override is kept
    /// (the text when it is toggled, the choice when its text changes), and an override
    /// left changing nothing is dropped.
    pub fn with_clause_change(&self, clause_id: &str, change: ClauseChange) -> DocumentSettings {
        let existing = self.clause_override(clause_id);
        let (enabled, text) = match change {
            ClauseChange::Include(enabled) => {
                (Some(enabled), existing.and_then(|o| o.text.clone()))
            }
            ClauseChange::SetText(text) => (existing.and_then(|o| o.enabled), Some(text)),
            ClauseChange::ResetText => (existing.and_then(|o| o.enabled), None),
        };
        let mut settings = self.clone();
        merge_override(
            &mut settings.overrides,
            ClauseOverride {
                clause_id: clause_id.to_string(),
                enabled,
                text,
            },
        );
        settings
    }

    /// Trims the title and place, checks the copies, the number of clause changes, each
    /// clause's identity and text; keeps one change per clause (the last one); checks
    /// the user's annexes ([`validate_annexes`]).
    pub fn validated(&self) -> Result<DocumentSettings, crate::ValidationErrors> {
        use crate::validation::{optional_text, text, too_long_message};
        let mut errors = crate::ValidationErrors::default();
        let title = text(
            &mut errors,
            "title",
            &self.title,
            Some("le titre du document"),
            200,
        );
        let place = optional_text(&mut errors, "place", &self.place, 100);
        if let Some(date) = self.signature_date {
            crate::validation::plausible_date(
                &mut errors,
                "signatureDate",
                date,
                "Cette date de signature semble erronée\u{a0}: vérifiez l’année.",
            );
        }
        if let Some(copies) = self.copies {
            if !(1..=MAX_COPIES).contains(&copies) {
                errors.push(
                    "copies",
                    format!("Indiquez entre 1 et {MAX_COPIES} exemplaires."),
                );
            }
        }
        let mut overrides: Vec<ClauseOverride> = Vec::new();
        if self.overrides.len() > MAX_OVERRIDES {
            errors.push(
                "clauses",
                crate::validation::too_many_message(
                    "clauses modifiées",
                    MAX_OVERRIDES,
                    self.overrides.len(),
                ),
            );
        } else {
            for o in &self.overrides {
                if !is_clause_id(&o.clause_id) {
                    errors.push(
                        "clauses",
                        "Cette clause n’existe pas dans les modèles d’Allia.",
                    );
                    continue;
                }
                let field = format!("clauses.{}", o.clause_id);
                let mut o = o.clone();
                if let Some(t) = &o.text {
                    // Cleaned (NFC, line breaks `\n`), not trimmed: the editor's text.
                    let cleaned = crate::text::clean_multiline(&field, t);
                    let count = cleaned.as_deref().unwrap_or(t).chars().count();
                    if count > MAX_CLAUSE_TEXT {
                        errors.push(&field, too_long_message(MAX_CLAUSE_TEXT, count));
                    }
                    match cleaned {
                        Ok(c) => o.text = Some(c),
                        Err(e) if count <= MAX_CLAUSE_TEXT => errors.0.push(e),
                        Err(_) => {}
                    }
                }
                // One override per clause: the last one wins.
                merge_override(&mut overrides, o);
            }
        }
        let annexes = validate_annexes(&mut errors, &self.annexes);
        errors.into_result(DocumentSettings {
            title,
            overrides,
            place,
            signature_date: self.signature_date,
            copies: self.copies,
            initials: self.initials,
            annexes,
        })
    }
}

#[cfg(test)]
mod tests;
