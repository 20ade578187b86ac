//! The sidebar's « Construire une alliance »: where the alliance stands in the guide's
//! five steps. The rule runs in allia-core (`progress`), over the facts the vault
//! counts; the UI only shows it.

use allia_core::progress::StepProgress;

store_commands! {
    /// The five steps of « Construire une alliance » for an alliance, in the guide's
    /// order: each with its status (« Terminée », « En cours », « Pas commencée ») and
    /// what is missing, in French. `not_found` for an unknown alliance.
    fn alliance_progress(alliance_id: String) -> Vec<StepProgress> =
        |store| store.alliance_progress(&alliance_id);
}
