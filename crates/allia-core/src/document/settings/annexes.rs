//! The annexes the user adds to a document after the generated ones (statuts, RIB,
//! budget détaillé…), and their checks.

use serde::{Deserialize, Serialize};

/// An annex the user lists by title, with optionally a PDF appended to the exported
/// document (its bytes are kept in the vault, apart from the settings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UserAnnex {
    /// Stable identity (UUID) of the annex within its document.
    pub id: String,
    /// « Statuts de l’association », « Relevé d’identité bancaire »…
    pub title: String,
    /// Name of the PDF file attached, when there is one.
    #[serde(default)]
    pub file_name: Option<String>,
}

/// Most annexes the user adds to one document (statuts, RIB, budget…): a contract
/// rarely has more than a handful; the cap keeps the export and the vault bounded.
pub const MAX_USER_ANNEXES: usize = 20;
/// Longest annex title, in characters.
pub const MAX_ANNEX_TITLE: usize = 200;
/// Longest attached file name, in characters (the common file-system limit).
pub const MAX_ANNEX_FILE_NAME: usize = 255;

/// Whether a file name is one a person could have picked: no folder separator, no
/// control character, not `.` or `..`, not blank. Only the name is kept, never a path.
fn is_sane_file_name(name: &str) -> bool {
    !name.trim().is_empty()
        && name != "."
        && name != ".."
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
}

/// Checks the annexes the user added: at most [`MAX_USER_ANNEXES`], each with a
/// UUID-shaped identity of its own ([`crate::validation::is_record_id`]), a title (at
/// most [`MAX_ANNEX_TITLE`] characters, on one line) and, when a PDF is attached, a
/// plain file name. Returns them trimmed, in the user's order. Errors go to `annexes`
/// (the list) or `annexes.<id>.title` / `annexes.<id>.fileName`.
pub(super) fn validate_annexes(
    errors: &mut crate::ValidationErrors,
    annexes: &[UserAnnex],
) -> Vec<UserAnnex> {
    use crate::validation::{french_count, is_record_id, optional_text, text};
    if annexes.len() > MAX_USER_ANNEXES {
        // « Trop d’annexes » (elided), so not `too_many_message`.
        errors.push(
            "annexes",
            format!(
                "Trop d’annexes ajoutées\u{a0}: {} au plus ({} en tout).",
                french_count(MAX_USER_ANNEXES),
                french_count(annexes.len())
            ),
        );
        return Vec::new();
    }
    let mut kept: Vec<UserAnnex> = Vec::with_capacity(annexes.len());
    for annex in annexes {
        if !is_record_id(&annex.id) {
            errors.push(
                "annexes",
                "Cette annexe n’est pas reconnue\u{a0}: ajoutez-la de nouveau.",
            );
            continue;
        }
        if kept.iter().any(|k| k.id == annex.id) {
            errors.push("annexes", "Cette annexe figure deux fois dans la liste.");
            continue;
        }
        let field = format!("annexes.{}.title", annex.id);
        // One line: a line break or a tab pasted in becomes a space (`text`).
        let title = text(
            errors,
            &field,
            &annex.title,
            Some("le titre de l’annexe"),
            MAX_ANNEX_TITLE,
        );
        let field = format!("annexes.{}.fileName", annex.id);
        let before = errors.0.len();
        let file_name = optional_text(errors, &field, &annex.file_name, MAX_ANNEX_FILE_NAME);
        if errors.0.len() == before {
            if let Some(name) = &file_name {
                if !is_sane_file_name(name) {
                    errors.push(&field, "Ce nom de fichier n’est pas valide.");
                }
            }
        }
        kept.push(UserAnnex {
            id: annex.id.clone(),
            title,
            file_name,
        });
    }
    kept
}
