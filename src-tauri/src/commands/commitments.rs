//! What each party of an alliance commits: money with its schedule, contributions in
//! kind (allia-core's `commitment`).

use allia_core::{CommitmentsDraft, FinancialContribution, Instalment, PartyCommitments};

use crate::error::AppError;

store_commands! {
    /// The commitments recorded for an alliance: the association's first (`partnerId`
    /// null), then the partners' in their order.
    fn commitments_list(alliance_id: String) -> Vec<PartyCommitments> =
        |store| store.commitments(&alliance_id);
    /// Records what one party commits (`partnerId` null: the user's own association),
    /// replacing what it had. Field errors are named `financial.0.schedule`,
    /// `inKind.1.description`…
    fn commitments_set(
        alliance_id: String,
        partner_id: Option<String>,
        draft: CommitmentsDraft,
    ) -> PartyCommitments =
        |store| store.set_commitments(&alliance_id, partner_id.as_deref(), &draft);
}

/// The instalments « Répartir en N versements » proposes for a contribution: amounts
/// that add up exactly, the dates already typed kept (allia-core's
/// `propose_instalments`). Needs no vault.
#[tauri::command]
#[specta::specta]
pub async fn commitments_propose_split(
    contribution: FinancialContribution,
    count: u32,
) -> Result<Vec<Instalment>, AppError> {
    Ok(allia_core::propose_instalments(&contribution, count)?)
}
