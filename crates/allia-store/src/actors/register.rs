//! The register's actors: every `partner` row of an alliance whatever its status, created
//! at any status, moved through the pipeline by allia-core's rule, promoted to partner,
//! and deleted with its links, log and scores, unless a contract that is no longer a
//! draft names it.

use allia_core::actors::{
    is_named_in, party_refusal_message, ActorPipelineStatus, PartyRefusal, RegisterActor,
};
use allia_core::partner::is_partner;
use allia_core::{
    DocumentSettings, DocumentStatus, Partner, PartnerDraft, PartnerRole, Snapshot,
    ValidationErrors,
};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::error::{StoreError, StoreResult};
use crate::partners;
use crate::store::Store;

/// One frozen version of a document of the alliance, as the party check reads it.
#[derive(sqlx::FromRow)]
struct FrozenVersion {
    number: u32,
    status: DocumentStatus,
    #[sqlx(json)]
    settings: DocumentSettings,
    #[sqlx(json)]
    snapshot: Snapshot,
    frozen_at: Option<DateTime<Utc>>,
}

/// The first contract of the actor's alliance that is no longer a draft and names it
/// ([`allia_core::actors::is_named_in`]): the document's title, the version and its
/// status; documents in the order they were created, each one's latest frozen version.
pub(crate) async fn contract_naming(
    conn: &mut SqliteConnection,
    actor: &Partner,
) -> StoreResult<Option<(String, u32, DocumentStatus)>> {
    if !is_partner(&actor.draft) {
        return Ok(None);
    }
    let versions: Vec<FrozenVersion> = sqlx::query_as(
        "SELECT v.number, v.status, v.settings, v.snapshot, v.frozen_at \
         FROM document d JOIN document_version v ON v.document_id = d.id \
         WHERE d.alliance_id = ? AND v.status <> 'draft' AND v.snapshot IS NOT NULL \
         ORDER BY d.created_at, d.rowid, v.number DESC",
    )
    .bind(&actor.alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(versions.into_iter().find_map(|v| {
        let frozen_at = v.frozen_at.unwrap_or(DateTime::<Utc>::MAX_UTC);
        is_named_in(actor, &v.snapshot.upgrade(), frozen_at).then_some((
            v.settings.title,
            v.number,
            v.status,
        ))
    }))
}

/// `Refused` with allia-core's message when a contract names the actor.
async fn refuse_if_named(
    conn: &mut SqliteConnection,
    actor: &Partner,
    refused: PartyRefusal,
) -> StoreResult<()> {
    match contract_naming(conn, actor).await? {
        Some((title, number, status)) => Err(StoreError::Refused(party_refusal_message(
            &actor.draft.organisation.name,
            &title,
            number,
            status,
            refused,
        ))),
        None => Ok(()),
    }
}

fn refused(field: &str, message: impl Into<String>) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(field, message);
    StoreError::Validation(errors)
}

/// Leaving « Engagé » is refused for the association itself, for a party to a contract
/// that is no longer a draft, and for a partner with commitments recorded (they belong
/// to the contracts' parties: remove them first).
async fn check_leaving_engaged(conn: &mut SqliteConnection, actor: &Partner) -> StoreResult<()> {
    if actor.draft.own_association {
        return Err(refused(
            "status",
            "C’est votre association\u{a0}: elle reste «\u{a0}Engagé\u{a0}» dans son alliance.",
        ));
    }
    refuse_if_named(conn, actor, PartyRefusal::LeaveEngaged).await?;
    let commitments: i64 =
        sqlx::query_scalar("SELECT count(*) FROM commitment WHERE partner_id = ?")
            .bind(&actor.id)
            .fetch_one(&mut *conn)
            .await?;
    if commitments > 0 {
        return Err(StoreError::Refused(format!(
            "«\u{a0}{}\u{a0}» a des engagements enregistrés (apports, financements)\u{a0}: retirez-les avant de changer son statut.",
            actor.draft.organisation.name
        )));
    }
    Ok(())
}

impl Store {
    /// Every actor of the alliance (partners included), in the order they were added,
    /// each with its quadrant and the moves its status allows. `NotFound(Alliance)`
    /// for an unknown alliance.
    pub async fn actors(&self, alliance_id: &str) -> StoreResult<Vec<RegisterActor>> {
        let mut conn = self.conn().await?;
        crate::alliances::ensure_exists(&mut conn, alliance_id).await?;
        let actors = partners::list_actors(&mut conn, alliance_id).await?;
        Ok(actors.into_iter().map(RegisterActor::of).collect())
    }

    /// One actor, whatever its status. `NotFound(Partner)`.
    pub async fn actor(&self, id: &str) -> StoreResult<RegisterActor> {
        let actor = partners::get(&mut *self.conn().await?, id).await?;
        Ok(RegisterActor::of(actor))
    }

    /// Adds an actor at the status its draft says (« Identifié » for a territory's actor
    /// just spotted, « Engagé » for a partner). The draft is validated by allia-core
    /// (`PartnerDraft::validated`: organisation, pipeline with its reason when
    /// « Écarté », map fields); only an actor « Engagé » may be the association itself,
    /// and only one per alliance.
    pub async fn create_actor(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
    ) -> StoreResult<RegisterActor> {
        let partner = self.create_partner(alliance_id, draft).await?;
        Ok(RegisterActor::of(partner))
    }

    /// Rewrites an actor's organisation, type, role, resources and map fields; its
    /// status stays as stored (it changes through [`Store::move_actor`] and
    /// [`Store::promote_actor`], which apply the pipeline's rule).
    pub async fn update_actor(&self, id: &str, draft: &PartnerDraft) -> StoreResult<RegisterActor> {
        let partner = self.update_partner(id, draft).await?;
        Ok(RegisterActor::of(partner))
    }

    /// Moves an actor to `to` (allia-core's `ActorPipeline::moved_from_menu`: forward any
    /// number of steps, back one, « Écarté » from anywhere with its `reason`, from
    /// « Écarté » back to « Identifié » only; never to « Engagé », which asks for
    /// [`Store::promote_actor`] and the actor's role, `Validation` on `status` with
    /// `allia_core::actors::PROMOTE_TO_ENGAGE`). Leaving « Engagé » is refused for the association itself,
    /// while a contract that is no longer a draft names the actor (`Refused`, naming the
    /// document) and while it has commitments recorded.
    ///
    /// # Errors
    /// `Validation` on `status` or `dismissalReason`; `Refused`; `NotFound(Partner)`.
    pub async fn move_actor(
        &self,
        id: &str,
        to: ActorPipelineStatus,
        reason: Option<&str>,
    ) -> StoreResult<RegisterActor> {
        let mut tx = self.begin_write().await?;
        let actor = partners::get(&mut tx, id).await?;
        let pipeline = actor.draft.pipeline.moved_from_menu(to, reason)?;
        if is_partner(&actor.draft) && to != ActorPipelineStatus::Engaged {
            check_leaving_engaged(&mut tx, &actor).await?;
        }
        let draft = PartnerDraft {
            pipeline,
            ..actor.draft.clone()
        };
        partners::update(&mut tx, id, &draft).await?;
        crate::alliances::touch(&mut tx, &actor.alliance_id).await?;
        let moved = partners::get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(RegisterActor::of(moved))
    }

    /// Makes an actor a partner: « Engagé » with `role`, everything else kept (no
    /// retyping: the same row, so its documents, links and log follow). The only way to
    /// « Engagé » for an actor of the register. Allowed from any step of the funnel,
    /// « Identifié » to « Retenu » (`ActorPipelineStatus::can_promote`, guide step 3);
    /// from « Écarté » the rule asks to start again from « Identifié » (`Validation` on
    /// `status`). An actor already « Engagé » only changes its role.
    pub async fn promote_actor(&self, id: &str, role: PartnerRole) -> StoreResult<RegisterActor> {
        let mut tx = self.begin_write().await?;
        let actor = partners::get(&mut tx, id).await?;
        let pipeline = actor
            .draft
            .pipeline
            .moved(ActorPipelineStatus::Engaged, None)?;
        let draft = PartnerDraft {
            pipeline,
            role,
            ..actor.draft.clone()
        };
        partners::update(&mut tx, id, &draft).await?;
        crate::alliances::touch(&mut tx, &actor.alliance_id).await?;
        let promoted = partners::get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(RegisterActor::of(promoted))
    }

    /// Deletes an actor with its links, proximity log, scores and commitments (foreign
    /// keys, cascade). Refused (`Refused`, naming the document, its version and status)
    /// while a contract that is no longer a draft names it: a frozen version keeps its
    /// parties.
    pub async fn delete_actor(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let actor = partners::get(&mut tx, id).await?;
        refuse_if_named(&mut tx, &actor, PartyRefusal::Delete).await?;
        partners::delete(&mut tx, id).await?;
        crate::alliances::touch(&mut tx, &actor.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
