//! Stores a demo alliance's register (allia-core `demo`): its actors beyond the partners,
//! the links between them, the proximity log and the candidates' scores on the five
//! default criteria; and the large demo of `allia demo --scale` (`demo::scale`).

use allia_core::actors::records::{seeded_criterion_id, ActorScore, ExchangeEntry, Interaction};
use allia_core::demo::scale::scaled_demo;
use allia_core::demo::DemoAlliance;
use allia_core::{Alliance, ALLIANCE_FILE_MAX_PARTNERS};
use chrono::{Local, Utc};
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::{new_id, Store};

/// The seed of the large demo: the same alliance at every run.
const SCALE_SEED: u64 = 2026;

/// Stores the register of `demo` in `alliance_id`, whose partners are stored already
/// under `partner_ids` (in the order of `demo.partners`): the other actors, the links,
/// the log and the scores, with the five default criteria seeded. Each record is checked
/// by allia-core's rules first (a demo that breaks them is a bug, refused like any input).
pub(crate) async fn insert_register(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    demo: &DemoAlliance,
    partner_ids: Vec<String>,
) -> StoreResult<()> {
    let mut others = Vec::with_capacity(demo.others.len());
    for actor in &demo.others {
        others.push(actor.validated()?);
    }
    let mut ids = partner_ids;
    ids.extend(crate::partners::insert(conn, alliance_id, &others).await?);
    let now = Utc::now();
    let today = Local::now().date_naive();
    for link in &demo.interactions {
        let (Some(from), Some(to)) = (ids.get(link.from), ids.get(link.to)) else {
            continue;
        };
        let draft = allia_core::InteractionDraft {
            from_actor_id: from.clone(),
            to_actor_id: to.clone(),
            kind: link.kind,
            note: link.note.clone(),
        }
        .validated()?;
        let record = Interaction {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft,
        };
        crate::actors::interactions::insert(conn, &record).await?;
    }
    for entry in &demo.exchanges {
        let Some(actor) = ids.get(entry.actor) else {
            continue;
        };
        let record = ExchangeEntry {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            actor_id: actor.clone(),
            created_at: now,
            updated_at: now,
            draft: entry.draft.validated(today)?,
        };
        crate::actors::exchanges::insert(conn, &record).await?;
    }
    crate::actors::criteria::seed(conn, alliance_id).await?;
    for score in &demo.scores {
        let Some(actor) = ids.get(score.actor) else {
            continue;
        };
        let record = ActorScore {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            actor_id: actor.clone(),
            criterion_id: seeded_criterion_id(alliance_id, score.criterion),
            score: score.score.min(allia_core::actors::SCORE_MAX),
            created_at: now,
            updated_at: now,
        };
        crate::actors::scores::insert(conn, &record).await?;
    }
    Ok(())
}

/// Stores the demo alliance's objectives (allia-core's `objectives::demo::demo_objectives`)
/// in `alliance_id`, whose five partners are stored already: the frame, the three
/// strategic objectives in order, each with its operational objectives in order (the
/// guide's SMART example first: the overview lists them in this order, which the demo's
/// indicators rely on), and the strategic gaps. Each record is validated first.
pub(crate) async fn insert_objectives(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<()> {
    use allia_core::objectives::{
        ObjectivesFrame, OperationalObjective, StrategicGap, StrategicGapDraft, StrategicObjective,
    };
    let demo = allia_core::objectives::demo::demo_objectives();
    let partners: Vec<String> = crate::partners::list(conn, alliance_id)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let partner = |i: usize| partners.get(i).cloned();
    let now = Utc::now();
    crate::objectives::frame::put(
        conn,
        &ObjectivesFrame {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft: demo.frame.validated()?,
        },
    )
    .await?;
    let mut strategic_ids = Vec::with_capacity(demo.strategic.len());
    for (position, s) in demo.strategic.iter().enumerate() {
        let record = StrategicObjective {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            position: u32::try_from(position).unwrap_or(u32::MAX),
            created_at: now,
            updated_at: now,
            draft: s.draft.validated()?,
        };
        crate::objectives::strategic::insert(conn, &record).await?;
        for (position, o) in s.operational.iter().enumerate() {
            let mut draft = o.draft.clone();
            draft.strategic_objective_id = record.id.clone();
            draft.partner_ids = o.partners.iter().filter_map(|i| partner(*i)).collect();
            draft.owner_partner_id = o.owner.and_then(partner);
            let operational = OperationalObjective {
                id: new_id(),
                alliance_id: alliance_id.to_string(),
                position: u32::try_from(position).unwrap_or(u32::MAX),
                created_at: now,
                updated_at: now,
                draft: draft.validated()?,
            };
            crate::objectives::operational::insert(conn, &operational).await?;
        }
        strategic_ids.push(record.id);
    }
    for gap in &demo.gaps {
        let (Some(strategic), Some(partner)) =
            (strategic_ids.get(gap.strategic), partner(gap.partner))
        else {
            continue;
        };
        let draft = StrategicGapDraft {
            strategic_objective_id: strategic.clone(),
            partner_id: partner,
            description: gap.description.to_string(),
        }
        .validated()?;
        let record = StrategicGap {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft,
        };
        crate::objectives::gaps::insert(conn, &record).await?;
    }
    Ok(())
}

/// Stores the demo alliance's evaluation (allia-core's `evaluation::demo::demo_evaluation`)
/// in `alliance_id`, whose partners and objectives are stored already
/// ([`insert_objectives`]): read back in the overview's order, the demo's indicators and
/// gap analyses are attached to them by place. Each record is validated first.
pub(crate) async fn insert_evaluation(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<()> {
    use allia_core::evaluation::demo::{demo_evaluation, DemoObjective};
    use allia_core::evaluation::{EvaluationFrame, GapAnalysis, Indicator, Measurement};
    use allia_core::objectives::{ObjectiveLevel, ObjectiveRef};
    let demo = demo_evaluation();
    let partners: Vec<String> = crate::partners::list(conn, alliance_id)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let strategic: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM strategic_objective WHERE alliance_id = ? ORDER BY position, rowid",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let operational: Vec<String> = sqlx::query_scalar(
        "SELECT o.id FROM operational_objective o \
         JOIN strategic_objective s ON s.id = o.strategic_objective_id \
         WHERE o.alliance_id = ? ORDER BY s.position, s.rowid, o.position, o.rowid",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let objective = |o: DemoObjective| match o {
        DemoObjective::Strategic(i) => strategic.get(i).map(|id| ObjectiveRef {
            level: ObjectiveLevel::Strategic,
            id: id.clone(),
        }),
        DemoObjective::Operational(i) => operational.get(i).map(|id| ObjectiveRef {
            level: ObjectiveLevel::Operational,
            id: id.clone(),
        }),
    };
    let now = Utc::now();
    crate::evaluation::frame::put(
        conn,
        &EvaluationFrame {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft: demo.frame.validated()?,
        },
    )
    .await?;
    let mut position = 0u32;
    for indicator in &demo.indicators {
        let Some(objective) = objective(indicator.objective) else {
            continue;
        };
        let mut draft = indicator.draft.clone();
        draft.objective = objective;
        draft.owner_partner_id = indicator.owner.and_then(|i| partners.get(i).cloned());
        let record = Indicator {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            position,
            created_at: now,
            updated_at: now,
            draft: draft.validated()?,
        };
        crate::evaluation::indicators::insert(conn, &record).await?;
        position += 1;
        for m in &indicator.measurements {
            let mut draft = m.clone();
            draft.indicator_id = record.id.clone();
            let measurement = Measurement {
                id: new_id(),
                alliance_id: alliance_id.to_string(),
                created_at: now,
                updated_at: now,
                draft: draft.validated(record.draft.aggregation)?,
            };
            crate::evaluation::measurements::insert(conn, &measurement).await?;
        }
    }
    for gap in &demo.gap_analyses {
        let Some(objective) = objective(gap.objective) else {
            continue;
        };
        let mut draft = gap.draft.clone();
        draft.objective = objective;
        let record = GapAnalysis {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft: draft.validated()?,
        };
        crate::evaluation::gap_analyses::insert(conn, &record).await?;
    }
    Ok(())
}

impl Store {
    /// A new alliance of `actors` actors (1 to [`ALLIANCE_FILE_MAX_PARTNERS`], so that it
    /// exports into a file that imports), made by allia-core's seeded generator
    /// (`demo::scale::scaled_demo`: about 3.3 links per actor, every category and status,
    /// the candidates scored), in one transaction. Each call adds another alliance.
    ///
    /// # Errors
    /// A French error on `actors` outside 1 to 500; any database error (nothing stored).
    pub async fn create_scaled_demo(&self, actors: usize) -> StoreResult<Alliance> {
        if actors == 0 || actors > ALLIANCE_FILE_MAX_PARTNERS {
            let mut errors = allia_core::ValidationErrors::default();
            errors.push(
                "actors",
                format!(
                    "Le nombre d’acteurs va de 1 à {ALLIANCE_FILE_MAX_PARTNERS}\u{a0}: {actors} n’en fait pas partie."
                ),
            );
            return Err(errors.into());
        }
        let demo = scaled_demo(actors, SCALE_SEED);
        let alliance = demo.alliance.validated()?;
        let mut partners = Vec::with_capacity(demo.partners.len());
        for partner in &demo.partners {
            partners.push(partner.validated()?);
        }
        let mut tx = self.begin_write().await?;
        let id = crate::alliances::insert(&mut tx, &alliance).await?;
        let partner_ids = crate::partners::insert(&mut tx, &id, &partners).await?;
        insert_register(&mut tx, &id, &demo, partner_ids).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}
