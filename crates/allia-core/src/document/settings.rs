//! What the person sets on a document besides the alliance data: title, place and date
//! of signature, copies, and their changes to the model's clauses.

use serde::{Deserialize, Serialize};

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
    /// every page but the last.
    #[serde(default)]
    pub initials: bool,
    /// Annexes the user adds after the generated ones (statuts, RIB, budget détaillé…),
    /// in order.
    #[serde(default)]
    pub annexes: Vec<UserAnnex>,
}

/// An annex the user lists by title, with optionally a PDF appended to the exported
/// document (its bytes are kept in the vault, apart from the settings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
/// Most annexes the user adds to one document (statuts, RIB, budget…): a contract
/// rarely has more than a handful; the cap keeps the export and the vault bounded.
pub const MAX_USER_ANNEXES: usize = 20;
/// Longest annex title, in characters.
pub const MAX_ANNEX_TITLE: usize = 200;
/// Longest attached file name, in characters (the common file-system limit).
pub const MAX_ANNEX_FILE_NAME: usize = 255;

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
        use crate::validation::{has_forbidden_control, optional_text, text, too_long_message};
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
                if let Some(t) = &o.text {
                    let count = t.chars().count();
                    if count > MAX_CLAUSE_TEXT {
                        errors.push(&field, too_long_message(MAX_CLAUSE_TEXT, count));
                    } else if has_forbidden_control(t) {
                        errors.push(
                            &field,
                            "Ce texte contient des caractères invisibles non autorisés.",
                        );
                    }
                }
                // One override per clause: the last one wins.
                merge_override(&mut overrides, o.clone());
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
fn validate_annexes(errors: &mut crate::ValidationErrors, annexes: &[UserAnnex]) -> Vec<UserAnnex> {
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
        let before = errors.0.len();
        let title = text(
            errors,
            &field,
            &annex.title,
            Some("le titre de l’annexe"),
            MAX_ANNEX_TITLE,
        );
        if errors.0.len() == before && title.contains(['\n', '\t']) {
            errors.push(&field, "Le titre d’une annexe tient sur une ligne.");
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PartySignature;

    #[test]
    fn clause_changes_merge_into_one_override() {
        let base = DocumentSettings::default();
        let off = base.with_clause_change("confidentialite", ClauseChange::Include(false));
        assert_eq!(
            off.overrides,
            vec![ClauseOverride {
                clause_id: "confidentialite".into(),
                enabled: Some(false),
                text: None
            }]
        );
        // The text survives a toggle, the toggle survives an edit, in place.
        let edited = off
            .with_clause_change("objet", ClauseChange::SetText("Nouveau".into()))
            .with_clause_change("confidentialite", ClauseChange::SetText("Secret".into()))
            .with_clause_change("objet", ClauseChange::Include(true));
        assert_eq!(
            edited.overrides,
            vec![
                ClauseOverride {
                    clause_id: "confidentialite".into(),
                    enabled: Some(false),
                    text: Some("Secret".into())
                },
                ClauseOverride {
                    clause_id: "objet".into(),
                    enabled: Some(true),
                    text: Some("Nouveau".into())
                },
            ]
        );
        // Resetting keeps the choice; an override left changing nothing goes.
        let reset = edited.with_clause_change("confidentialite", ClauseChange::ResetText);
        assert_eq!(reset.overrides[0].text, None);
        assert_eq!(reset.overrides[0].enabled, Some(false));
        let plain = base
            .with_clause_change("objet", ClauseChange::SetText("x".into()))
            .with_clause_change("objet", ClauseChange::ResetText);
        assert!(plain.overrides.is_empty());
        assert_eq!(
            serde_json::to_value(ClauseChange::Include(false)).expect("json"),
            serde_json::json!({ "type": "include", "value": false })
        );
    }

    #[test]
    fn settings_validation() {
        let ok = DocumentSettings {
            title: " Convention 2026 ".into(),
            overrides: vec![
                ClauseOverride {
                    clause_id: "confidentialite".into(),
                    enabled: Some(false),
                    text: None,
                },
                ClauseOverride {
                    clause_id: "confidentialite".into(),
                    enabled: None,
                    text: Some("Texte".into()),
                },
                ClauseOverride {
                    clause_id: "objet".into(),
                    enabled: None,
                    text: None,
                },
            ],
            ..Default::default()
        }
        .validated()
        .expect("valid");
        assert_eq!(ok.title, "Convention 2026");
        assert_eq!(
            ok.overrides.len(),
            1,
            "last override per clause kept, empty ones dropped"
        );
        assert_eq!(ok.overrides[0].text.as_deref(), Some("Texte"));

        let err = DocumentSettings {
            title: String::new(),
            copies: Some(0),
            ..Default::default()
        }
        .validated()
        .expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["title", "copies"]);
        assert_eq!(err.0[1].message, "Indiquez entre 1 et 50 exemplaires.");
    }

    #[test]
    fn clause_changes_are_bounded() {
        let change = |id: &str, text: Option<String>| ClauseOverride {
            clause_id: id.into(),
            enabled: None,
            text,
        };
        let settings = |overrides| DocumentSettings {
            title: "Convention".into(),
            overrides,
            ..Default::default()
        };
        let err = settings(vec![change("objet", Some("x".repeat(MAX_CLAUSE_TEXT + 1)))])
            .validated()
            .expect_err("long clause");
        assert_eq!(err.0[0].field, "clauses.objet");
        assert_eq!(
            err.0[0].message,
            "Ce texte est trop long\u{a0}: 20\u{202f}000 caractères au plus (20\u{202f}001 saisis)."
        );
        assert!(
            settings(vec![change("objet", Some("x".repeat(MAX_CLAUSE_TEXT)))])
                .validated()
                .is_ok()
        );

        let err = settings(vec![change("objet", Some("a\u{0}b".into()))])
            .validated()
            .expect_err("NUL");
        assert_eq!(
            err.0[0].message,
            "Ce texte contient des caractères invisibles non autorisés."
        );

        for bad in ["", "Objet", "objet.titre", "clé", &"x".repeat(65)] {
            let err = settings(vec![change(bad, None)])
                .validated()
                .expect_err(bad);
            assert_eq!(err.0[0].field, "clauses", "{bad}");
            assert_eq!(
                err.0[0].message,
                "Cette clause n’existe pas dans les modèles d’Allia."
            );
        }

        let many = (0..=MAX_OVERRIDES)
            .map(|i| change(&format!("c{i}"), Some("t".into())))
            .collect();
        let err = settings(many).validated().expect_err("too many");
        assert_eq!(err.0.len(), 1);
        assert_eq!(
            err.0[0].message,
            "Trop de clauses modifiées\u{a0}: 200 au plus (201 en tout)."
        );
    }

    #[test]
    fn dates_in_implausible_years_are_refused_at_their_field() {
        let year_one = chrono::NaiveDate::from_ymd_opt(1, 12, 3).expect("date");
        let err = PartySignature {
            party: "Mairie".into(),
            signatory: "Claire Moreau".into(),
            signed_on: year_one,
        }
        .validated()
        .expect_err("year 1");
        assert_eq!(err.0[0].field, "signedOn");
        assert_eq!(
            err.0[0].message,
            "Cette date de signature semble erronée\u{a0}: vérifiez l’année."
        );
        let err = DocumentSettings {
            title: "Convention".into(),
            signature_date: Some(year_one),
            ..Default::default()
        }
        .validated()
        .expect_err("year 1");
        assert_eq!(err.0[0].field, "signatureDate");
        let ok = DocumentSettings {
            title: "Convention".into(),
            signature_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
            ..Default::default()
        }
        .validated()
        .expect("2026");
        assert_eq!(
            ok.signature_date,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
        );
    }

    const ANNEX_ID: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f";

    fn annex(id: &str, title: &str, file_name: Option<&str>) -> UserAnnex {
        UserAnnex {
            id: id.into(),
            title: title.into(),
            file_name: file_name.map(str::to_string),
        }
    }

    fn with_annexes(annexes: Vec<UserAnnex>) -> DocumentSettings {
        DocumentSettings {
            title: "Convention".into(),
            initials: true,
            annexes,
            ..Default::default()
        }
    }

    #[test]
    fn annexes_are_trimmed_and_kept_in_order() {
        let other = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
        let ok = with_annexes(vec![
            annex(
                ANNEX_ID,
                " Statuts de l’association ",
                Some(" statuts.pdf "),
            ),
            annex(other, "Relevé d’identité bancaire", Some("  ")),
        ])
        .validated()
        .expect("valid");
        assert!(ok.initials);
        assert_eq!(
            ok.annexes,
            vec![
                annex(ANNEX_ID, "Statuts de l’association", Some("statuts.pdf")),
                annex(other, "Relevé d’identité bancaire", None),
            ]
        );
        assert!(with_annexes(vec![annex(ANNEX_ID, &"é".repeat(200), None)])
            .validated()
            .is_ok());
    }

    #[test]
    fn annex_titles_are_required_short_and_on_one_line() {
        let field = format!("annexes.{ANNEX_ID}.title");
        for (title, message) in [
            ("  ", "Indiquez le titre de l’annexe.".to_string()),
            (
                &"x".repeat(201)[..],
                "Ce texte est trop long\u{a0}: 200 caractères au plus (201 saisis).".to_string(),
            ),
            (
                "Statuts\nsignés",
                "Le titre d’une annexe tient sur une ligne.".to_string(),
            ),
            (
                "Statuts\u{1b}",
                "Ce texte contient des caractères invisibles non autorisés.".to_string(),
            ),
        ] {
            let err = with_annexes(vec![annex(ANNEX_ID, title, None)])
                .validated()
                .expect_err(title);
            assert_eq!(err.0.len(), 1, "{title:?}: {err:?}");
            assert_eq!(err.0[0].field, field);
            assert_eq!(err.0[0].message, message);
        }
    }

    #[test]
    fn annex_ids_and_file_names_are_checked() {
        for bad in [
            "",
            "1",
            "0B7E5A4C-3F1D-4E2A-9C8B-1A2B3C4D5E6F",
            "../../etc/passwd",
        ] {
            let err = with_annexes(vec![annex(bad, "Statuts", None)])
                .validated()
                .expect_err(bad);
            assert_eq!(err.0[0].field, "annexes", "{bad}");
            assert_eq!(
                err.0[0].message,
                "Cette annexe n’est pas reconnue\u{a0}: ajoutez-la de nouveau."
            );
        }
        let err = with_annexes(vec![
            annex(ANNEX_ID, "Statuts", None),
            annex(ANNEX_ID, "RIB", None),
        ])
        .validated()
        .expect_err("twice");
        assert_eq!(
            err.0[0].message,
            "Cette annexe figure deux fois dans la liste."
        );

        let field = format!("annexes.{ANNEX_ID}.fileName");
        for bad in [
            "..",
            "dossier/statuts.pdf",
            "C:\\statuts.pdf",
            "sta\u{0}tuts.pdf",
        ] {
            let err = with_annexes(vec![annex(ANNEX_ID, "Statuts", Some(bad))])
                .validated()
                .expect_err(bad);
            assert_eq!(err.0[0].field, field, "{bad:?}");
        }
        let err = with_annexes(vec![annex(ANNEX_ID, "Statuts", Some("..."))])
            .validated()
            .map(|s| s.annexes[0].file_name.clone());
        assert_eq!(err.expect("three dots is a name"), Some("...".to_string()));
        let err = with_annexes(vec![annex(ANNEX_ID, "Statuts", Some(&"a".repeat(256)))])
            .validated()
            .expect_err("long name");
        assert_eq!(
            err.0[0].message,
            "Ce texte est trop long\u{a0}: 255 caractères au plus (256 saisis)."
        );
    }

    #[test]
    fn at_most_twenty_annexes() {
        let ids: Vec<String> = (0..=MAX_USER_ANNEXES)
            .map(|i| format!("00000000-0000-4000-8000-{i:012x}"))
            .collect();
        let annexes = |n: usize| {
            ids.iter()
                .take(n)
                .map(|id| annex(id, "Pièce", None))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            with_annexes(annexes(MAX_USER_ANNEXES))
                .validated()
                .expect("twenty")
                .annexes
                .len(),
            MAX_USER_ANNEXES
        );
        let err = with_annexes(annexes(MAX_USER_ANNEXES + 1))
            .validated()
            .expect_err("21");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "annexes");
        assert_eq!(
            err.0[0].message,
            "Trop d’annexes ajoutées\u{a0}: 20 au plus (21 en tout)."
        );
    }
}
