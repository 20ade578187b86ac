//! The commitments of an alliance file checked for import: one entry per party, each naming a partner of the file.

use std::collections::HashMap;

use super::super::v1::missing_position_message;
use super::super::v2::{AllianceFileV2, FileParty};
use super::Ids;
use crate::validation::{french_count, ValidationErrors};

/// The commitments checked for import: each names a partner of the file and appears
/// once per party, each draft is valid.
pub(super) fn validated_commitments(
    file: &AllianceFileV2,
    positions: Option<&[Option<u32>]>,
    ids: &mut Ids,
    errors: &mut ValidationErrors,
) -> Vec<super::super::v2::FileCommitment> {
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
            Ok(draft) => kept.push(super::super::v2::FileCommitment {
                draft,
                ..entry.clone()
            }),
            Err(e) => errors.extend_prefixed(&format!("{prefix}.draft"), e),
        }
    }
    kept
}
