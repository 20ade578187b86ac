//! A validated file, ready to store: who its `"association"` becomes in the importing
//! vault, and the alliance data a document renders from.

use sha1::{Digest, Sha1};

use super::v2::{AllianceFileV2, FileCommitment, FilePartner, FileParty};
use super::ALLIANCE_FILE_MAX_PARTNERS;
use super::{rna, same_organisation, siren, AllianceFile, CommitmentParty, FileCommitments};
use crate::organisation::Organisation;
use crate::partner::{ActorType, PartnerDraft, PartnerRole};
use crate::validation::{french_count, ValidationErrors};

/// What importing a file stores: the file in format 2, validated and normalised
/// ([`super::Importable::validated_for_import`]). Its ids are the file's (new ones
/// for a file of format 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedAlliance {
    pub file: AllianceFileV2,
}

impl ImportedAlliance {
    /// The file's parties as the importing vault must store them. In the file,
    /// `"association"` is the sender (the file's `profile`). Unless the vault's own
    /// association (`own`) is the same organisation by registration number
    /// ([`same_organisation`]: same SIREN or RNA; never by name), the sender becomes a
    /// partner of the imported alliance so that it stays a party of the contracts: the
    /// file's partner marked `ownAssociation` (the explicit link; the mark is removed,
    /// since in this vault it is not the own association), else the partner with the id
    /// [`sender_partner_id`] derives from the alliance and the sender, taken from the
    /// file when it lists it, else made from the profile (actor type association, role
    /// member, appended after the file's partners), so that an updated file from the
    /// same sender finds it again by id. The sender's commitments go to it (merged with
    /// that partner's own entry when it has one). A sender that only looks like this
    /// association (same name and city, no number in common) is such a partner: the
    /// import asks about it ([`crate::identity::suspicion`]), nothing merges here. A
    /// vault without a profile (`own` is `None`) makes the sender a partner too: its
    /// commitments must not be credited to an association not yet described. When the
    /// file has no profile, or when both are the same organisation, the association's
    /// commitments stay the association's (the vault's own).
    ///
    /// # Errors
    /// When the sender would be the partner past [`ALLIANCE_FILE_MAX_PARTNERS`]
    /// (`partners`: the alliance could not be exported again), or when the sender's
    /// commitments, merged with those the file gives its partner, exceed what one party
    /// may hold (`commitments.N.draft…`).
    pub fn for_vault(mut self, own: Option<&Organisation>) -> Result<Self, ValidationErrors> {
        let file = &mut self.file;
        let Some(sender) = &file.profile else {
            return Ok(self);
        };
        // A vault without a profile has no association of its own yet: the sender is
        // another organisation, made a partner like any other.
        if own.is_some_and(|own| same_organisation(sender, own)) {
            return Ok(self);
        }
        let derived = sender_partner_id(&file.alliance.id, sender);
        let marked = file.partners.iter().position(|p| p.own_association);
        let listed = marked.or_else(|| file.partners.iter().position(|p| p.id == derived));
        let position = match listed {
            Some(index) => {
                file.partners[index].own_association = false;
                index + 1
            }
            None => {
                // The alliance must export again into a file this version imports.
                if file.partners.len() >= ALLIANCE_FILE_MAX_PARTNERS {
                    let mut errors = ValidationErrors::default();
                    errors.push(
                        "partners",
                        format!(
                            "Trop de partenaires\u{a0}: {} au plus, l’association qui a envoyé le fichier comprise ({} en tout).",
                            french_count(ALLIANCE_FILE_MAX_PARTNERS),
                            french_count(file.partners.len() + 1)
                        ),
                    );
                    return Err(errors);
                }
                let now = file.created_at;
                file.partners.push(FilePartner::new(
                    derived,
                    now,
                    now,
                    PartnerDraft {
                        organisation: sender.clone(),
                        actor_type: ActorType::Association,
                        role: PartnerRole::Member,
                        resources: None,
                        resource_tags: Vec::new(),
                        own_association: false,
                        ..PartnerDraft::default()
                    },
                ));
                file.partners.len()
            }
        };
        let party = FileParty::PartnerId(file.partners[position - 1].id.clone());
        let Some(index) = file
            .commitments
            .iter()
            .position(|c| c.party == FileParty::Association)
        else {
            return Ok(self);
        };
        let mut sent = file.commitments.remove(index);
        match file.commitments.iter_mut().find(|c| c.party == party) {
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
                file.commitments.push(sent);
            }
        }
        // In the order the vault lists them: the association, then partners by position.
        let order: Vec<String> = file.partners.iter().map(|p| p.id.clone()).collect();
        file.commitments
            .sort_by_key(|c| party_rank(&c.party, &order));
        Ok(self)
    }

    /// The alliance data a document renders from (the templates' input,
    /// [`AllianceFile`]): the profile as the first party, the partners in order (the
    /// own-association link kept), each commitment's partner by position. Only the
    /// actors at « Engagé » are partners ([`crate::partner::is_partner`]): the file
    /// lists the register's other actors too, who are parties to nothing.
    pub fn render_input(&self) -> AllianceFile {
        let partners: Vec<&FilePartner> = self
            .file
            .partners
            .iter()
            .filter(|p| crate::partner::is_partner(&p.draft()))
            .collect();
        let order: Vec<String> = partners.iter().map(|p| p.id.clone()).collect();
        AllianceFile {
            format: 1,
            profile: self.file.profile.clone(),
            alliance: self.file.alliance.draft(),
            partners: partners.iter().map(|p| p.draft()).collect(),
            commitments: self
                .file
                .commitments
                .iter()
                .filter_map(|c| data_commitment(c, &order))
                .collect(),
        }
    }
}

/// The id of the partner an alliance file's sender becomes in an importing vault when
/// the file does not list it ([`ImportedAlliance::for_vault`]): a UUID of version 5
/// (RFC 9562, SHA-1) in the namespace of the alliance id (a UUID; any other text is
/// hashed as a URL-like name first), named by the sender's identity: its SIREN, else its
/// RNA number, else its collated name and city (an organisation without numbers has
/// nothing else that lasts from one file to the next). Deterministic, so that the
/// update of the alliance with a later file of the same sender finds the partner by id.
pub fn sender_partner_id(alliance_id: &str, sender: &Organisation) -> String {
    let identity = match (siren(sender), rna(sender)) {
        (Some(siren), _) => format!("siren:{siren}"),
        (None, Some(rna)) => format!("rna:{rna}"),
        (None, None) => format!(
            "name:{}\ncity:{}",
            crate::text::collation_key(&sender.name),
            sender
                .city
                .as_deref()
                .map(crate::text::collation_key)
                .unwrap_or_default()
        ),
    };
    let namespace = uuid::Uuid::parse_str(alliance_id)
        .unwrap_or_else(|_| uuid_v5(uuid::Uuid::NAMESPACE_URL, alliance_id.as_bytes()));
    uuid_v5(namespace, format!("allia:sender:{identity}").as_bytes()).to_string()
}

/// `Uuid::new_v5` (RFC 9562 § 5.5): the first 16 bytes of SHA-1(namespace ‖ name), with
/// the version and variant bits set by `uuid::Builder`.
pub(super) fn uuid_v5(namespace: uuid::Uuid, name: &[u8]) -> uuid::Uuid {
    let mut hasher = Sha1::new();
    hasher.update(namespace.as_bytes());
    hasher.update(name);
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_sha1_bytes(bytes).into_uuid()
}

/// Where a party sorts: the association first, then the partners in their order.
fn party_rank(party: &FileParty, order: &[String]) -> usize {
    match party {
        FileParty::Association => 0,
        FileParty::PartnerId(id) => order
            .iter()
            .position(|p| p == id)
            .map_or(usize::MAX, |i| i + 1),
    }
}

/// A commitment of the templates' input (party by position from 1); `None` for a
/// partner id that is not in `order` (validation refuses it before).
fn data_commitment(c: &FileCommitment, order: &[String]) -> Option<FileCommitments> {
    let party = match &c.party {
        FileParty::Association => CommitmentParty::Association,
        FileParty::PartnerId(id) => {
            let position = order.iter().position(|p| p == id)? + 1;
            CommitmentParty::Partner(u32::try_from(position).ok()?)
        }
    };
    Some(FileCommitments {
        id: Some(c.id.clone()),
        created_at: Some(c.created_at),
        updated_at: Some(c.updated_at),
        party,
        draft: c.draft.clone(),
    })
}
