//! Partners of an alliance.

use allia_core::{Lookalike, Partner, PartnerDraft};

store_commands! {
    fn partner_list(alliance_id: String) -> Vec<Partner> =
        |store| store.partners(&alliance_id);
    fn partner_create(alliance_id: String, draft: PartnerDraft) -> Partner =
        |store| store.create_partner(&alliance_id, &draft);
    fn partner_update(id: String, draft: PartnerDraft) -> Partner =
        |store| store.update_partner(&id, &draft);
    fn partner_delete(id: String) -> () = |store| store.delete_partner(&id);
    /// The actors of the alliance (partners or not), and the association's profile,
    /// that `draft` looks like (same SIRET, SIREN or RNA, or the same name with the same
    /// city or without a city to tell them apart), with the reason in French: asked
    /// before saving a partner or an actor, never merged. `partner_id` names the one
    /// being edited (not compared with itself); `null` for a new one.
    fn partner_lookalikes(
        alliance_id: String,
        draft: PartnerDraft,
        partner_id: Option<String>,
    ) -> Vec<Lookalike> =
        |store| store.partner_lookalikes(&alliance_id, &draft, partner_id.as_deref());
}
