//! Partners of an alliance.

use allia_core::{Partner, PartnerDraft};

store_commands! {
    fn partner_list(alliance_id: String) -> Vec<Partner> =
        |store| store.partners(&alliance_id);
    fn partner_create(alliance_id: String, draft: PartnerDraft) -> Partner =
        |store| store.create_partner(&alliance_id, &draft);
    fn partner_update(id: String, draft: PartnerDraft) -> Partner =
        |store| store.update_partner(&id, &draft);
    fn partner_delete(id: String) -> () = |store| store.delete_partner(&id);
}
