//! The facts the step-progress rule reads (allia-core's `progress`): counts over an
//! alliance's records, computed by SQL in one read, never stored.

use allia_core::progress::{
    progress, ActorFacts, AllianceFacts, DiagnosticFacts, DocumentFacts, DossierFacts, StepProgress,
};
use allia_core::validation::is_record_id;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

/// Counts `u32` from SQLite's `i64` (a count is never negative; absurd sizes saturate).
fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

async fn diagnostic(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<DiagnosticFacts> {
    let quadrants: Vec<(String, i64)> = sqlx::query_as(
        "SELECT quadrant, COUNT(*) FROM swot_item WHERE alliance_id = ? GROUP BY quadrant",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let needs: Option<(bool, bool, bool)> = sqlx::query_as(
        "SELECT strategic_priorities IS NOT NULL, alliance_expectations IS NOT NULL, \
         participation_mode IS NOT NULL FROM diagnostic_needs WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(&mut *conn)
    .await?;
    let in_quadrant = |name: &str| {
        quadrants
            .iter()
            .find(|(q, _)| q == name)
            .map_or(0, |(_, n)| count(*n))
    };
    let (strategic_priorities, alliance_expectations, participation_mode) =
        needs.unwrap_or_default();
    Ok(DiagnosticFacts {
        strengths: in_quadrant("strengths"),
        weaknesses: in_quadrant("weaknesses"),
        opportunities: in_quadrant("opportunities"),
        threats: in_quadrant("threats"),
        strategic_priorities,
        alliance_expectations,
        participation_mode,
    })
}

async fn dossier(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<DossierFacts> {
    // `data` is the validated `DossierTexts` as JSON: an unwritten text is null.
    let texts: Option<(bool, bool, bool, bool)> = sqlx::query_as(
        "SELECT json_extract(data, '$.socialNeed') IS NOT NULL, \
         json_extract(data, '$.collectiveResponse') IS NOT NULL, \
         json_extract(data, '$.argument') IS NOT NULL, \
         json_extract(data, '$.keyActors') IS NOT NULL \
         FROM project_dossier WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(&mut *conn)
    .await?;
    let figures: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM dossier_figure WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_one(&mut *conn)
            .await?;
    let (social_need, collective_response, argument, key_actors) = texts.unwrap_or_default();
    Ok(DossierFacts {
        social_need,
        collective_response,
        argument,
        key_actors,
        figures: count(figures),
    })
}

/// The actor register (`partner` with its pipeline and map columns, `actor_score`,
/// `actor_interaction`, `actor_exchange`), the association itself aside.
async fn actors(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<ActorFacts> {
    let statuses: Vec<(String, i64)> = sqlx::query_as(
        "SELECT pipeline_status, COUNT(*) FROM partner \
         WHERE alliance_id = ? AND own_association = 0 GROUP BY pipeline_status",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let with_status = |name: &str| {
        statuses
            .iter()
            .find(|(s, _)| s == name)
            .map_or(0, |(_, n)| count(*n))
    };
    // Placed on the map: the map's two axes are set (its quadrant rule needs both).
    let (placed_on_map, scored, exchanges): (i64, i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM partner WHERE alliance_id = ?1 AND own_association = 0 \
              AND influence IS NOT NULL AND interest IS NOT NULL), \
           (SELECT COUNT(DISTINCT s.actor_id) FROM actor_score s \
              JOIN partner p ON p.id = s.actor_id \
              WHERE s.alliance_id = ?1 AND p.own_association = 0), \
           (SELECT COUNT(*) FROM actor_exchange e JOIN partner p ON p.id = e.actor_id \
              WHERE e.alliance_id = ?1 AND p.own_association = 0)",
    )
    .bind(alliance_id)
    .fetch_one(&mut *conn)
    .await?;
    let interactions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM actor_interaction WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_one(&mut *conn)
            .await?;
    // The day the first contract was signed by all its parties: its last signature's
    // date (the day it left draft for a version « Signé » recorded without signatures).
    // Both are `YYYY-MM-DD`, as the exchange dates, so they compare as text.
    let engaged_met_since_signature: i64 = sqlx::query_scalar(
        "WITH sealed AS ( \
           SELECT MIN(COALESCE( \
             (SELECT MAX(json_extract(s.value, '$.signedOn')) FROM json_each(v.signatures) s), \
             substr(v.frozen_at, 1, 10))) AS day \
           FROM document d JOIN document_version v ON v.document_id = d.id \
           WHERE d.alliance_id = ?1 AND v.status = 'signed') \
         SELECT COUNT(*) FROM partner p, sealed \
         WHERE p.alliance_id = ?1 AND p.own_association = 0 \
           AND p.pipeline_status = 'engaged' AND sealed.day IS NOT NULL \
           AND EXISTS (SELECT 1 FROM actor_exchange e \
                       WHERE e.actor_id = p.id AND e.date >= sealed.day)",
    )
    .bind(alliance_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(ActorFacts {
        identified: with_status("identified"),
        contacted: with_status("contacted"),
        in_discussion: with_status("in_discussion"),
        retained: with_status("retained"),
        engaged: with_status("engaged"),
        dismissed: with_status("dismissed"),
        placed_on_map: count(placed_on_map),
        scored: count(scored),
        interactions: count(interactions),
        exchanges: count(exchanges),
        engaged_met_since_signature: count(engaged_met_since_signature),
    })
}

async fn documents(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<DocumentFacts> {
    // Each document by the status of its latest version.
    let statuses: Vec<(String, i64)> = sqlx::query_as(
        "SELECT v.status, COUNT(*) FROM document d \
         JOIN document_version v ON v.document_id = d.id \
         WHERE d.alliance_id = ? \
           AND v.number = (SELECT MAX(number) FROM document_version WHERE document_id = d.id) \
         GROUP BY v.status",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let signed_by_all_parties: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM document d \
         JOIN document_version v ON v.document_id = d.id \
         WHERE d.alliance_id = ? AND v.status = 'signed')",
    )
    .bind(alliance_id)
    .fetch_one(&mut *conn)
    .await?;
    let with_status = |name: &str| {
        statuses
            .iter()
            .find(|(s, _)| s == name)
            .map_or(0, |(_, n)| count(*n))
    };
    Ok(DocumentFacts {
        draft: with_status("draft"),
        in_review: with_status("in_review"),
        ready_to_sign: with_status("ready_to_sign"),
        signed: with_status("signed"),
        signed_by_all_parties,
    })
}

async fn advisor_answered(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<bool> {
    Ok(crate::model_advisor::find(conn, alliance_id)
        .await?
        .is_some_and(|advisor| !advisor.answers.is_empty()))
}

/// Every fact of one alliance, read on one connection.
pub(crate) async fn facts(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<AllianceFacts> {
    Ok(AllianceFacts {
        diagnostic: diagnostic(conn, alliance_id).await?,
        dossier: dossier(conn, alliance_id).await?,
        actors: actors(conn, alliance_id).await?,
        advisor_answered: advisor_answered(conn, alliance_id).await?,
        documents: documents(conn, alliance_id).await?,
    })
}

impl Store {
    /// The counts and flags the step-progress rule reads for an alliance (allia-core's
    /// `progress::AllianceFacts`). `NotFound(Alliance)` for an unknown alliance.
    pub async fn alliance_facts(&self, alliance_id: &str) -> StoreResult<AllianceFacts> {
        if !is_record_id(alliance_id) {
            return Err(StoreError::NotFound(Entity::Alliance));
        }
        let mut conn = self.conn().await?;
        crate::alliances::ensure_exists(&mut conn, alliance_id).await?;
        facts(&mut conn, alliance_id).await
    }

    /// The five steps of « Construire une alliance » for an alliance, with their
    /// status and what is missing (allia-core's `progress::progress` over
    /// [`Store::alliance_facts`]). `NotFound(Alliance)` for an unknown alliance.
    pub async fn alliance_progress(&self, alliance_id: &str) -> StoreResult<Vec<StepProgress>> {
        Ok(progress(&self.alliance_facts(alliance_id).await?))
    }
}
