//! Everything a contract needs about one alliance, in one value: the association's
//! profile, the alliance and its partners. It is also the alliance file that partners
//! exchange (JSON).
//!
//! Every reader of an alliance file (the app's import, the command line) goes through
//! [`AllianceFile::from_json_slice`]: one size cap, serde_json's nesting limit, and the
//! same French explanation of what is wrong. The file carries no identifiers (the vault
//! that imports it gives new ones), so it cannot hold a dangling reference; a key given
//! twice in one object is refused as malformed.

use serde::{Deserialize, Serialize};

use crate::alliance::AllianceDraft;
use crate::organisation::Organisation;
use crate::partner::PartnerDraft;
use crate::validation::{french_count, too_many_message, ValidationErrors};

/// Version of the alliance file format.
pub const ALLIANCE_FILE_FORMAT: u32 = 1;

/// Largest alliance file read, in bytes (20 Mio): a real one is a few kilobytes. Readers
/// read at most one byte more than this, so a huge file is never loaded whole.
pub const ALLIANCE_FILE_MAX_BYTES: usize = 20 * 1024 * 1024;

/// Most partners one alliance file may bring.
pub const ALLIANCE_FILE_MAX_PARTNERS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AllianceFile {
    pub format: u32,
    /// The association that produced the file (first party of its contracts).
    #[serde(default)]
    pub profile: Option<Organisation>,
    pub alliance: AllianceDraft,
    pub partners: Vec<PartnerDraft>,
}

/// Why bytes are not an alliance file. `Display` is a whole French sentence for the
/// app; [`AllianceFileError::problem`] is the short reason the command line quotes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllianceFileError {
    /// Over [`ALLIANCE_FILE_MAX_BYTES`]; `bytes` is how many were read (at least one
    /// more than the cap).
    #[error(
        "Ce fichier est trop volumineux pour un fichier d’alliance ({}).",
        too_large_reason()
    )]
    TooLarge { bytes: usize },
    /// Not JSON, or not the alliance file's shape. `line` and `column` start at 1
    /// (column 0 when the problem is the end of the file).
    #[error("Ce fichier n’est pas un fichier d’alliance Allia valide (ligne {line}, colonne {column}\u{a0}: {problem}).")]
    Malformed {
        line: usize,
        column: usize,
        /// What is wrong, in French (« champ « alliance » manquant »).
        problem: String,
    },
}

fn too_large_reason() -> String {
    format!(
        "{}\u{a0}Mio au plus",
        french_count(ALLIANCE_FILE_MAX_BYTES / (1024 * 1024))
    )
}

impl AllianceFileError {
    /// The reason alone, in French, without the sentence around it.
    pub fn problem(&self) -> String {
        match self {
            AllianceFileError::TooLarge { .. } => too_large_reason(),
            AllianceFileError::Malformed { problem, .. } => problem.clone(),
        }
    }
}

/// serde_json's message, reduced to what matters, in French. (The guillemets keep
/// plain spaces: the command line has always printed them so, and scripts match it.)
pub fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = e.to_string();
    let quoted = |marker: &str| {
        text.split_once(marker)
            .and_then(|(_, rest)| rest.split('`').next())
            .map(str::to_string)
    };
    match e.classify() {
        Category::Syntax if text.starts_with("recursion limit exceeded") => {
            "imbrication trop profonde".into()
        }
        Category::Syntax => "JSON mal formé".into(),
        Category::Eof => "fichier tronqué".into(),
        Category::Io => "lecture interrompue".into(),
        Category::Data => {
            if let Some(field) = quoted("missing field `") {
                format!("champ « {field} » manquant")
            } else if let Some(field) = quoted("duplicate field `") {
                format!("champ « {field} » en double")
            } else if let Some(value) = quoted("unknown variant `") {
                format!("valeur « {value} » inconnue")
            } else {
                "valeur d’un type inattendu".into()
            }
        }
    }
}

impl AllianceFile {
    /// Parses an alliance file. Refuses more than [`ALLIANCE_FILE_MAX_BYTES`] before
    /// parsing, keeps serde_json's nesting limit (128 levels), and skips a leading UTF-8
    /// byte-order mark (some editors write one). Pure: the caller reads the bytes.
    pub fn from_json_slice(bytes: &[u8]) -> Result<AllianceFile, AllianceFileError> {
        if bytes.len() > ALLIANCE_FILE_MAX_BYTES {
            return Err(AllianceFileError::TooLarge { bytes: bytes.len() });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        serde_json::from_slice(bytes).map_err(|e| AllianceFileError::Malformed {
            line: e.line(),
            column: e.column(),
            problem: json_problem(&e),
        })
    }

    /// Writes an alliance file, as every writer does (the app's export, the command
    /// line): pretty-printed JSON with two-space indents, ending with a newline, in UTF-8
    /// without a byte-order mark. [`AllianceFile::from_json_slice`] reads it back.
    ///
    /// # Errors
    /// Only if serde_json refuses a value; the file's types give it none to refuse.
    pub fn to_json_string(&self) -> Result<String, serde_json::Error> {
        let mut json = serde_json::to_string_pretty(self)?;
        json.push('\n');
        Ok(json)
    }

    /// What importing this file stores, validated: the format must be this version's,
    /// the alliance and every partner valid, at most [`ALLIANCE_FILE_MAX_PARTNERS`]
    /// partners. Every problem is reported (fields prefixed `alliance.` and
    /// `partners.N.`, N from 1). The sender's profile is not part of an import.
    pub fn validated_for_import(
        &self,
    ) -> Result<(AllianceDraft, Vec<PartnerDraft>), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.format != ALLIANCE_FILE_FORMAT {
            errors.push(
                "format",
                format!(
                    "Ce fichier d’alliance est au format {}, que cette version d’Allia ne sait pas lire (format {ALLIANCE_FILE_FORMAT}).",
                    self.format
                ),
            );
            return Err(errors);
        }
        if self.partners.len() > ALLIANCE_FILE_MAX_PARTNERS {
            errors.push(
                "partners",
                too_many_message(
                    "partenaires",
                    ALLIANCE_FILE_MAX_PARTNERS,
                    self.partners.len(),
                ),
            );
            return Err(errors);
        }
        let alliance = self
            .alliance
            .validated()
            .map_err(|e| errors.extend_prefixed("alliance", e));
        let mut partners: Vec<PartnerDraft> = Vec::with_capacity(self.partners.len());
        for (index, partner) in self.partners.iter().enumerate() {
            match partner.validated() {
                Ok(p) => partners.push(p),
                Err(e) => errors.extend_prefixed(&format!("partners.{}", index + 1), e),
            }
        }
        match alliance {
            Ok(a) if errors.is_empty() => Ok((a, partners)),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_json() -> String {
        r#"{ "format": 1, "profile": null,
             "alliance": { "name": "Service partagé", "purpose": null, "territory": null,
                           "startDate": null, "status": "active" },
             "partners": [] }"#
            .to_string()
    }

    fn malformed(bytes: &[u8]) -> String {
        match AllianceFile::from_json_slice(bytes) {
            Err(AllianceFileError::Malformed { problem, .. }) => problem,
            other => panic!("expected a malformed file, got {other:?}"),
        }
    }

    #[test]
    fn a_valid_file_parses_and_validates() {
        let file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
        let (alliance, partners) = file.validated_for_import().expect("importable");
        assert_eq!(alliance.name, "Service partagé");
        assert!(partners.is_empty());
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), valid_json().as_bytes()].concat();
        assert_eq!(AllianceFile::from_json_slice(&with_bom), Ok(file));
    }

    #[test]
    fn problems_are_explained_in_french() {
        assert_eq!(malformed(b"{ \"format\": 1, "), "fichier tronqué");
        assert_eq!(malformed(b""), "fichier tronqué");
        assert_eq!(malformed(b"{ format: 1 }"), "JSON mal formé");
        assert_eq!(
            malformed(br#"{ "format": 1, "profile": null, "partners": [] }"#),
            "champ « alliance » manquant"
        );
        assert_eq!(
            malformed(valid_json().replace("\"active\"", "\"dormant\"").as_bytes()),
            "valeur « dormant » inconnue"
        );
        assert_eq!(
            malformed(
                valid_json()
                    .replace("\"format\": 1,", "\"format\": 1, \"format\": 1,")
                    .as_bytes()
            ),
            "champ « format » en double"
        );
        assert_eq!(
            malformed(
                valid_json()
                    .replace("\"format\": 1", "\"format\": \"1\"")
                    .as_bytes()
            ),
            "valeur d’un type inattendu"
        );
        assert_eq!(malformed(b"\xff\xfe{}"), "JSON mal formé");
    }

    #[test]
    fn deep_nesting_is_harmless() {
        let depth = 1_000_000;
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // An unknown key is skipped without recursion, however deep.
        let extra = valid_json().replacen('{', &format!("{{ \"extra\": {nested},"), 1);
        assert!(AllianceFile::from_json_slice(extra.as_bytes()).is_ok());
        // Where a known field is expected, the first wrong level stops the parse.
        assert_eq!(malformed(nested.as_bytes()), "valeur d’un type inattendu");
        let partners = valid_json().replace("\"partners\": []", &format!("\"partners\": {nested}"));
        assert_eq!(malformed(partners.as_bytes()), "valeur d’un type inattendu");
        let unclosed = valid_json().replace(
            "\"partners\": []",
            &format!("\"partners\": {}", "[".repeat(depth)),
        );
        assert!(AllianceFile::from_json_slice(unclosed.as_bytes()).is_err());
    }

    #[test]
    fn a_huge_file_is_refused_before_parsing() {
        let huge = vec![b' '; ALLIANCE_FILE_MAX_BYTES + 1];
        let err = AllianceFile::from_json_slice(&huge).expect_err("huge");
        assert_eq!(
            err,
            AllianceFileError::TooLarge {
                bytes: ALLIANCE_FILE_MAX_BYTES + 1
            }
        );
        assert_eq!(
            err.to_string(),
            "Ce fichier est trop volumineux pour un fichier d’alliance (20\u{a0}Mio au plus)."
        );
        assert_eq!(err.problem(), "20\u{a0}Mio au plus");
    }

    #[test]
    fn import_validation_reports_every_problem_and_caps_partners() {
        let mut file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
        file.format = 2;
        let err = file.validated_for_import().expect_err("format");
        assert_eq!(err.0[0].field, "format");
        assert!(err.0[0].message.contains("format 2"));

        file.format = ALLIANCE_FILE_FORMAT;
        file.alliance.name = String::new();
        file.partners = vec![PartnerDraft::default(), PartnerDraft::default()];
        let err = file.validated_for_import().expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["alliance.name", "partners.1.name", "partners.2.name"]
        );

        file.alliance.name = "A".into();
        let mut partner = PartnerDraft::default();
        partner.organisation.name = "P".into();
        file.partners = vec![partner; ALLIANCE_FILE_MAX_PARTNERS + 1];
        let err = file.validated_for_import().expect_err("too many");
        assert_eq!(err.0.len(), 1);
        assert_eq!(
            err.0[0].message,
            "Trop de partenaires\u{a0}: 500 au plus (501 en tout)."
        );
        file.partners.pop();
        assert!(file.validated_for_import().is_ok());
    }
}
