//! The alliance's objectives (guide section 4, « Formaliser et mesurer l’action »;
//! allia-core's `objectives`): the frame (shared vision, horizon, priority criteria), the
//! strategic objectives in a dense order, the strategic gaps between partners, the
//! operational objectives with the partners they concern (`operational_objective_partner`,
//! in the order chosen), and the deletion rule that never leaves an indicator orphaned.
//!
//! `frame.rs`, `strategic.rs`, `gaps.rs`, `operational.rs` hold each aggregate's row,
//! connection-level functions (whole records, ids and dates kept, for the alliance file)
//! and `Store` methods; `delete.rs` the deletion of an objective with its indicators'
//! fate. This file holds the checks they share and the overview the screen reads.

use std::collections::{HashMap, HashSet};

use allia_core::objectives::{
    check_smart, rank_strategic_objectives, ObjectivesFrame, ObjectivesFrameDraft,
    ObjectivesOverview, OperationalObjective, OperationalObjectiveView, StrategicGap,
    StrategicObjective, StrategicObjectiveView,
};
use allia_core::partner::is_partner;
use allia_core::validation::is_record_id;
use allia_core::ValidationErrors;
use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

pub(crate) mod delete;
pub(crate) mod file;
pub(crate) mod frame;
pub(crate) mod gaps;
pub(crate) mod operational;
pub(crate) mod strategic;

/// Every objectives' record of one alliance, each list in its order: what the overview,
/// the alliance file's export and the re-import read.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct AllianceObjectives {
    pub frame: Option<ObjectivesFrame>,
    /// By position.
    pub strategic: Vec<StrategicObjective>,
    /// In the order they were added.
    pub gaps: Vec<StrategicGap>,
    /// By strategic objective's position, then by position under it.
    pub operational: Vec<OperationalObjective>,
}

/// Reads all of an alliance's objectives: one query per table.
pub(crate) async fn load(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<AllianceObjectives> {
    Ok(AllianceObjectives {
        frame: frame::get(conn, alliance_id).await?,
        strategic: strategic::list(conn, alliance_id).await?,
        gaps: gaps::list(conn, alliance_id).await?,
        operational: operational::list(conn, alliance_id).await?,
    })
}

/// `NotFound(Alliance)` for an unknown alliance or an id not shaped like the vault's.
pub(crate) async fn ensure_alliance(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<()> {
    if !is_record_id(alliance_id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    crate::alliances::ensure_exists(conn, alliance_id).await
}

/// Checks that each of `ids` names a partner of the alliance (an actor at « Engagé »,
/// [`is_partner`]): an id that is no actor of the alliance is `NotFound(Partner)`; an
/// actor not yet engaged is refused on `field` in French, by name.
pub(crate) async fn ensure_partners(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    field: &str,
    ids: &[&str],
) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let actors = crate::partners::list_actors(conn, alliance_id).await?;
    let mut errors = ValidationErrors::default();
    for id in ids {
        match actors.iter().find(|a| a.id == *id) {
            None => return Err(StoreError::NotFound(Entity::Partner)),
            Some(actor) if !is_partner(&actor.draft) => errors.push(
                field,
                format!(
                    "«\u{a0}{}\u{a0}» n’est pas partenaire de l’alliance\u{a0}: seul un acteur au statut «\u{a0}Engagé\u{a0}» peut être choisi.",
                    actor.draft.organisation.name
                ),
            ),
            Some(_) => {}
        }
    }
    if errors.0.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
}

/// How many indicators measure each objective of the alliance, by objective id (one
/// query on `indicator`).
async fn indicator_counts(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<HashMap<String, u32>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT COALESCE(strategic_objective_id, operational_objective_id), COUNT(*) \
         FROM indicator WHERE alliance_id = ? GROUP BY 1",
    )
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}

/// Builds the overview from the records: the frame or the default one, the strategic
/// objectives in order with their gaps and operational objectives (each checked against
/// SMART as of `today`), the indicator counts and the ranking.
fn overview(
    records: AllianceObjectives,
    counts: &HashMap<String, u32>,
    today: NaiveDate,
) -> ObjectivesOverview {
    let frame: ObjectivesFrameDraft = records.frame.map(|f| f.draft).unwrap_or_default();
    let priority = rank_strategic_objectives(&frame, &records.strategic);
    let count = |id: &str| counts.get(id).copied().unwrap_or(0);
    let mut gaps_by: HashMap<String, Vec<StrategicGap>> = HashMap::new();
    for gap in records.gaps {
        gaps_by
            .entry(gap.draft.strategic_objective_id.clone())
            .or_default()
            .push(gap);
    }
    let mut operational_by: HashMap<String, Vec<OperationalObjectiveView>> = HashMap::new();
    for objective in records.operational {
        let view = OperationalObjectiveView {
            smart: check_smart(&objective.draft, today),
            indicator_count: count(&objective.id),
            objective,
        };
        operational_by
            .entry(view.objective.draft.strategic_objective_id.clone())
            .or_default()
            .push(view);
    }
    let strategic = records
        .strategic
        .into_iter()
        .map(|objective| StrategicObjectiveView {
            gaps: gaps_by.remove(&objective.id).unwrap_or_default(),
            operational: operational_by.remove(&objective.id).unwrap_or_default(),
            indicator_count: count(&objective.id),
            objective,
        })
        .collect();
    ObjectivesOverview {
        frame,
        strategic,
        priority,
    }
}

impl Store {
    /// Everything the « Objectifs » screen shows for one alliance (allia-core's
    /// `ObjectivesOverview`): its frame (or the default: no vision, the four default
    /// criteria), its strategic objectives in order, each with its gaps and its
    /// operational objectives in order, each of these checked against SMART as of `today`
    /// (`check_smart`), the number of indicators measuring each objective, and the
    /// priority ranking (`rank_strategic_objectives`). Five queries whatever the size.
    /// `NotFound(Alliance)`.
    pub async fn objectives_overview(
        &self,
        alliance_id: &str,
        today: NaiveDate,
    ) -> StoreResult<ObjectivesOverview> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let records = load(&mut tx, alliance_id).await?;
        let counts = indicator_counts(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(overview(records, &counts, today))
    }
}

/// Ids seen once, in order (a partner named twice in a list counts once).
pub(crate) fn unique<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
}
