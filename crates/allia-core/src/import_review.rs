//! What importing an alliance file asks before anything is stored (issue 10, items 3–5),
//! and the answers: the staged import of the app and the command line.
//!
//! Reading the file gives an [`ImportReview`]: the fields this version does not know
//! (dropped only once the person agrees), the file's partners that look like this
//! vault's own association (shown side by side; the person says whether it is the same
//! organisation, nothing is merged on a guess), and, when the vault already holds the
//! alliance (same id), the differences an update would apply ([`AllianceDiff`]). The
//! person's [`ImportChoices`] then say how to import.

use serde::{Deserialize, Serialize};

use crate::alliance_diff::AllianceDiff;
use crate::alliance_file::{AllianceFileV2, UnknownField};
use crate::identity::Suspicion;
use crate::organisation::Organisation;

/// How an alliance file is imported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ImportMode {
    /// A new alliance, keeping the file's ids (refused when the vault already holds an
    /// alliance with the file's id: the person chooses update or copy).
    #[default]
    New,
    /// « Mettre à jour l’alliance »: the vault's alliance with the file's id takes the
    /// file's data (frozen versions untouched), all or nothing.
    Update,
    /// « Importer comme copie »: a new alliance with new ids everywhere.
    Copy,
}

/// A partner of the file that looks like this vault's own association: both shown side
/// by side, and the person answers « C’est notre association » or « Ce sont deux
/// organisations distinctes ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OwnLookalike {
    /// The partner's id in the file.
    pub partner_id: String,
    /// The organisation as the file describes it.
    pub partner: Organisation,
    /// This vault's association (its profile).
    pub own: Organisation,
    /// Why they look alike (« même numéro RNA »…).
    pub suspicion: Suspicion,
}

/// What the import of one file asks, read before anything is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportReview {
    /// The file's format (1 or 2).
    pub format: u32,
    /// The alliance's id in the file (a format-1 file has none: a new one).
    pub alliance_id: String,
    pub alliance_name: String,
    /// How many partners the file brings (the sender included when it becomes one).
    pub partner_count: u32,
    /// How many documents the file brings.
    pub document_count: u32,
    /// Fields this version does not know: they would be lost, so the person agrees
    /// first ([`ImportChoices::drop_unknown`]).
    pub unknown_fields: Vec<UnknownField>,
    /// The file's partners that look like this vault's association.
    pub own_lookalikes: Vec<OwnLookalike>,
    /// The vault already holds this alliance (same id): what an update would change.
    /// `None` for a new alliance.
    pub existing: Option<AllianceDiff>,
}

/// The person's answers to an [`ImportReview`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportChoices {
    pub mode: ImportMode,
    /// The person agrees that the unknown fields are left out. Required when the file
    /// has any.
    #[serde(default)]
    pub drop_unknown: bool,
    /// The ids (in the file) of the partners the person said are this vault's own
    /// association (« C’est notre association »): they are stored with the explicit
    /// link. The other lookalikes stay distinct organisations.
    #[serde(default)]
    pub own_association: Vec<String>,
}

/// Links the partners the person recognised as this vault's association
/// ([`ImportChoices::own_association`], by their id in the file) with it. An id the file
/// does not have is ignored; validation then checks that at most one partner carries
/// the link.
pub fn link_own_association(file: &mut AllianceFileV2, own: &[String]) {
    for partner in &mut file.partners {
        if own.iter().any(|id| id == &partner.id) {
            partner.own_association = true;
        }
    }
}

/// The differences between this vault's alliance (`stored`, exported) and a file of the
/// same alliance as this vault would store it (`incoming`, after
/// [`crate::alliance_file::ImportedAlliance::for_vault`]): [`AllianceDiff::between_json`]
/// on their JSON.
pub fn diff_files(stored: &AllianceFileV2, incoming: &AllianceFileV2) -> AllianceDiff {
    // Serialising these types cannot fail (string keys, no maps of other keys).
    let json = |file: &AllianceFileV2| serde_json::to_value(file).unwrap_or_default();
    AllianceDiff::between_json(&json(stored), &json(incoming))
}
