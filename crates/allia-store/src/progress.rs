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

/// The actor register. Until the register's columns exist, every partner (the
/// association itself aside) is a partner « Engagé » and nothing is mapped, scored or
/// logged.
async fn actors(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<ActorFacts> {
    let engaged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM partner WHERE alliance_id = ? AND own_association = 0",
    )
    .bind(alliance_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(ActorFacts {
        engaged: count(engaged),
        ..ActorFacts::default()
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
