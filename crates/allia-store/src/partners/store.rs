//! The `Store` methods on partners (and on any actor of the register edited as one):
//! list, read, create, edit, delete, and the questions asked before saving (lookalikes,
//! « is this partner your association? »).

use allia_core::partner::is_partner;
use allia_core::{
    lookalikes, suspicion, Lookalike, Organisation, Partner, PartnerDraft, Suspicion,
    ValidationErrors,
};

use super::{ensure_one_own_association, get, insert, list, list_actors, update};
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

/// Why an actor that is not « Engagé » cannot be the association itself.
const OWN_ASSOCIATION_NOT_ENGAGED: &str = "Votre association est partenaire de son alliance\u{a0}: passez d’abord cet acteur à «\u{a0}Engagé\u{a0}».";

impl Store {
    /// The partners of one alliance (its actors at « Engagé »), in the order they were
    /// added; the register's other actors are `Store::actors`'.
    pub async fn partners(&self, alliance_id: &str) -> StoreResult<Vec<Partner>> {
        list(&mut *self.conn().await?, alliance_id).await
    }

    /// One partner, or any actor of the register, by id; `NotFound` for an unknown id or
    /// one not shaped like the vault's.
    pub async fn partner(&self, id: &str) -> StoreResult<Partner> {
        get(&mut *self.conn().await?, id).await
    }

    pub async fn create_partner(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
    ) -> StoreResult<Partner> {
        let ids = self
            .create_partners(alliance_id, std::slice::from_ref(draft))
            .await?;
        let id = ids.first().ok_or(StoreError::NotFound(Entity::Partner))?;
        self.partner(id).await
    }

    /// Validates every draft first, then inserts them all in one transaction. Each
    /// comes at the status its draft says (« Engagé » by default: a partner); only an
    /// actor « Engagé » may be the association itself.
    pub async fn create_partners(
        &self,
        alliance_id: &str,
        drafts: &[PartnerDraft],
    ) -> StoreResult<Vec<String>> {
        let drafts = drafts
            .iter()
            .map(PartnerDraft::validated)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(i) = drafts
            .iter()
            .position(|d| d.own_association && !is_partner(d))
        {
            let mut errors = ValidationErrors::default();
            errors.push(
                if drafts.len() == 1 {
                    "ownAssociation".to_string()
                } else {
                    format!("partners.{}.ownAssociation", i + 1)
                },
                OWN_ASSOCIATION_NOT_ENGAGED,
            );
            return Err(errors.into());
        }
        let mut tx = self.begin_write().await?;
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        ensure_one_own_association(&mut tx, alliance_id, None, &drafts).await?;
        let ids = insert(&mut tx, alliance_id, &drafts).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Validates and rewrites a partner (any actor of the register); marking it as the
    /// association is refused while another partner of its alliance is
    /// ([`ensure_one_own_association`]) or while it is not « Engagé ». Its pipeline
    /// status stays as stored, whatever the draft says: it changes through
    /// `Store::move_actor` and `Store::promote_actor`, which apply the pipeline's rule.
    pub async fn update_partner(&self, id: &str, draft: &PartnerDraft) -> StoreResult<Partner> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        let alliance_id = stored.alliance_id;
        let draft = PartnerDraft {
            pipeline: stored.draft.pipeline,
            ..draft
        };
        if draft.own_association && !is_partner(&draft) {
            let mut errors = ValidationErrors::default();
            errors.push("ownAssociation", OWN_ASSOCIATION_NOT_ENGAGED);
            return Err(errors.into());
        }
        ensure_one_own_association(
            &mut tx,
            &alliance_id,
            Some(id),
            std::slice::from_ref(&draft),
        )
        .await?;
        update(&mut tx, id, &draft).await?;
        let partner = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(partner)
    }

    /// What a partner or register actor being added to `alliance_id` (or edited, when
    /// `editing` names it) looks like among the alliance's actors, whatever their status
    /// (one organisation is one row of the register: a partner typed again may be an
    /// actor already spotted, to promote instead), and the association's profile
    /// (allia-core's [`allia_core::lookalikes`]: same SIRET, SIREN or RNA, or the same
    /// name with the same city or without a city to tell them apart): asked before
    /// saving, never merged. The draft is compared as typed (not validated): an
    /// unfinished form is asked about too.
    pub async fn partner_lookalikes(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
        editing: Option<&str>,
    ) -> StoreResult<Vec<Lookalike>> {
        let mut conn = self.conn().await?;
        crate::alliances::ensure_exists(&mut conn, alliance_id).await?;
        let profile = crate::profile::get(&mut conn).await?;
        let actors = list_actors(&mut conn, alliance_id).await?;
        Ok(lookalikes(draft, editing, profile.as_ref(), &actors))
    }

    /// Which of `organisations` (e.g. the partners of a file being imported, by index)
    /// look like the association's own profile, and why ([`allia_core::suspicion`]);
    /// empty when the vault has no profile yet. For the import's question « is this
    /// partner your association? ».
    pub async fn own_association_suspicions(
        &self,
        organisations: &[Organisation],
    ) -> StoreResult<Vec<(usize, Suspicion)>> {
        let Some(profile) = self.profile().await? else {
            return Ok(Vec::new());
        };
        Ok(organisations
            .iter()
            .enumerate()
            .filter_map(|(i, o)| suspicion(o, &profile).map(|s| (i, s)))
            .collect())
    }

    /// Deletes a partner, as [`Store::delete_actor`] does any actor: refused while a
    /// contract that is no longer a draft names it.
    pub async fn delete_partner(&self, id: &str) -> StoreResult<()> {
        self.delete_actor(id).await
    }
}
