//! The `partner` row as read from the vault ([`PartnerRow`], turned into allia-core's
//! [`Partner`]), and the actor register's columns of that table (migration
//! `20261205000001_actor_register`) with the helpers that name and bind them.

use allia_core::actors::{ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, MapCategory};
use allia_core::{ActorType, Organisation, Partner, PartnerDraft, PartnerRole};
use chrono::{DateTime, Utc};
use sqlx::query::Query;
use sqlx::sqlite::{Sqlite, SqliteArguments};

use crate::organisation;

/// One `partner` row.
#[derive(sqlx::FromRow)]
pub(super) struct PartnerRow {
    id: String,
    alliance_id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[sqlx(flatten)]
    organisation: Organisation,
    actor_type: ActorType,
    role: PartnerRole,
    resources: Option<String>,
    #[sqlx(json)]
    resource_tags: Vec<String>,
    own_association: bool,
    pipeline_status: ActorPipelineStatus,
    dismissal_reason: Option<String>,
    map_category: Option<MapCategory>,
    influence: Option<u8>,
    nuisance: Option<u8>,
    interest: Option<u8>,
    expectations: Option<String>,
    scope: Option<String>,
    synergies: Option<String>,
}

impl From<PartnerRow> for Partner {
    fn from(row: PartnerRow) -> Partner {
        Partner {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: PartnerDraft {
                organisation: row.organisation,
                actor_type: row.actor_type,
                role: row.role,
                resources: row.resources,
                resource_tags: row.resource_tags,
                own_association: row.own_association,
                pipeline: ActorPipeline {
                    status: row.pipeline_status,
                    dismissal_reason: row.dismissal_reason,
                },
                // Described for the map once it has a category (the migration's rule).
                assessment: row.map_category.map(|category| ActorAssessmentDraft {
                    category,
                    expectations: row.expectations,
                    influence: row.influence,
                    nuisance: row.nuisance,
                    interest: row.interest,
                    scope: row.scope,
                    synergies: row.synergies,
                }),
            },
        }
    }
}

/// The register's columns of `partner` (migration `20261205000001_actor_register`), in
/// the order [`bind_actor`] binds them.
pub(crate) const ACTOR_COLUMNS: &str = "pipeline_status, dismissal_reason, map_category, \
     influence, nuisance, interest, expectations, scope, synergies";

/// One `?` per column of [`ACTOR_COLUMNS`].
pub(crate) const ACTOR_PLACEHOLDERS: &str = "?, ?, ?, ?, ?, ?, ?, ?, ?";

/// `column = ?` for each column of [`ACTOR_COLUMNS`], for an `UPDATE`.
pub(super) const ACTOR_ASSIGNMENTS: &str = "pipeline_status = ?, dismissal_reason = ?, \
     map_category = ?, influence = ?, nuisance = ?, interest = ?, expectations = ?, \
     scope = ?, synergies = ?";

/// Binds the draft's pipeline and map fields in the order of [`ACTOR_COLUMNS`]; without
/// an assessment every map column is NULL.
pub(crate) fn bind_actor<'q>(
    query: Query<'q, Sqlite, SqliteArguments>,
    draft: &'q PartnerDraft,
) -> Query<'q, Sqlite, SqliteArguments> {
    let a = draft.assessment.as_ref();
    query
        .bind(draft.pipeline.status)
        .bind(&draft.pipeline.dismissal_reason)
        .bind(a.map(|a| a.category))
        .bind(a.and_then(|a| a.influence))
        .bind(a.and_then(|a| a.nuisance))
        .bind(a.and_then(|a| a.interest))
        .bind(a.and_then(|a| a.expectations.as_deref()))
        .bind(a.and_then(|a| a.scope.as_deref()))
        .bind(a.and_then(|a| a.synergies.as_deref()))
}

/// `SELECT … FROM partner`, every column of [`PartnerRow`].
pub(super) fn select() -> String {
    format!(
        "SELECT id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         own_association, {ACTOR_COLUMNS}, created_at, updated_at FROM partner",
        organisation::COLUMNS
    )
}
