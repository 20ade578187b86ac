//! The actor register's records in the alliance file (format 2, additive root arrays,
//! issue 11 item 10): `interactions` (typed links between two actors), `exchanges` (the
//! proximity log), `criteria` (the scoring matrix's criteria) and `scores` (a candidate's
//! score on a criterion). Every record carries its id and dates; an actor is named by
//! its id in `partners` (which holds every actor, engaged or not), a criterion by its id
//! in `criteria`. Each array is absent when empty, so a file without actor records is
//! written as before and older files read as an alliance without them.
//!
//! This file holds the limits and the French names of the arrays' fields; `records.rs`
//! the four record types and their conversions; `validation.rs` the import's check.

mod records;
mod validation;

pub use records::{FileCriterion, FileExchange, FileInteraction, FileScore};
pub(super) use validation::validated_actor_records;

/// Most interactions one alliance file may bring (an alliance of 500 actors with
/// twenty links each).
pub const ALLIANCE_FILE_MAX_INTERACTIONS: usize = 10_000;
/// Most entries of the proximity log one alliance file may bring.
pub const ALLIANCE_FILE_MAX_EXCHANGES: usize = 10_000;
/// Most scores one alliance file may bring (500 actors × 20 criteria).
pub const ALLIANCE_FILE_MAX_SCORES: usize = 10_000;

/// Where a field of the four arrays is, in French (« lien entre acteurs 3, second
/// acteur », « note 2, critère »), for [`crate::validation::field_place`]; `None` for
/// another path.
pub fn actor_record_place(field: &str) -> Option<String> {
    let segments: Vec<&str> = field.split('.').collect();
    let (place, number, rest) = match segments.as_slice() {
        ["interactions", number, rest @ ..] => ("lien entre acteurs", number, rest),
        ["exchanges", number, rest @ ..] => ("échange", number, rest),
        ["criteria", number, rest @ ..] => ("critère", number, rest),
        ["scores", number, rest @ ..] => ("note", number, rest),
        _ => return None,
    };
    let label = match rest {
        ["fromActorId"] => Some("premier acteur"),
        ["toActorId"] => Some("second acteur"),
        ["actorId"] => Some("acteur"),
        ["criterionId"] => Some("critère"),
        ["kind"] => Some("type"),
        ["note"] => Some("note"),
        ["notes"] => Some("notes"),
        ["date"] => Some("date"),
        ["frictionPoints", ..] => Some("points de friction"),
        ["name"] => Some("nom"),
        ["weight"] => Some("poids"),
        ["score"] => Some("valeur"),
        ["id"] => Some("identifiant"),
        _ => None,
    };
    Some(match label {
        Some(label) => format!("{place} {number}, {label}"),
        None => format!("{place} {number}"),
    })
}

/// The label of a partner's actor field (`pipeline.status`, `assessment.influence`…),
/// as the register's form names it; `None` for another field.
pub fn actor_field_label(field: &str) -> Option<&'static str> {
    Some(match field {
        "pipeline" | "pipeline.status" => "statut de l’acteur",
        "pipeline.dismissalReason" => "motif de l’écartement",
        "assessment" => "cartographie",
        "assessment.category" => "catégorie de la cartographie",
        "assessment.expectations" => "attentes et motivations",
        "assessment.influence" => "niveau d’influence",
        "assessment.nuisance" => "pouvoir de nuisance",
        "assessment.interest" => "intérêt / alignement",
        "assessment.scope" => "périmètre d’intervention",
        "assessment.synergies" => "synergies possibles",
        _ => return None,
    })
}

#[cfg(test)]
#[path = "../actors_tests.rs"]
mod tests;
