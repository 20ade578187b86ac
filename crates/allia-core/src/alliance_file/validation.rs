//! What an import stores, validated: the one check run by `allia import`, `allia
//! render --input`, `allia validate` and the app's import, whatever the file's format.

use std::collections::{HashMap, HashSet};

use super::actors::validated_actor_records;
use super::import::ImportedAlliance;
use super::read::{FileContent, ReadFile};
use super::v1::missing_position_message;
use super::v2::{
    AllianceFileV2, FileDocument, FileParty, FileSettings, FileSignature, FileVersion,
};
use super::{AllianceFile, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_PARTNERS};
use crate::document::{DocumentStatus, MAX_SIGNATURES};
use crate::partner::check_own_association;
use crate::validation::{french_count, is_record_id, too_many_message, ValidationErrors};

/// Most documents one alliance file may bring.
pub const ALLIANCE_FILE_MAX_DOCUMENTS: usize = 100;
/// Most versions one document of an alliance file may have.
pub const ALLIANCE_FILE_MAX_VERSIONS: usize = 500;

/// Anything an import starts from: a file as read (either format), its content, or a
/// format-1 or format-2 value. One validation for all of them
/// ([`AllianceFileV2::validated_for_import`], after the conversion of format 1).
pub trait Importable {
    /// What importing this stores, validated, in format 2. See
    /// [`AllianceFileV2::validated_for_import`].
    ///
    /// # Errors
    /// Every problem, each on its field (`alliance.name`, `partners.3.siret`…).
    fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors>;
}

impl Importable for AllianceFileV2 {
    fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        AllianceFileV2::validated_for_import(self)
    }
}

impl Importable for AllianceFile {
    fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        AllianceFile::validated_for_import(self)
    }
}

impl Importable for FileContent {
    fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        match self {
            FileContent::V1(file) => file.validated_for_import(),
            FileContent::V2(file) => file.validated_for_import(),
        }
    }
}

impl Importable for ReadFile {
    fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        self.content.validated_for_import()
    }
}

impl<T: Importable + ?Sized> Importable for &T {
    fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        (**self).validated_for_import()
    }
}

impl AllianceFile {
    /// A format-1 file converted to format 2 ([`AllianceFile::to_v2`]: ids derived from its content, the
    /// producing association marked) and validated as format 2; a commitment naming a
    /// partner position that does not exist is reported with its position.
    pub fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        let (file, positions) = self.converted()?;
        validate(&file, Some(&positions))
    }
}

impl AllianceFileV2 {
    /// What importing this file stores, validated and normalised: the format must be 2;
    /// at most [`ALLIANCE_FILE_MAX_PARTNERS`] partners, [`ALLIANCE_FILE_MAX_DOCUMENTS`]
    /// documents of at most [`ALLIANCE_FILE_MAX_VERSIONS`] versions; every id a UUID
    /// (lower case, as the vault writes them) used once in the file; the profile
    /// (`profile.`), the alliance (`alliance.`) and every partner (`partners.N.`, N
    /// counted from one) valid by the forms' rules, at most one partner marked as the
    /// producing association; each party's commitments valid, naming a partner of the
    /// file, at most one entry per party (`commitments.N.`; inside a draft, its own
    /// indexes from zero);
    /// each document's versions numbered from 1 without gaps, only the last one not
    /// frozen, their settings and signatures valid (`documents.N.versions.M.settings.…`,
    /// `…signatures.K.…`). Every problem is reported. Frozen versions come back as they
    /// are (a signed text is never rewritten); drafts normalised; the attached annex
    /// file names dropped (the files stay in the vault that wrote the file).
    pub fn validated_for_import(&self) -> Result<ImportedAlliance, ValidationErrors> {
        validate(self, None)
    }
}

/// The validation of a format-2 file. `positions`: for a file converted from format 1,
/// each commitment's partner position as that file gave it, to name a missing partner
/// by its position.
fn validate(
    file: &AllianceFileV2,
    positions: Option<&[Option<u32>]>,
) -> Result<ImportedAlliance, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if file.format != ALLIANCE_FILE_FORMAT {
        errors.push(
            "format",
            format!(
                "Ce fichier d’alliance est au format {}, que cette version d’Allia ne sait pas lire (formats 1 et {ALLIANCE_FILE_FORMAT}).",
                file.format
            ),
        );
        return Err(errors);
    }
    for (field, count, max, what) in [
        (
            "partners",
            file.partners.len(),
            ALLIANCE_FILE_MAX_PARTNERS,
            "partenaires",
        ),
        (
            "documents",
            file.documents.len(),
            ALLIANCE_FILE_MAX_DOCUMENTS,
            "documents",
        ),
    ] {
        if count > max {
            errors.push(field, too_many_message(what, max, count));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ids = Ids::default();
    ids.check(&mut errors, "alliance.id", &file.alliance.id);
    let alliance = match file.alliance.draft().validated() {
        Ok(draft) => Some(file.alliance.with_draft(draft)),
        Err(e) => {
            errors.extend_prefixed("alliance", e);
            None
        }
    };
    let profile = match &file.profile {
        None => None,
        // An article that doubles the name's own is dropped, not refused: it prints the same.
        Some(profile) => match profile.with_fitted_designation().validated() {
            Ok(p) => Some(p),
            Err(e) => {
                errors.extend_prefixed("profile", e);
                None
            }
        },
    };
    let mut partners = Vec::with_capacity(file.partners.len());
    for (index, partner) in file.partners.iter().enumerate() {
        let prefix = format!("partners.{}", index + 1);
        ids.check(&mut errors, &format!("{prefix}.id"), &partner.id);
        let mut draft = partner.draft();
        draft.organisation = draft.organisation.with_fitted_designation();
        match draft.validated() {
            Ok(draft) => partners.push(partner.with_draft(draft)),
            Err(e) => errors.extend_prefixed(&prefix, e),
        }
    }
    let drafts: Vec<_> = file.partners.iter().map(|p| p.draft()).collect();
    if let Err(e) = check_own_association(&drafts) {
        errors.0.extend(e.0);
    }
    let commitments = validated_commitments(file, positions, &mut ids, &mut errors);
    let mut documents = Vec::with_capacity(file.documents.len());
    for (index, document) in file.documents.iter().enumerate() {
        let prefix = format!("documents.{}", index + 1);
        if let Some(document) = validated_document(document, &prefix, &mut ids, &mut errors) {
            documents.push(document);
        }
    }
    let diagnostic = file.diagnostic.as_ref().and_then(|d| {
        d.validated(&mut errors, |errors, field, id| {
            ids.check(errors, field, id)
        })
    });
    let project_dossier = file.project_dossier.as_ref().and_then(|d| {
        d.validated(&mut errors, |errors, field, id| {
            ids.check(errors, field, id)
        })
    });
    let model_advisor = file.model_advisor.as_ref().and_then(|m| {
        m.validated(&mut errors, |errors, field, id| {
            ids.check(errors, field, id)
        })
    });
    let actors = validated_actor_records(
        &file.partners,
        file.created_at,
        (
            &file.interactions,
            &file.exchanges,
            &file.criteria,
            &file.scores,
        ),
        &mut errors,
        |errors, field, id| ids.check(errors, field, id),
    );
    // Any actor of the file: a partner named by an objective or an indicator may have left
    // « Engagé » since (the vault keeps the link), and an exported file must import.
    let actor_ids: HashSet<&str> = file.partners.iter().map(|p| p.id.as_str()).collect();
    let objectives = file.objectives.as_ref().and_then(|o| {
        o.validated(
            &mut errors,
            |errors, field, id| ids.check(errors, field, id),
            |id| actor_ids.contains(id),
        )
    });
    let evaluation = file.evaluation.as_ref().and_then(|e| {
        e.validated(
            &mut errors,
            |errors, field, id| ids.check(errors, field, id),
            |objective| {
                file.objectives
                    .as_ref()
                    .is_some_and(|o| o.contains(objective))
            },
            |id| actor_ids.contains(id),
        )
    });
    match alliance {
        Some(alliance) if errors.is_empty() => Ok(ImportedAlliance {
            file: AllianceFileV2 {
                format: file.format,
                created_at: file.created_at,
                profile,
                alliance,
                partners,
                commitments,
                documents,
                diagnostic,
                project_dossier,
                model_advisor,
                interactions: actors.interactions,
                exchanges: actors.exchanges,
                criteria: actors.criteria,
                scores: actors.scores,
                objectives,
                evaluation,
            },
        }),
        _ => Err(errors),
    }
}

/// The ids met so far, to refuse one used twice.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn check(&mut self, errors: &mut ValidationErrors, field: &str, id: &str) {
        if !is_record_id(id) {
            errors.push(
                field,
                format!(
                    "Identifiant «\u{a0}{}\u{a0}» invalide\u{a0}: un identifiant d’Allia s’écrit comme 0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f.",
                    id.chars().take(40).collect::<String>()
                ),
            );
        } else if !self.0.insert(id.to_string()) {
            errors.push(
                field,
                format!("L’identifiant {id} est déjà celui d’un autre élément de ce fichier."),
            );
        }
    }
}

/// The commitments checked for import: each names a partner of the file and appears
/// once per party, each draft is valid.
fn validated_commitments(
    file: &AllianceFileV2,
    positions: Option<&[Option<u32>]>,
    ids: &mut Ids,
    errors: &mut ValidationErrors,
) -> Vec<super::v2::FileCommitment> {
    let parties = file.partners.len() + 1;
    if file.commitments.len() > parties {
        errors.push(
            "commitments",
            format!(
                "Trop d’engagements\u{a0}: un par partie au plus, soit {} ({} en tout).",
                french_count(parties),
                french_count(file.commitments.len())
            ),
        );
        return Vec::new();
    }
    let position_of: HashMap<&str, usize> = file
        .partners
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i + 1))
        .collect();
    let mut seen: Vec<&FileParty> = Vec::with_capacity(file.commitments.len());
    let mut kept = Vec::with_capacity(file.commitments.len());
    for (index, entry) in file.commitments.iter().enumerate() {
        let prefix = format!("commitments.{}", index + 1);
        ids.check(errors, &format!("{prefix}.id"), &entry.id);
        let mut exists = true;
        if let FileParty::PartnerId(id) = &entry.party {
            // Only a partner (an actor at « Engagé ») commits anything.
            if let Some(actor) = file
                .partners
                .iter()
                .find(|p| &p.id == id && !crate::partner::is_partner(&p.draft()))
            {
                errors.push(
                    format!("{prefix}.party"),
                    format!(
                        "L’acteur «\u{a0}{}\u{a0}» n’est pas engagé dans l’alliance (statut «\u{a0}{}\u{a0}»)\u{a0}: seul un partenaire a des engagements.",
                        actor.organisation.name,
                        actor.pipeline.status.label()
                    ),
                );
            }
            if !position_of.contains_key(id.as_str()) {
                exists = false;
                let message = match positions.and_then(|p| p.get(index).copied().flatten()) {
                    Some(position) => missing_position_message(position, file.partners.len()),
                    None => format!(
                        "Aucun partenaire de ce fichier n’a l’identifiant «\u{a0}{}\u{a0}».",
                        id.chars().take(40).collect::<String>()
                    ),
                };
                errors.push(format!("{prefix}.party"), message);
            }
        }
        // A party that does not exist is reported once, above.
        if exists && seen.contains(&&entry.party) {
            let who = match &entry.party {
                FileParty::Association => "L’association".to_string(),
                FileParty::PartnerId(id) => format!(
                    "Le partenaire n°\u{a0}{}",
                    position_of.get(id.as_str()).copied().unwrap_or_default()
                ),
            };
            errors.push(
                format!("{prefix}.party"),
                format!("{who} a déjà ses engagements plus haut dans ce fichier."),
            );
        }
        seen.push(&entry.party);
        match entry.draft.validated() {
            Ok(draft) => kept.push(super::v2::FileCommitment {
                draft,
                ..entry.clone()
            }),
            Err(e) => errors.extend_prefixed(&format!("{prefix}.draft"), e),
        }
    }
    kept
}

/// A document checked for import (`prefix`: `documents.N`), or `None` when it has
/// errors (reported).
fn validated_document(
    document: &FileDocument,
    prefix: &str,
    ids: &mut Ids,
    errors: &mut ValidationErrors,
) -> Option<FileDocument> {
    let before = errors.0.len();
    ids.check(errors, &format!("{prefix}.id"), &document.id);
    let count = document.versions.len();
    if count == 0 {
        errors.push(
            format!("{prefix}.versions"),
            "Ce document n’a aucune version.",
        );
    }
    if count > ALLIANCE_FILE_MAX_VERSIONS {
        errors.push(
            format!("{prefix}.versions"),
            too_many_message("versions", ALLIANCE_FILE_MAX_VERSIONS, count),
        );
        return None;
    }
    let mut versions = Vec::with_capacity(count);
    for (index, version) in document.versions.iter().enumerate() {
        let place = format!("{prefix}.versions.{}", index + 1);
        let expected = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if version.number != expected {
            errors.push(
                format!("{place}.number"),
                format!(
                    "Les versions se suivent à partir de 1\u{a0}: celle-ci devrait porter le numéro {expected}, pas {}.",
                    version.number
                ),
            );
        }
        if index + 1 < count && !version.status.is_frozen() {
            errors.push(
                format!("{place}.status"),
                "Seule la dernière version d’un document peut être un brouillon.",
            );
        }
        if let Some(version) = validated_version(version, &place, ids, errors) {
            versions.push(version);
        }
    }
    (errors.0.len() == before).then(|| FileDocument {
        versions,
        ..document.clone()
    })
}

/// One version checked for import (`place`: `documents.N.versions.M`). A frozen version
/// is kept as it is once checked; a draft is normalised and has no snapshot.
fn validated_version(
    version: &FileVersion,
    place: &str,
    ids: &mut Ids,
    errors: &mut ValidationErrors,
) -> Option<FileVersion> {
    // Kept as written when frozen, but its texts (settings, signatures, the data it was
    // frozen with) enter the vault composed, like every text (`text::composed`).
    let version = &crate::text::composed(version);
    let before = errors.0.len();
    ids.check(errors, &format!("{place}.id"), &version.id);
    let frozen = version.status.is_frozen();
    for (index, o) in version.settings.overrides.iter().enumerate() {
        ids.check(
            errors,
            &format!("{place}.settings.overrides.{}.id", index + 1),
            &o.id,
        );
    }
    let settings = match version.settings.settings().validated() {
        Ok(valid) => {
            let by_clause: HashMap<String, String> =
                version.settings.override_ids().into_iter().collect();
            let mut normalised = FileSettings::new(valid, |clause| {
                by_clause.get(clause).cloned().unwrap_or_default()
            });
            if frozen {
                normalised = version.settings.clone();
            }
            // The files attached to annexes stay in the vault that wrote the file.
            normalised
                .annexes
                .iter_mut()
                .for_each(|a| a.file_name = None);
            Some(normalised)
        }
        Err(e) => {
            errors.extend_prefixed(&format!("{place}.settings"), e);
            None
        }
    };
    if version.signatures.len() > MAX_SIGNATURES {
        errors.push(
            format!("{place}.signatures"),
            too_many_message("signatures", MAX_SIGNATURES, version.signatures.len()),
        );
        return None;
    }
    if !version.signatures.is_empty() && !accepts_signatures(version.status) {
        errors.push(
            format!("{place}.signatures"),
            "Seule une version prête à signer ou signée porte des signatures.",
        );
    }
    let mut signatures = Vec::with_capacity(version.signatures.len());
    for (index, signature) in version.signatures.iter().enumerate() {
        let prefix = format!("{place}.signatures.{}", index + 1);
        ids.check(errors, &format!("{prefix}.id"), &signature.id);
        match signature.signature().validated() {
            Ok(valid) if !frozen => {
                signatures.push(FileSignature::new(signature.id.clone(), valid))
            }
            Ok(_) => signatures.push(signature.clone()),
            Err(e) => errors.extend_prefixed(&prefix, e),
        }
    }
    if let Some(print) = &version.printed_pdf {
        // What was signed: only a frozen version has one, and it comes in whole.
        let problem = if frozen {
            print.pdf_bytes().err()
        } else {
            Some(
                "un brouillon ne porte pas de PDF imprimé\u{a0}: seule une version figée en a un."
                    .into(),
            )
        };
        if let Some(problem) = problem {
            errors.push(format!("{place}.printedPdf"), capitalised(&problem));
        }
    }
    let settings = settings?;
    (errors.0.len() == before).then(|| FileVersion {
        settings,
        signatures,
        snapshot: if frozen {
            version.snapshot.clone()
        } else {
            None
        },
        frozen_at: if frozen { version.frozen_at } else { None },
        printed_pdf: if frozen {
            version.printed_pdf.clone()
        } else {
            None
        },
        ..version.clone()
    })
}

/// `text` with its first letter in capitals (« Le PDF… »).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn accepts_signatures(status: DocumentStatus) -> bool {
    matches!(status, DocumentStatus::ReadyToSign | DocumentStatus::Signed)
}
