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
use crate::alliance_file::{AllianceFileV2, FileContent, UnknownField};
use crate::identity::Suspicion;
use crate::organisation::Organisation;
use crate::validation::field_place;

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
    /// What the import deduces on its own and the person should check (a country read
    /// from a city written « Tournai (Belgique) »: [`country_notices`]), shown before
    /// importing; the command line prints them on stderr.
    pub notices: Vec<ImportNotice>,
}

/// Something the import deduces on its own, named with the organisation it concerns, so
/// that nothing is guessed silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportNotice {
    /// Where the organisation is in the file ([`field_place`]): « profil », « partenaire 6 ».
    pub place: String,
    /// The organisation's name as the file gives it.
    pub organisation: String,
    /// What was deduced, in French: « Pays déduit de la ville « Tournai (Belgique) » :
    /// Belgique (ville enregistrée : Tournai). »
    pub message: String,
}

/// The countries the import deduces from cities written with them (« Tournai
/// (Belgique) ») in an organisation without a country, as validation deduces them
/// ([`Organisation::country_guess`]): the file's profile, then its partners, in order.
pub fn country_notices(content: &FileContent) -> Vec<ImportNotice> {
    let (profile, partners): (Option<&Organisation>, Vec<&Organisation>) = match content {
        FileContent::V1(file) => (
            file.profile.as_ref(),
            file.partners.iter().map(|p| &p.organisation).collect(),
        ),
        FileContent::V2(file) => (
            file.profile.as_ref(),
            file.partners.iter().map(|p| &p.organisation).collect(),
        ),
    };
    let places = profile
        .map(|o| ("profile".to_string(), o))
        .into_iter()
        .chain(
            partners
                .into_iter()
                .enumerate()
                .map(|(i, o)| (format!("partners.{}", i + 1), o)),
        );
    places
        .filter_map(|(path, org)| {
            let guess = org.country_guess()?;
            Some(ImportNotice {
                place: field_place(&path).unwrap_or(path),
                organisation: org.name.trim().to_string(),
                message: format!(
                    "Pays déduit de la ville «\u{a0}{}\u{a0}»\u{a0}: {} (ville enregistrée\u{a0}: \
                     {}).",
                    guess.city_as_written, guess.country, guess.city
                ),
            })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alliance_file::AllianceFile;
    use crate::partner::PartnerDraft;

    fn file() -> AllianceFile {
        AllianceFile {
            format: 1,
            profile: None,
            alliance: crate::alliance::AllianceDraft::default(),
            partners: Vec::new(),
            commitments: Vec::new(),
        }
    }

    fn org(name: &str, city: &str, postal_code: &str) -> Organisation {
        Organisation {
            name: name.into(),
            city: Some(city.into()),
            postal_code: Some(postal_code.into()),
            ..Organisation::default()
        }
    }

    #[test]
    fn a_country_deduced_from_a_city_is_a_notice_naming_the_organisation() {
        let file = AllianceFile {
            profile: Some(org("Les Ateliers du Coteau", "Château-Renault", "37110")),
            partners: vec![
                PartnerDraft {
                    organisation: org("Jardins de Brenne", "Saunay", "37110"),
                    ..PartnerDraft::default()
                },
                PartnerDraft {
                    organisation: org(
                        "Maison du Hainaut solidaire ASBL",
                        "Tournai (Belgique)",
                        "7500",
                    ),
                    ..PartnerDraft::default()
                },
                PartnerDraft {
                    // Ambiguous: no notice, validation asks for the country.
                    organisation: org("Maison de l’Ardenne", "Arlon (Luxembourg)", "6700"),
                    ..PartnerDraft::default()
                },
            ],
            ..file()
        };
        let notices = country_notices(&FileContent::V1(Box::new(file)));
        assert_eq!(
            notices,
            vec![ImportNotice {
                place: "partenaire 2".into(),
                organisation: "Maison du Hainaut solidaire ASBL".into(),
                message:
                    "Pays déduit de la ville «\u{a0}Tournai (Belgique)\u{a0}»\u{a0}: Belgique \
                          (ville enregistrée\u{a0}: Tournai)."
                        .into(),
            }]
        );
    }

    #[test]
    fn the_profile_is_named_as_such() {
        let file = AllianceFile {
            profile: Some(org("Entraide genevoise", "Genève, Suisse", "1204")),
            ..file()
        };
        let notices = country_notices(&FileContent::V1(Box::new(file)));
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].place, "profil");
        assert!(
            notices[0].message.contains(": Suisse"),
            "{}",
            notices[0].message
        );
    }
}
