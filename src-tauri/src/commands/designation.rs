//! How contracts name an organisation: the proposal the designation field starts from.

use allia_core::{ActorType, Designation};

/// The designation allia-core proposes for an organisation from its name, its acronym
/// and its kind of actor (`allia_core::designation::propose`): article, gender, number
/// and short name (« le Département », « l’Université », « OQM »). Needs no open vault:
/// it reads nothing stored. Never fails; an empty name gets the noun of its kind.
#[tauri::command]
#[specta::specta]
pub async fn designation_propose(
    name: String,
    acronym: Option<String>,
    actor_type: ActorType,
) -> Designation {
    allia_core::designation::propose(&name, acronym.as_deref(), actor_type)
}

/// The example sentence the designation field shows under its controls, written by
/// allia-core with the contracts' rules (`allia_core::designation::example_sentence`):
/// « Le Département d’Indre-et-Loire, représenté par …, ci-après dénommé « le
/// Département ». Engagements du Département. »
#[tauri::command]
#[specta::specta]
pub async fn designation_example(name: String, designation: Designation) -> String {
    allia_core::designation::example_sentence(&name, &designation)
}
