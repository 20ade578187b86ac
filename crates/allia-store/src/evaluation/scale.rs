//! The large evaluation of `allia demo --indicators N --months M`, for the benchmarks
//! (issue 12: 60 indicators with five years of monthly measurements, 3,600 points): an
//! alliance's evaluation made of N indicators, each measured at the end of each of the M
//! months up to 30 November 2026, on strategic objectives of ten indicators each, toward
//! a target a year later (30 November 2027). Every level, aggregation and direction
//! comes round in turn, and the indicators keep to their trajectory at three paces, so
//! that the overview shows every status (as of December 2026). The same
//! figures at every run.

use allia_core::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationFrameDraft, EvaluationPurpose,
    Indicator, IndicatorAggregation, IndicatorDirection, IndicatorDraft, IndicatorLevel,
    Measurement, MeasurementDraft,
};
use allia_core::objectives::{
    ObjectiveLevel, ObjectiveRef, StrategicObjective, StrategicObjectiveDraft,
};
use allia_core::{Alliance, AllianceDraft, ValidationErrors};
use chrono::{Datelike, Months, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::{new_id, Store};

/// Most indicators of a large evaluation (the alliance file's limit).
pub const SCALE_INDICATORS_MAX: usize = allia_core::alliance_file::ALLIANCE_FILE_MAX_INDICATORS;
/// Most months of measurements (ten years).
pub const SCALE_MONTHS_MAX: usize = 120;
/// Indicators per strategic objective.
const PER_OBJECTIVE: usize = 10;

/// The last measurement's day: 30 November 2026.
fn last_month_end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

/// The end of the month `back` months before November 2026 (0: 30 November 2026).
fn month_end(back: usize) -> NaiveDate {
    let first_of_december = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let first = first_of_december
        .checked_sub_months(Months::new(u32::try_from(back).unwrap_or(0)))
        .unwrap_or(first_of_december);
    first.pred_opt().unwrap_or(first)
}

/// Indicator `i` of `months` months: its draft (objective and owner given by the caller)
/// and its measurements (indicator id empty), by date.
fn scaled_indicator(i: usize, months: usize) -> (IndicatorDraft, Vec<MeasurementDraft>) {
    let aggregation = IndicatorAggregation::ALL[i % IndicatorAggregation::ALL.len()];
    let level = IndicatorLevel::ALL[(i / 4) % IndicatorLevel::ALL.len()];
    // Three paces: on the trajectory, somewhat behind, far behind.
    let pace = [1.0, 0.8, 0.55][(i / 2) % 3];
    let lower = aggregation == IndicatorAggregation::Average && i % 8 == 3;
    let first = month_end(months - 1);
    let baseline_date = first.with_day0(0).unwrap_or(first);
    // The target comes a year after the last measurement, so that every indicator is
    // still on its way and the trajectory decides its status.
    let span = (months + 12) as f64;
    let target_date = last_month_end()
        .checked_add_months(Months::new(12))
        .unwrap_or_else(last_month_end);
    let (unit, baseline, target) = match aggregation {
        IndicatorAggregation::Cumulative => ("bénéficiaires", 0.0, 10.0 * span),
        IndicatorAggregation::PerPeriod => ("heures", 0.0, 20.0 * span),
        IndicatorAggregation::Rate => ("%", 50.0, 80.0),
        IndicatorAggregation::Average if lower => ("points", 8.0, 4.0),
        IndicatorAggregation::Average => ("points", 5.0, 8.0),
    };
    let draft = IndicatorDraft {
        objective: ObjectiveRef::default(),
        name: format!(
            "Indicateur d’essai {} ({})",
            i + 1,
            level.label().to_lowercase()
        ),
        level,
        unit: unit.into(),
        direction: if lower {
            IndicatorDirection::LowerIsBetter
        } else {
            IndicatorDirection::HigherIsBetter
        },
        aggregation,
        baseline_value: baseline,
        baseline_date,
        target_value: target,
        target_date,
        frequency: CollectionFrequency::Monthly,
        owner_partner_id: None,
        owner_person: None,
        data_source: DataSourceKind::ALL[i % DataSourceKind::ALL.len()],
        source_reference: Some(format!("Relevé d’essai n°\u{a0}{}", i + 1)),
        method: AnalysisMethod::Quantitative,
        key_indicator: i.is_multiple_of(PER_OBJECTIVE),
    };
    let measurements = (0..months)
        .map(|k| {
            let share = (k + 1) as f64 / span;
            // A small deterministic wobble, so that the lines are not straight.
            let wobble = (((k * 7 + i * 3) % 5) as f64 - 2.0) / 100.0;
            let mut m = MeasurementDraft {
                indicator_id: String::new(),
                date: month_end(months - 1 - k),
                value: 0.0,
                numerator: None,
                denominator: None,
                comment: None,
                source: None,
            };
            match aggregation {
                IndicatorAggregation::Cumulative => {
                    m.value = (target * share * (pace + wobble)).max(0.0).round();
                }
                IndicatorAggregation::PerPeriod => {
                    m.value = (20.0 * (pace + wobble)).max(0.0).round();
                }
                IndicatorAggregation::Rate => {
                    let elapsed = months as f64 / span;
                    let rate = 0.5 + 0.3 * (elapsed * (pace + wobble)).clamp(0.0, 1.0);
                    let denominator = 20.0 + (k % 7) as f64;
                    let numerator = (denominator * rate).round().min(denominator);
                    m.numerator = Some(numerator);
                    m.denominator = Some(denominator);
                    m.value = 100.0 * numerator / denominator;
                }
                IndicatorAggregation::Average => {
                    // The mean of the months reaches the target at the pace given.
                    let path = baseline + (target - baseline) * 2.0 * share * (pace + wobble);
                    m.value = (path.max(0.0) * 10.0).round() / 10.0;
                }
            }
            m
        })
        .collect();
    (draft, measurements)
}

/// Adds the large evaluation to `alliance_id` in the caller's transaction: the frame,
/// ⌈N / 10⌉ strategic objectives after the alliance's, N indicators after its own, and
/// N × M measurements. Each record is validated by allia-core first; the responsible
/// partners are the alliance's partners in turn, when it has any.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    indicators: usize,
    months: usize,
) -> StoreResult<()> {
    let now = Utc::now();
    let partners: Vec<String> = crate::partners::list(conn, alliance_id)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    crate::evaluation::frame::put(
        conn,
        &allia_core::evaluation::EvaluationFrame {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft: EvaluationFrameDraft {
                purposes: vec![EvaluationPurpose::Track],
                questions: vec!["L’alliance atteint-elle ses objectifs\u{a0}?".into()],
            }
            .validated()?,
        },
    )
    .await?;
    let strategic_before: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM strategic_objective WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_one(&mut *conn)
            .await?;
    let indicators_before: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM indicator WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_one(&mut *conn)
            .await?;
    let mut objective = ObjectiveRef::default();
    for i in 0..indicators {
        if i.is_multiple_of(PER_OBJECTIVE) {
            let record = StrategicObjective {
                id: new_id(),
                alliance_id: alliance_id.to_string(),
                position: u32::try_from(strategic_before).unwrap_or(0)
                    + u32::try_from(i / PER_OBJECTIVE).unwrap_or(0),
                created_at: now,
                updated_at: now,
                draft: StrategicObjectiveDraft {
                    title: format!("Objectif d’essai {}", i / PER_OBJECTIVE + 1),
                    ..StrategicObjectiveDraft::default()
                }
                .validated()?,
            };
            crate::objectives::strategic::insert(conn, &record).await?;
            objective = ObjectiveRef {
                level: ObjectiveLevel::Strategic,
                id: record.id,
            };
        }
        let (mut draft, measurements) = scaled_indicator(i, months);
        draft.objective = objective.clone();
        if !partners.is_empty() {
            draft.owner_partner_id = partners.get(i % partners.len()).cloned();
        }
        let record = Indicator {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            position: u32::try_from(indicators_before).unwrap_or(0) + u32::try_from(i).unwrap_or(0),
            created_at: now,
            updated_at: now,
            draft: draft.validated()?,
        };
        crate::evaluation::indicators::insert(conn, &record).await?;
        for mut m in measurements {
            m.indicator_id = record.id.clone();
            let measurement = Measurement {
                id: new_id(),
                alliance_id: alliance_id.to_string(),
                created_at: now,
                updated_at: now,
                draft: m.validated(record.draft.aggregation)?,
            };
            crate::evaluation::measurements::insert(conn, &measurement).await?;
        }
    }
    Ok(())
}

/// A French error on `field` when `n` is outside 1 to `max`.
fn check_count(n: usize, max: usize, field: &str, what: &str) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if n == 0 || n > max {
        errors.push(
            field,
            format!("Le nombre {what} va de 1 à {max}\u{a0}: {n} n’en fait pas partie."),
        );
    }
    errors.into_result(())
}

impl Store {
    /// A new alliance « Évaluation à grande échelle (N indicateurs × M mois) » holding a
    /// large evaluation for the benchmarks:
    /// `indicators` indicators (1 to [`SCALE_INDICATORS_MAX`]) on strategic objectives of
    /// ten each, measured at the end of each of `months` months (1 to
    /// [`SCALE_MONTHS_MAX`]) up to 30 November 2026 toward targets on 30 November 2027,
    /// every level, aggregation and
    /// direction in turn, on and off their trajectory; in one transaction, the same
    /// figures at every call. Each call adds another alliance.
    ///
    /// # Errors
    /// A French error on `indicators` or `months` out of range; any database error
    /// (nothing stored).
    pub async fn create_scaled_evaluation(
        &self,
        indicators: usize,
        months: usize,
    ) -> StoreResult<Alliance> {
        check_count(
            indicators,
            SCALE_INDICATORS_MAX,
            "indicators",
            "d’indicateurs",
        )?;
        check_count(months, SCALE_MONTHS_MAX, "months", "de mois")?;
        let alliance = AllianceDraft {
            name: format!(
                "Évaluation à grande échelle ({indicators}\u{a0}indicateurs × {months}\u{a0}mois)"
            ),
            purpose: Some(
                "Alliance d’essai pour mesurer la tenue de l’évaluation avec beaucoup d’indicateurs et de mesures."
                    .into(),
            ),
            ..AllianceDraft::default()
        }
        .validated()?;
        let mut tx = self.begin_write().await?;
        let id = crate::alliances::insert(&mut tx, &alliance).await?;
        insert(&mut tx, &id, indicators, months).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }

    /// Adds to alliance `alliance_id` the large evaluation of
    /// [`Store::create_scaled_evaluation`], after its own objectives and indicators.
    ///
    /// # Errors
    /// As [`Store::create_scaled_evaluation`]; `NotFound(Alliance)`.
    pub async fn add_scaled_evaluation(
        &self,
        alliance_id: &str,
        indicators: usize,
        months: usize,
    ) -> StoreResult<Alliance> {
        check_count(
            indicators,
            SCALE_INDICATORS_MAX,
            "indicators",
            "d’indicateurs",
        )?;
        check_count(months, SCALE_MONTHS_MAX, "months", "de mois")?;
        let mut tx = self.begin_write().await?;
        super::ensure_alliance(&mut tx, alliance_id).await?;
        insert(&mut tx, alliance_id, indicators, months).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        self.alliance(alliance_id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scaled_indicator_and_measurement_is_valid() {
        let id = "00000000-0000-4000-8000-000000000000";
        for months in [1, 12, 60, SCALE_MONTHS_MAX] {
            for i in 0..24 {
                let (mut draft, measurements) = scaled_indicator(i, months);
                draft.objective.id = id.into();
                let draft = draft.validated().expect("indicator");
                assert_eq!(measurements.len(), months);
                assert_eq!(measurements.last().map(|m| m.date), Some(last_month_end()));
                assert!(measurements
                    .first()
                    .is_some_and(|m| m.date > draft.baseline_date));
                for mut m in measurements {
                    m.indicator_id = id.into();
                    m.validated(draft.aggregation).expect("measurement");
                }
            }
        }
        assert_eq!(
            month_end(2),
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap_or_default()
        );
        assert_eq!(
            month_end(9),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap_or_default()
        );
    }
}
