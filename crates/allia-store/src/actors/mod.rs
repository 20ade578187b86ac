//! The actor register (issue 11, items 3–6; guide step 3 « Choisir les bons
//! partenaires »). The actors are the `partner` rows (`crate::partners`: a partner is an
//! actor at « Engagé »); this module adds what the register does with them:
//!
//! - `register`: list every actor, create one at any status, edit it, move it through
//!   the pipeline, promote it to partner, delete it (refused while it is a party to a
//!   contract that is no longer a draft);
//! - `interactions`: typed links between two actors;
//! - `exchanges`: each actor's proximity log;
//! - `criteria`: the scoring matrix's criteria (the five defaults seeded);
//! - `scores`: one score per actor and criterion, and the matrix with its ranking.
//!
//! The rules are allia-core's (`allia_core::actors`); here they meet the rows. Each
//! aggregate also has connection-level `pub(crate)` functions that take and give whole
//! records (ids and dates kept), for the alliance file's export and import.

use allia_core::validation::is_record_id;
use allia_core::Partner;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};

pub(crate) mod criteria;
pub(crate) mod exchanges;
pub(crate) mod interactions;
pub(crate) mod register;
pub(crate) mod scores;

/// The actor `id` when it belongs to `alliance_id`; `NotFound(Partner)` otherwise (an
/// actor of another alliance is « not found » here).
pub(crate) async fn actor_of(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
) -> StoreResult<Partner> {
    let actor = crate::partners::get(conn, id).await?;
    if actor.alliance_id == alliance_id {
        Ok(actor)
    } else {
        Err(StoreError::NotFound(Entity::Partner))
    }
}

/// `NotFound(what)` for an id not shaped like the vault's, before any query.
pub(crate) fn known_shape(id: &str, what: Entity) -> StoreResult<()> {
    if is_record_id(id) {
        Ok(())
    } else {
        Err(StoreError::NotFound(what))
    }
}
