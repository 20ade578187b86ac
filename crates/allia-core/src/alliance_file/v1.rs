//! Format 1 → format 2. A format-1 file carries no ids and names a commitment's partner
//! by its position; it still imports, converted with ids derived from its content
//! ([`converted_id`]): the same file converts to the same ids every time, so that what a
//! review of the file shows (partners by id) is what its import applies, and a second
//! import of the same file is recognised as the alliance already in the vault.
//!
//! Which partner is the producing association (`ownAssociation`) is explicit in format 2.
//! Format 1 had no such link, so the conversion applies format 1's own semantics, once
//! (docs/formats.md): a partner is the producing association when its SIREN or its RNA
//! number equals the profile's, or, when neither has an identifier that differs from the
//! profile's, when its name (NFC, trimmed) equals the profile's name. The first such
//! partner only. A partner already marked (a file of this version's data) keeps its mark
//! and no other is looked for. Nowhere else is anything matched by name.

use chrono::Utc;
use unicode_normalization::UnicodeNormalization;

use super::import::uuid_v5;
use super::v2::{AllianceFileV2, FileAlliance, FileCommitment, FilePartner, FileParty};
use super::{AllianceFile, CommitmentParty, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_PARTNERS};
use crate::organisation::Organisation;
use crate::validation::{french_count, too_many_message, ValidationErrors};

/// The namespace of a format-1 file's converted ids: a name-based UUID (SHA-1, RFC 9562
/// § 5.5) of the file's content as read (its JSON serialisation, which depends on the
/// content only, not on the bytes' layout).
fn content_namespace(file: &AllianceFile) -> uuid::Uuid {
    // Serialising plain data to a vector does not fail; an empty name would still give
    // ids that are stable for this run.
    let content = serde_json::to_vec(file).unwrap_or_default();
    uuid_v5(
        uuid::Uuid::NAMESPACE_OID,
        &[b"allia:format-1:".as_slice(), &content].concat(),
    )
}

/// The id of a converted record: a name-based UUID (version 5) in the file's namespace
/// ([`content_namespace`]), named by the record's kind and position (`"alliance"`,
/// `"partners.N"`, `"commitments.N"`, N from 1). Lower case, as the vault writes them.
fn converted_id(namespace: uuid::Uuid, record: &str) -> String {
    uuid_v5(namespace, record.as_bytes()).to_string()
}

/// The SIREN of an organisation: the first 9 digits of its SIREN or SIRET.
fn siren(o: &Organisation) -> Option<String> {
    o.siret
        .as_deref()
        .map(|s| {
            s.chars()
                .filter(char::is_ascii_digit)
                .take(9)
                .collect::<String>()
        })
        .filter(|s| s.len() == 9)
}

fn rna(o: &Organisation) -> Option<String> {
    o.rna
        .as_deref()
        .map(|r| {
            r.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase()
        })
        .filter(|r| !r.is_empty())
}

fn nfc_name(name: &str) -> String {
    name.trim().nfc().collect()
}

/// Whether a format-1 partner is the association that produced the file (its profile):
/// the conversion rule of format 1 (module doc).
pub fn is_producing_association(partner: &Organisation, profile: &Organisation) -> bool {
    let sirens = (siren(partner), siren(profile));
    let rnas = (rna(partner), rna(profile));
    if matches!(&sirens, (Some(a), Some(b)) if a == b)
        || matches!(&rnas, (Some(a), Some(b)) if a == b)
    {
        return true;
    }
    let differs =
        |pair: &(Option<String>, Option<String>)| matches!(pair, (Some(a), Some(b)) if a != b);
    if differs(&sirens) || differs(&rnas) {
        return false;
    }
    let name = nfc_name(&partner.name);
    !name.is_empty() && name == nfc_name(&profile.name)
}

impl AllianceFile {
    /// This format-1 content as a format-2 file: ids for the alliance, the partners
    /// and the commitments derived from the file's content and each record's position
    /// (the same at every conversion of the same file) (the commitments' dates kept when the file has them, now
    /// otherwise), the producing association marked among the partners by the rule of
    /// the module doc, each commitment's partner named by id.
    ///
    /// # Errors
    /// `format` when the file is not of format 1; `partners` past
    /// [`ALLIANCE_FILE_MAX_PARTNERS`]; `commitments.N.party` for a partner position
    /// that does not exist (N from 1, positions from 1), in French.
    pub fn to_v2(&self) -> Result<AllianceFileV2, ValidationErrors> {
        let (file, positions) = self.converted()?;
        let mut errors = ValidationErrors::default();
        for (index, entry) in file.commitments.iter().enumerate() {
            if let (FileParty::PartnerId(id), Some(Some(position))) =
                (&entry.party, positions.get(index))
            {
                if id.is_empty() {
                    errors.push(
                        format!("commitments.{}.party", index + 1),
                        missing_position_message(*position, file.partners.len()),
                    );
                }
            }
        }
        errors.into_result(file)
    }

    /// The conversion, with each commitment's partner position as format 1 gave it
    /// (`None` for the association). A position that names no partner gives an empty
    /// partner id, for validation to report with the position
    /// ([`missing_position_message`]).
    pub(super) fn converted(&self) -> Result<(AllianceFileV2, Vec<Option<u32>>), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.format != 1 {
            errors.push(
                "format",
                format!(
                    "Ce fichier d’alliance est au format {}, que cette version d’Allia ne sait pas lire (formats 1 et {ALLIANCE_FILE_FORMAT}).",
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
        let now = Utc::now();
        let namespace = content_namespace(self);
        let mut partners: Vec<FilePartner> = self
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let id = converted_id(namespace, &format!("partners.{}", i + 1));
                FilePartner::new(id, now, now, p.clone())
            })
            .collect();
        if !partners.iter().any(|p| p.own_association) {
            if let Some(profile) = &self.profile {
                if let Some(producer) = partners
                    .iter_mut()
                    .find(|p| is_producing_association(&p.organisation, profile))
                {
                    producer.own_association = true;
                }
            }
        }
        let mut positions = Vec::with_capacity(self.commitments.len());
        let mut commitments = Vec::with_capacity(self.commitments.len());
        for (index, entry) in self.commitments.iter().enumerate() {
            let party = match entry.party {
                CommitmentParty::Association => {
                    positions.push(None);
                    FileParty::Association
                }
                CommitmentParty::Partner(position) => {
                    positions.push(Some(position));
                    let partner = usize::try_from(position)
                        .ok()
                        .and_then(|p| p.checked_sub(1))
                        .and_then(|i| partners.get(i));
                    FileParty::PartnerId(partner.map(|p| p.id.clone()).unwrap_or_default())
                }
            };
            let created_at = entry.created_at.unwrap_or(now);
            commitments.push(FileCommitment {
                id: converted_id(namespace, &format!("commitments.{}", index + 1)),
                created_at,
                updated_at: entry.updated_at.unwrap_or(created_at),
                party,
                draft: entry.draft.clone(),
            });
        }
        let file = AllianceFileV2 {
            format: ALLIANCE_FILE_FORMAT,
            created_at: now,
            profile: self.profile.clone(),
            alliance: FileAlliance::new(
                converted_id(namespace, "alliance"),
                now,
                now,
                self.alliance.clone(),
            ),
            partners,
            commitments,
            documents: Vec::new(),
            diagnostic: None,
            project_dossier: None,
            model_advisor: None,
            interactions: Vec::new(),
            exchanges: Vec::new(),
            criteria: Vec::new(),
            scores: Vec::new(),
            objectives: None,
            evaluation: None,
        };
        Ok((file, positions))
    }
}

/// « Le partenaire n° 3 n’existe pas dans ce fichier : il en compte 1, numérotés à
/// partir de 1. »: a format-1 commitment naming a position past the partners.
pub(super) fn missing_position_message(position: u32, partners: usize) -> String {
    format!(
        "Le partenaire n°\u{a0}{position} n’existe pas dans ce fichier\u{a0}: il en compte {}, numérotés à partir de 1.",
        french_count(partners)
    )
}
