//! What an import stores, validated: the one check run by `allia import`, `allia
//! render --input`, `allia validate` and the app's import, whatever the file's format.

use std::collections::HashSet;

mod commitments;
mod documents;

use super::actors::validated_actor_records;
use super::import::ImportedAlliance;
use super::read::{FileContent, ReadFile};
use super::v2::AllianceFileV2;
use super::{AllianceFile, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_PARTNERS};
use crate::partner::check_own_association;
use crate::validation::{is_record_id, too_many_message, ValidationErrors};
use commitments::validated_commitments;
use documents::validated_document;

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
