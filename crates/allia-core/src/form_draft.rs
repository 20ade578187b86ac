//! A form's unsaved input, kept in the vault so that nothing typed is lost to the
//! auto-lock (issue 8, item 6: « Nothing lost to auto-lock »). The form writes it while
//! it has unsaved changes and clears it on save or discard; after unlock the screen
//! offers it back (« Reprendre la saisie » / « Abandonner »).
//!
//! The content is the form's own fields as JSON text: the domain does not read it, it
//! only bounds it. It is personal data like everything else in the vault: stored
//! encrypted, never logged.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{is_record_id, ValidationErrors};

/// The largest draft content accepted, in bytes of JSON text (64 KiB): far above any
/// form of the app (a partner with long resources is a few KiB), small enough that a
/// runaway form cannot fill the vault.
pub const FORM_DRAFT_MAX_BYTES: usize = 64 * 1024;

/// The longest area or form name, in characters.
pub const FORM_DRAFT_NAME_MAX: usize = 80;

/// Where a draft belongs: one draft per alliance, area and form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FormDraftKey {
    /// The alliance the form belongs to; `None` for an area of the whole app (the
    /// association's profile).
    pub alliance_id: Option<String>,
    /// The area's id, as in `ui/src/lib/areas.ts` (e.g. `partenaires`).
    pub area: String,
    /// The form within the area (e.g. `partner:new`, `partner:<id>`, `alliance`).
    pub form: String,
}

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FormDraft {
    pub key: FormDraftKey,
    /// The form's fields as JSON text (an object), written and read by the form itself.
    pub content: String,
    /// When it was last written.
    pub saved_at: DateTime<Utc>,
}

/// Whether an area or form name has the shape the screens give them: 1 to
/// [`FORM_DRAFT_NAME_MAX`] characters among ASCII letters, digits, `-`, `_`, `:`.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= FORM_DRAFT_NAME_MAX
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
}

impl FormDraftKey {
    /// Checks the key's shape: an alliance id shaped like the vault's ids, and names
    /// as [`is_name`] says. The messages are French, though only a faulty screen can
    /// send a wrong key.
    pub fn validated(&self) -> Result<FormDraftKey, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if let Some(id) = &self.alliance_id {
            if !is_record_id(id) {
                errors.push("allianceId", "Alliance inconnue.");
            }
        }
        if !is_name(&self.area) {
            errors.push("area", "Nom de rubrique invalide.");
        }
        if !is_name(&self.form) {
            errors.push("form", "Nom de formulaire invalide.");
        }
        errors.into_result(self.clone())
    }
}

/// Checks a draft's content: a JSON object of at most [`FORM_DRAFT_MAX_BYTES`] bytes.
/// The message never quotes the content.
pub fn validate_content(content: &str) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if content.len() > FORM_DRAFT_MAX_BYTES {
        errors.push(
            "content",
            "Cette saisie est trop longue pour être gardée au verrouillage.",
        );
    } else if !matches!(
        serde_json::from_str::<serde_json::Value>(content),
        Ok(serde_json::Value::Object(_))
    ) {
        errors.push("content", "Cette saisie ne peut pas être gardée.");
    }
    errors.into_result(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(alliance_id: Option<&str>, area: &str, form: &str) -> FormDraftKey {
        FormDraftKey {
            alliance_id: alliance_id.map(str::to_string),
            area: area.into(),
            form: form.into(),
        }
    }

    #[test]
    fn keys_have_the_screens_shape() {
        let id = "0b6c5f43-2c4e-4d0e-9a3b-6f1f0e2a9c11";
        assert!(key(Some(id), "partenaires", "partner:new")
            .validated()
            .is_ok());
        assert!(key(None, "profil", "profile").validated().is_ok());
        assert!(key(Some("x"), "partenaires", "p").validated().is_err());
        assert!(key(None, "", "p").validated().is_err());
        assert!(key(None, "a b", "p").validated().is_err());
        assert!(key(None, "a", &"p".repeat(81)).validated().is_err());
        assert!(key(None, "a", "p'; DROP").validated().is_err());
    }

    #[test]
    fn content_is_a_bounded_json_object() {
        assert!(validate_content(r#"{"name":"Banque alimentaire"}"#).is_ok());
        assert!(validate_content("[1,2]").is_err());
        assert!(validate_content("pas du json").is_err());
        let big = format!(r#"{{"x":"{}"}}"#, "a".repeat(FORM_DRAFT_MAX_BYTES));
        let errors = validate_content(&big).expect_err("too big");
        assert!(!errors.user_message().contains("aaaa"));
    }
}
