//! Everything a contract needs about one alliance, in one value: the association's
//! profile, the alliance and its partners. It is also the alliance file that partners
//! exchange (JSON).
//!
//! Every reader of an alliance file (the app's import, the command line) goes through
//! [`AllianceFile::from_json_slice`]: one size cap, serde_json's nesting limit, and the
//! same French explanation of what is wrong. The vault that imports a file gives its
//! records new identifiers; inside the file, a party's commitments name their partner by
//! its position in `partners` ([`CommitmentParty`]), and a position that does not exist
//! is refused at import. A key given twice in one object is refused as malformed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::alliance::AllianceDraft;
use crate::commitment::CommitmentsDraft;
use crate::organisation::Organisation;
use crate::partner::{ActorType, PartnerDraft, PartnerRole};
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
    /// What each party commits (money, schedule, contributions in kind): at most one
    /// entry per party. Absent or empty when none is recorded (files written before
    /// commitments existed); not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<FileCommitments>,
}

/// The party an entry of `commitments` belongs to. In JSON: `"association"` or
/// `{ "partner": 3 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CommitmentParty {
    /// The association whose file it is, first party of the contracts (the file's
    /// `profile`). Once imported: the importing vault's own association when it is the
    /// same organisation (or either has no profile), else the sender as a partner
    /// ([`ImportedAlliance::for_vault`]).
    Association,
    /// A partner, by its position in `partners`, counted from 1.
    Partner(u32),
}

/// One party's commitments as the alliance file carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileCommitments {
    /// The record's id in the vault that wrote the file (informative: an import gives a
    /// new one). May be absent in a file written by hand.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    pub party: CommitmentParty,
    pub draft: CommitmentsDraft,
}

/// What importing a file stores, validated ([`AllianceFile::validated_for_import`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedAlliance {
    pub alliance: AllianceDraft,
    /// The sender's profile, validated and normalised (`None` when the file has none).
    pub profile: Option<Organisation>,
    pub partners: Vec<PartnerDraft>,
    /// Each with a validated draft and a party that exists in `partners`.
    pub commitments: Vec<FileCommitments>,
}

impl ImportedAlliance {
    /// The file's parties as the importing vault must store them. In the file,
    /// `"association"` is the sender (the file's `profile`). When the vault's own
    /// association (`own`) is a different organisation ([`same_organisation`]), the
    /// sender becomes a partner of the imported alliance so that it stays a party of the
    /// contracts: the file's partner that is the same organisation as the profile, else
    /// a new partner made from the profile (actor type association, role member,
    /// appended after the file's partners), and the sender's commitments go to it
    /// (merged with that partner's own entry when it has one). When the file has no
    /// profile, when the vault has none yet, or when both are the same organisation, the
    /// association's commitments stay the association's (the vault's own).
    ///
    /// # Errors
    /// When the sender would be the partner past [`ALLIANCE_FILE_MAX_PARTNERS`]
    /// (`partners`: the alliance could not be exported again), or when the sender's
    /// commitments, merged with those the file gives the same organisation as a partner,
    /// exceed what one party may hold (`commitments.N.draft…`).
    pub fn for_vault(mut self, own: Option<&Organisation>) -> Result<Self, ValidationErrors> {
        let (Some(sender), Some(own)) = (&self.profile, own) else {
            return Ok(self);
        };
        if same_organisation(sender, own) {
            return Ok(self);
        }
        let position = match self
            .partners
            .iter()
            .position(|p| same_organisation(&p.organisation, sender))
        {
            Some(index) => index + 1,
            None => {
                // The alliance must export again into a file this version imports.
                if self.partners.len() >= ALLIANCE_FILE_MAX_PARTNERS {
                    let mut errors = ValidationErrors::default();
                    errors.push(
                        "partners",
                        format!(
                            "Trop de partenaires\u{a0}: {} au plus, l’association qui a envoyé le fichier comprise ({} en tout).",
                            french_count(ALLIANCE_FILE_MAX_PARTNERS),
                            french_count(self.partners.len() + 1)
                        ),
                    );
                    return Err(errors);
                }
                self.partners.push(PartnerDraft {
                    organisation: sender.clone(),
                    actor_type: ActorType::Association,
                    role: PartnerRole::Member,
                    resources: None,
                    resource_tags: Vec::new(),
                });
                self.partners.len()
            }
        };
        let party = CommitmentParty::Partner(u32::try_from(position).unwrap_or(u32::MAX));
        let Some(index) = self
            .commitments
            .iter()
            .position(|c| c.party == CommitmentParty::Association)
        else {
            return Ok(self);
        };
        let mut sent = self.commitments.remove(index);
        match self.commitments.iter_mut().find(|c| c.party == party) {
            Some(existing) => {
                let mut merged = existing.draft.clone();
                merged.financial.append(&mut sent.draft.financial);
                merged.in_kind.append(&mut sent.draft.in_kind);
                existing.draft = merged.validated().map_err(|e| {
                    let mut errors = ValidationErrors::default();
                    errors.extend_prefixed(&format!("commitments.{position}.draft"), e);
                    errors
                })?;
            }
            None => {
                sent.party = party;
                self.commitments.push(sent);
            }
        }
        // In the order the vault lists them: the association, then partners by position.
        self.commitments.sort_by_key(|c| match c.party {
            CommitmentParty::Association => 0,
            CommitmentParty::Partner(p) => u64::from(p) + 1,
        });
        Ok(self)
    }
}

/// Whether two organisations are the same one, for matching the sender of an alliance
/// file: by SIREN (the first 9 digits of a SIREN or SIRET) when both have one, else by
/// RNA number when both have one, else by name compared without case, accents,
/// punctuation or extra spaces (« Maison des Solidarités » = « MAISON DES SOLIDARITES »).
/// An identifier both have decides alone: two establishments of one SIREN are the same
/// organisation, two different RNA numbers are two associations whatever their names.
/// Expects validated (normalised) organisations.
pub fn same_organisation(a: &Organisation, b: &Organisation) -> bool {
    let siren = |o: &Organisation| {
        o.siret
            .as_deref()
            .map(|s| {
                s.chars()
                    .filter(char::is_ascii_digit)
                    .take(9)
                    .collect::<String>()
            })
            .filter(|s| s.len() == 9)
    };
    if let (Some(x), Some(y)) = (siren(a), siren(b)) {
        return x == y;
    }
    let rna = |o: &Organisation| o.rna.as_deref().map(|r| r.trim().to_uppercase());
    if let (Some(x), Some(y)) = (rna(a), rna(b)) {
        return x == y;
    }
    let x = comparable_name(&a.name);
    !x.is_empty() && x == comparable_name(&b.name)
}

/// A name reduced for comparison: the one collation key ([`crate::text::collation_key`]:
/// lower case, accents and ligatures folded, every run of other characters than letters
/// and digits one space).
fn comparable_name(name: &str) -> String {
    crate::text::collation_key(name)
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
    /// partners; every party's commitments valid ([`CommitmentsDraft::validated`]),
    /// naming a partner that exists, at most one entry per party. Every problem is
    /// reported (fields prefixed `alliance.`, `partners.N.` and `commitments.N.`, N from
    /// 1; inside a draft, `commitments.N.draft.financial.0.amountCents`, its own indexes
    /// from 0). The sender's profile, when present, is checked by the same rules as a
    /// partner's organisation (fields prefixed `profile.`): a file whose first party
    /// could not be typed in the app is refused, by `import` and `render --input` alike.
    pub fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
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
        let profile = match &self.profile {
            None => None,
            Some(profile) => match profile.validated() {
                Ok(p) => Some(p),
                Err(e) => {
                    errors.extend_prefixed("profile", e);
                    None
                }
            },
        };
        let mut partners: Vec<PartnerDraft> = Vec::with_capacity(self.partners.len());
        for (index, partner) in self.partners.iter().enumerate() {
            match partner.validated() {
                Ok(p) => partners.push(p),
                Err(e) => errors.extend_prefixed(&format!("partners.{}", index + 1), e),
            }
        }
        let commitments = self.validated_commitments(&mut errors);
        match alliance {
            Ok(alliance) if errors.is_empty() => Ok(ImportedAlliance {
                alliance,
                profile,
                partners,
                commitments,
            }),
            _ => Err(errors),
        }
    }

    /// The commitments checked for import: each party exists and appears once, each
    /// draft is valid.
    fn validated_commitments(&self, errors: &mut ValidationErrors) -> Vec<FileCommitments> {
        let parties = self.partners.len() + 1;
        if self.commitments.len() > parties {
            errors.push(
                "commitments",
                format!(
                    "Trop d’engagements\u{a0}: un par partie au plus, soit {} ({} en tout).",
                    french_count(parties),
                    french_count(self.commitments.len())
                ),
            );
            return Vec::new();
        }
        let mut seen: Vec<CommitmentParty> = Vec::with_capacity(self.commitments.len());
        let mut kept = Vec::with_capacity(self.commitments.len());
        for (index, entry) in self.commitments.iter().enumerate() {
            let prefix = format!("commitments.{}", index + 1);
            if let CommitmentParty::Partner(position) = entry.party {
                let exists =
                    usize::try_from(position).is_ok_and(|p| (1..=self.partners.len()).contains(&p));
                if !exists {
                    errors.push(
                        format!("{prefix}.party"),
                        format!(
                            "Le partenaire n°\u{a0}{position} n’existe pas dans ce fichier\u{a0}: il en compte {}, numérotés à partir de 1.",
                            french_count(self.partners.len())
                        ),
                    );
                }
            }
            if seen.contains(&entry.party) {
                let who = match entry.party {
                    CommitmentParty::Association => "L’association".to_string(),
                    CommitmentParty::Partner(p) => format!("Le partenaire n°\u{a0}{p}"),
                };
                errors.push(
                    format!("{prefix}.party"),
                    format!("{who} a déjà ses engagements plus haut dans ce fichier."),
                );
            }
            seen.push(entry.party);
            match entry.draft.validated() {
                Ok(draft) => kept.push(FileCommitments {
                    draft,
                    ..entry.clone()
                }),
                Err(e) => errors.extend_prefixed(&format!("{prefix}.draft"), e),
            }
        }
        kept
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
        let imported = file.validated_for_import().expect("importable");
        assert_eq!(imported.alliance.name, "Service partagé");
        assert!(imported.partners.is_empty());
        assert!(imported.commitments.is_empty());
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

    #[test]
    fn commitments_name_their_party_by_position_and_are_validated() {
        let json = valid_json().replace(
            "\"partners\": [] }",
            r#""partners": [ { "organisation": { "name": "Commune de Villard" },
                               "actorType": "local_authority", "role": "funder" } ],
               "commitments": [
                 { "party": { "partner": 1 },
                   "draft": { "financial": [ { "nature": "subsidy", "amountCents": 3000000,
                     "schedule": { "kind": "instalments", "instalments": [
                       { "date": "2027-03-01", "amountCents": 1000000 },
                       { "date": "2027-01-15", "amountCents": 2000000 } ] },
                     "budgetLine": " Politique de la ville " } ] } },
                 { "id": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f", "party": "association",
                   "draft": { "inKind": [ { "description": "Salle", "valueCents": 0 } ] } } ] }"#,
        );
        let file = AllianceFile::from_json_slice(json.as_bytes()).expect("parses");
        assert_eq!(file.commitments[0].party, CommitmentParty::Partner(1));
        assert_eq!(file.commitments[1].party, CommitmentParty::Association);
        assert_eq!(file.commitments[0].id, None);
        let imported = file.validated_for_import().expect("importable");
        let funder = &imported.commitments[0].draft.financial[0];
        assert_eq!(funder.budget_line.as_deref(), Some("Politique de la ville"));
        assert_eq!(
            funder.schedule.instalments()[0].amount_cents,
            2_000_000,
            "validated: instalments in date order"
        );
        // Written back: the party as the file names it, the commitments after partners.
        let written = file.to_json_string().expect("json");
        assert!(
            written.contains("\"party\": {\n        \"partner\": 1\n      }"),
            "{written}"
        );
        assert!(written.contains("\"party\": \"association\""));
        assert_eq!(
            AllianceFile::from_json_slice(written.as_bytes()).expect("again"),
            file
        );

        let mut wrong = file.clone();
        wrong.commitments[0].party = CommitmentParty::Partner(3);
        wrong.commitments[1].party = CommitmentParty::Partner(0);
        wrong.commitments[0].draft.financial[0].amount_cents = 2_500_000;
        let err = wrong.validated_for_import().expect_err("dangling");
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "commitments.1.party",
                "commitments.1.draft.financial.0.schedule",
                "commitments.2.party"
            ]
        );
        assert_eq!(
            err.0[0].message,
            "Le partenaire n°\u{a0}3 n’existe pas dans ce fichier\u{a0}: il en compte 1, numérotés à partir de 1."
        );
        assert!(err.0[1]
            .message
            .contains("5\u{202f}000,00\u{202f}€ de trop"));

        let mut twice = file.clone();
        twice.commitments[1].party = CommitmentParty::Partner(1);
        let err = twice.validated_for_import().expect_err("twice");
        assert_eq!(err.0[0].field, "commitments.2.party");
        assert_eq!(
            err.0[0].message,
            "Le partenaire n°\u{a0}1 a déjà ses engagements plus haut dans ce fichier."
        );

        let mut many = file;
        many.commitments = vec![many.commitments[1].clone(); 3];
        let err = many.validated_for_import().expect_err("too many");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "commitments");
    }

    fn organisation(name: &str) -> Organisation {
        Organisation {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_profile_is_validated_like_a_partner() {
        let mut file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
        file.profile = Some(Organisation {
            siret: Some("12345678901234".into()),
            rna: Some("X12".into()),
            postal_code: Some("380".into()),
            bank: Some(crate::organisation::BankDetails {
                iban: "NOT AN IBAN AT ALL".into(),
                ..Default::default()
            }),
            ..organisation("Association Alpha")
        });
        let err = file.validated_for_import().expect_err("bad profile");
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        for field in [
            "profile.siret",
            "profile.rna",
            "profile.postalCode",
            "profile.bank.iban",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        // A valid profile comes back normalised.
        file.profile = Some(Organisation {
            siret: Some("329 338 883 00153".into()),
            ..organisation(" Association Alpha ")
        });
        let imported = file.validated_for_import().expect("valid profile");
        let profile = imported.profile.expect("profile");
        assert_eq!(profile.name, "Association Alpha");
        assert_eq!(profile.siret.as_deref(), Some("32933888300153"));
    }

    #[test]
    fn organisations_match_by_identifier_then_by_name() {
        let a = Organisation {
            siret: Some("32933888300153".into()),
            ..organisation("Alpha")
        };
        let same_siren = Organisation {
            siret: Some("329338883".into()),
            ..organisation("Autre nom")
        };
        assert!(same_organisation(&a, &same_siren));
        let other_siren = Organisation {
            siret: Some("73282932000074".into()),
            ..organisation("Alpha")
        };
        assert!(
            !same_organisation(&a, &other_siren),
            "the identifier decides"
        );
        let rna = |name: &str, rna: &str| Organisation {
            rna: Some(rna.into()),
            ..organisation(name)
        };
        assert!(same_organisation(
            &rna("X", "W691234567"),
            &rna("Y", "W691234567")
        ));
        assert!(!same_organisation(
            &rna("X", "W691234567"),
            &rna("X", "W691234568")
        ));
        assert!(same_organisation(
            &organisation("Maison des Solidarités"),
            &organisation("  MAISON des solidarites ")
        ));
        assert!(same_organisation(
            &organisation("L’Étincelle"),
            &organisation("l'etincelle")
        ));
        assert!(!same_organisation(
            &organisation("Maison des Solidarités"),
            &organisation("Maison de la Solidarité")
        ));
    }

    fn sender_file() -> ImportedAlliance {
        let json = valid_json()
            .replace(
                "\"profile\": null",
                r#""profile": { "name": "Association Alpha", "city": "Grenoble" }"#,
            )
            .replace(
                "\"partners\": [] }",
                r#""partners": [ { "organisation": { "name": "Commune de Villard" },
                               "actorType": "local_authority", "role": "funder" } ],
               "commitments": [
                 { "party": "association",
                   "draft": { "inKind": [ { "description": "Salle", "valueCents": 0 } ] } },
                 { "party": { "partner": 1 },
                   "draft": { "financial": [ { "nature": "subsidy", "amountCents": 100000,
                     "schedule": { "kind": "at_signature" } } ] } } ] }"#,
            );
        let file = AllianceFile::from_json_slice(json.as_bytes()).expect("parses");
        file.validated_for_import().expect("importable")
    }

    #[test]
    fn the_sender_becomes_a_partner_of_another_vault() {
        let imported = sender_file();
        // The vault of another association: the sender is appended as a member.
        let planned = imported
            .clone()
            .for_vault(Some(&organisation("Association Bêta")))
            .expect("plan");
        assert_eq!(planned.partners.len(), 2);
        let sender = &planned.partners[1];
        assert_eq!(sender.organisation.name, "Association Alpha");
        assert_eq!(sender.actor_type, ActorType::Association);
        assert_eq!(sender.role, PartnerRole::Member);
        let parties: Vec<_> = planned.commitments.iter().map(|c| c.party).collect();
        assert_eq!(
            parties,
            vec![CommitmentParty::Partner(1), CommitmentParty::Partner(2)]
        );
        assert_eq!(planned.commitments[1].draft.in_kind[0].description, "Salle");

        // The sender's own vault, or a vault without a profile: unchanged.
        let own = imported
            .clone()
            .for_vault(Some(&organisation("ASSOCIATION ALPHA")))
            .expect("own");
        assert_eq!(own, imported);
        assert_eq!(imported.clone().for_vault(None).expect("none"), imported);

        // The sender already among the file's partners: that partner gets its
        // commitments, merged with its own entry.
        let mut listed = imported.clone();
        listed.partners[0].organisation.name = "Association Alpha".into();
        let planned = listed
            .for_vault(Some(&organisation("Association Bêta")))
            .expect("merged");
        assert_eq!(planned.partners.len(), 1);
        assert_eq!(planned.commitments.len(), 1);
        assert_eq!(planned.commitments[0].party, CommitmentParty::Partner(1));
        assert_eq!(planned.commitments[0].draft.financial.len(), 1);
        assert_eq!(planned.commitments[0].draft.in_kind.len(), 1);
    }

    #[test]
    fn a_file_without_commitments_writes_none() {
        let file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
        assert!(file.commitments.is_empty());
        assert!(!file.to_json_string().expect("json").contains("commitments"));
    }
}
