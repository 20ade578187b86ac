//! Deleting an objective (issue 12, item 8: « never orphans »). A strategic objective
//! goes with its operational objectives; the indicators of every objective deleted follow
//! the fate the person chose (allia-core's `IndicatorFate`): the deletion is refused
//! while there are some (the message says how many, so the screen asks), or they are
//! deleted with their measurements, or moved to another objective of the alliance that is
//! not being deleted. Gaps, gap analyses and partner links go by cascade. One
//! transaction; the indicators' foreign keys (NO ACTION) make any slip fail whole.

use allia_core::objectives::{IndicatorFate, ObjectiveLevel, ObjectiveRef};
use allia_core::ValidationErrors;
use chrono::Utc;
use sqlx::SqliteConnection;

use super::{ensure_alliance, operational, strategic};
use crate::error::StoreResult;
use crate::store::Store;
use crate::StoreError;

/// The ids an objective's deletion removes: the strategic ones and the operational ones.
struct Doomed {
    strategic: Option<String>,
    operational: Vec<String>,
}

impl Doomed {
    fn contains(&self, target: &ObjectiveRef) -> bool {
        match target.level {
            ObjectiveLevel::Strategic => self.strategic.as_deref() == Some(target.id.as_str()),
            ObjectiveLevel::Operational => self.operational.contains(&target.id),
        }
    }
}

/// The condition naming the indicators of the doomed objectives, and its binds.
fn indicator_filter(doomed: &Doomed) -> (String, Vec<String>) {
    let mut binds = Vec::new();
    let mut parts = Vec::new();
    if let Some(id) = &doomed.strategic {
        parts.push("strategic_objective_id = ?".to_string());
        binds.push(id.clone());
    }
    if !doomed.operational.is_empty() {
        let marks = vec!["?"; doomed.operational.len()].join(", ");
        parts.push(format!("operational_objective_id IN ({marks})"));
        binds.extend(doomed.operational.iter().cloned());
    }
    (parts.join(" OR "), binds)
}

/// The French refusal while `count` indicators measure what is being deleted.
fn refusal(level: ObjectiveLevel, has_children: bool, count: usize) -> StoreError {
    let what = match (level, has_children) {
        (ObjectiveLevel::Strategic, true) => {
            "Cet objectif stratégique et ses objectifs opérationnels sont mesurés"
        }
        (ObjectiveLevel::Strategic, false) => "Cet objectif stratégique est mesuré",
        (ObjectiveLevel::Operational, _) => "Cet objectif opérationnel est mesuré",
    };
    let indicators = if count == 1 {
        "1\u{a0}indicateur".to_string()
    } else {
        format!("{count}\u{a0}indicateurs")
    };
    StoreError::Refused(format!(
        "{what} par {indicators}\u{a0}: choisissez de les supprimer avec leurs mesures ou de les rattacher à un autre objectif."
    ))
}

fn bad_target(message: &str) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push("fate", message);
    errors.into()
}

/// Checks that `target` exists in the alliance and is not being deleted.
async fn check_target(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    target: &ObjectiveRef,
    doomed: &Doomed,
) -> StoreResult<()> {
    if doomed.contains(target) {
        return Err(bad_target(
            "Les indicateurs ne peuvent pas être rattachés à un objectif supprimé en même temps\u{a0}: choisissez-en un autre.",
        ));
    }
    let found = match target.level {
        ObjectiveLevel::Strategic => strategic::of_alliance(conn, alliance_id, &target.id)
            .await
            .map(|_| ()),
        ObjectiveLevel::Operational => operational::of_alliance(conn, alliance_id, &target.id)
            .await
            .map(|_| ()),
    };
    match found {
        Err(StoreError::NotFound(_)) => Err(bad_target(
            "L’objectif choisi pour recevoir les indicateurs n’existe pas (ou plus) dans cette alliance.",
        )),
        other => other,
    }
}

impl Store {
    /// Deletes an objective of the alliance: a strategic one with its operational
    /// objectives, their gaps, gap analyses and partner links. The indicators of every
    /// objective deleted follow `fate`: `Refuse` refuses the deletion while there are
    /// some (`StoreError::Refused`, saying how many), `Delete` deletes them with their
    /// measurements, `MoveTo(target)` moves them to `target`, which must be an objective
    /// of the alliance not being deleted (else a field error on `fate`). The positions
    /// left close their gap. One transaction. `NotFound(Alliance)`,
    /// `NotFound(StrategicObjective)`, `NotFound(OperationalObjective)`.
    pub async fn delete_objective(
        &self,
        alliance_id: &str,
        objective: &ObjectiveRef,
        fate: &IndicatorFate,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let (doomed, parent) = match objective.level {
            ObjectiveLevel::Strategic => {
                let found = strategic::of_alliance(&mut tx, alliance_id, &objective.id).await?;
                let children: Vec<String> = sqlx::query_scalar(
                    "SELECT id FROM operational_objective WHERE strategic_objective_id = ?",
                )
                .bind(&found.id)
                .fetch_all(&mut *tx)
                .await?;
                let doomed = Doomed {
                    strategic: Some(found.id),
                    operational: children,
                };
                (doomed, None)
            }
            ObjectiveLevel::Operational => {
                let found = operational::of_alliance(&mut tx, alliance_id, &objective.id).await?;
                let doomed = Doomed {
                    strategic: None,
                    operational: vec![found.id],
                };
                (doomed, Some(found.draft.strategic_objective_id))
            }
        };
        if let IndicatorFate::MoveTo(target) = fate {
            check_target(&mut tx, alliance_id, target, &doomed).await?;
        }
        let (filter, binds) = indicator_filter(&doomed);
        let count_sql = format!("SELECT COUNT(*) FROM indicator WHERE {filter}");
        let mut count = sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql));
        for bind in &binds {
            count = count.bind(bind);
        }
        let count: i64 = count.fetch_one(&mut *tx).await?;
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        if count > 0 {
            match fate {
                IndicatorFate::Refuse => {
                    let has_children = doomed.strategic.is_some() && !doomed.operational.is_empty();
                    return Err(refusal(objective.level, has_children, count));
                }
                IndicatorFate::Delete => {
                    let sql = format!("DELETE FROM indicator WHERE {filter}");
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                    for bind in &binds {
                        query = query.bind(bind);
                    }
                    query.execute(&mut *tx).await?;
                }
                IndicatorFate::MoveTo(target) => {
                    let (strategic_id, operational_id) = match target.level {
                        ObjectiveLevel::Strategic => (Some(target.id.as_str()), None),
                        ObjectiveLevel::Operational => (None, Some(target.id.as_str())),
                    };
                    let sql = format!(
                        "UPDATE indicator SET strategic_objective_id = ?, \
                         operational_objective_id = ?, updated_at = ? WHERE {filter}"
                    );
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind(strategic_id)
                        .bind(operational_id)
                        .bind(Utc::now());
                    for bind in &binds {
                        query = query.bind(bind);
                    }
                    query.execute(&mut *tx).await?;
                }
            }
        }
        match objective.level {
            ObjectiveLevel::Strategic => {
                sqlx::query("DELETE FROM strategic_objective WHERE id = ?")
                    .bind(&objective.id)
                    .execute(&mut *tx)
                    .await?;
                let order: Vec<String> = strategic::list(&mut tx, alliance_id)
                    .await?
                    .into_iter()
                    .map(|o| o.id)
                    .collect();
                strategic::renumber(&mut tx, &order).await?;
            }
            ObjectiveLevel::Operational => {
                sqlx::query("DELETE FROM operational_objective WHERE id = ?")
                    .bind(&objective.id)
                    .execute(&mut *tx)
                    .await?;
                if let Some(parent) = parent {
                    operational::compact(&mut tx, &parent).await?;
                }
            }
        }
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
