//! The evaluation's records (guide section 4, « Évaluation continue de l’impact »): the
//! alliance's evaluation frame (its purposes and evaluative questions), the indicators
//! linked to objectives, their dated measurements and the gap analyses. Each stored
//! record carries its stable UUID `id`, its `alliance_id` and `created_at` / `updated_at`,
//! and travels in the alliance file with its id.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::kinds::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, GapDecision,
    IndicatorAggregation, IndicatorDirection, IndicatorLevel,
};
use crate::objectives::records::{figure, OBJECTIVE_SHORT_MAX};
use crate::objectives::ObjectiveRef;
use crate::validation::{
    is_record_id, optional_multiline_text, optional_text, plausible_date, text, ValidationErrors,
    LONG_TEXT_MAX,
};

/// Longest evaluative question or indicator name, in characters.
pub const EVALUATION_TEXT_MAX: usize = 300;
/// Most evaluative questions.
pub const QUESTIONS_MAX: usize = 30;
/// Most factors of one kind in a gap analysis.
pub const FACTORS_MAX: usize = 30;
/// Longest comment of a measurement, in characters.
pub const MEASUREMENT_COMMENT_MAX: usize = 1000;

/// The alliance's evaluation frame (one record per alliance).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationFrameDraft {
    /// The purposes chosen, each once, in [`EvaluationPurpose::ALL`]'s order.
    #[serde(default)]
    pub purposes: Vec<EvaluationPurpose>,
    /// The evaluative questions (« L’alliance atteint-elle ses objectifs ? »), one line each.
    #[serde(default)]
    pub questions: Vec<String>,
}

impl EvaluationFrameDraft {
    /// Orders the purposes and drops repeats, cleans the questions (empty ones dropped);
    /// field errors in French on `questions.<i>`, `questions`.
    pub fn validated(&self) -> Result<EvaluationFrameDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let purposes = EvaluationPurpose::ALL
            .iter()
            .copied()
            .filter(|p| self.purposes.contains(p))
            .collect();
        let mut questions = Vec::new();
        for (i, question) in self.questions.iter().enumerate() {
            let cleaned = text(
                &mut errors,
                &format!("questions.{i}"),
                question,
                None,
                EVALUATION_TEXT_MAX,
            );
            if !cleaned.is_empty() {
                questions.push(cleaned);
            }
        }
        if questions.len() > QUESTIONS_MAX {
            errors.push(
                "questions",
                crate::validation::too_many_message(
                    "questions évaluatives",
                    QUESTIONS_MAX,
                    questions.len(),
                ),
            );
        }
        errors.into_result(EvaluationFrameDraft {
            purposes,
            questions,
        })
    }
}

/// The stored evaluation frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationFrame {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: EvaluationFrameDraft,
}

/// What the user edits about an indicator (guide section 4, « La sélection des
/// indicateurs de suivi »). Values are in `unit`; a rate's unit is « % ».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorDraft {
    /// The objective measured, strategic or operational.
    pub objective: ObjectiveRef,
    /// One line, required (« Coûts administratifs des associations membres »).
    pub name: String,
    pub level: IndicatorLevel,
    /// Required (« % », « € », « bénéficiaires »…).
    pub unit: String,
    pub direction: IndicatorDirection,
    pub aggregation: IndicatorAggregation,
    pub baseline_value: f64,
    pub baseline_date: NaiveDate,
    pub target_value: f64,
    pub target_date: NaiveDate,
    pub frequency: CollectionFrequency,
    #[serde(default)]
    pub owner_partner_id: Option<String>,
    #[serde(default)]
    pub owner_person: Option<String>,
    pub data_source: DataSourceKind,
    /// The source's reference or link (« Base Sirene, INSEE, 2025 »).
    #[serde(default)]
    pub source_reference: Option<String>,
    pub method: AnalysisMethod,
    /// A key indicator gets its own chart in the evaluation report.
    #[serde(default)]
    pub key_indicator: bool,
}

impl Default for IndicatorDraft {
    fn default() -> Self {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        IndicatorDraft {
            objective: ObjectiveRef::default(),
            name: String::new(),
            level: IndicatorLevel::default(),
            unit: String::new(),
            direction: IndicatorDirection::default(),
            aggregation: IndicatorAggregation::default(),
            baseline_value: 0.0,
            baseline_date: day,
            target_value: 0.0,
            target_date: day,
            frequency: CollectionFrequency::default(),
            owner_partner_id: None,
            owner_person: None,
            data_source: DataSourceKind::default(),
            source_reference: None,
            method: AnalysisMethod::default(),
            key_indicator: false,
        }
    }
}

impl IndicatorDraft {
    /// Cleans the texts, checks the objective's id shape, the figures (finite, bounded),
    /// the dates (plausible, the target date after the baseline date), that the target
    /// differs from the baseline (progress is measured between them: equal, there is no
    /// way to say how far along the indicator is), that the direction agrees with them (a
    /// « lower is better » target below its baseline) and that a rate is in « % ». Field
    /// errors in French on `objective`, `name`, `unit`, `baselineValue`, `targetValue`,
    /// `baselineDate`, `targetDate`, `direction`, `ownerPartnerId`, `ownerPerson`,
    /// `sourceReference`.
    pub fn validated(&self) -> Result<IndicatorDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.objective.id) {
            errors.push(
                "objective",
                "Choisissez l’objectif que l’indicateur mesure.",
            );
        }
        let name = text(
            &mut errors,
            "name",
            &self.name,
            Some("le nom de l’indicateur"),
            EVALUATION_TEXT_MAX,
        );
        let unit = text(
            &mut errors,
            "unit",
            &self.unit,
            Some("l’unité (« % », « € », « bénéficiaires »…)"),
            OBJECTIVE_SHORT_MAX,
        );
        if self.aggregation == super::kinds::IndicatorAggregation::Rate
            && !unit.is_empty()
            && !super::units::is_percent(&unit)
        {
            errors.push("unit", "Un taux s’exprime en « % ».");
        }
        figure(&mut errors, "baselineValue", Some(self.baseline_value));
        figure(&mut errors, "targetValue", Some(self.target_value));
        plausible_date(
            &mut errors,
            "baselineDate",
            self.baseline_date,
            "Date de référence invalide.",
        );
        plausible_date(
            &mut errors,
            "targetDate",
            self.target_date,
            "Date cible invalide.",
        );
        if self.target_date <= self.baseline_date {
            errors.push(
                "targetDate",
                "La date cible doit suivre la date de la valeur de référence.",
            );
        }
        if self.target_value == self.baseline_value {
            errors.push(
                "targetValue",
                "La cible est égale à la valeur de référence\u{a0}: il n’y a pas de progrès à mesurer.",
            );
        } else if self.direction == IndicatorDirection::LowerIsBetter
            && self.target_value > self.baseline_value
        {
            errors.push(
                "direction",
                "« À la baisse »\u{a0}: la cible doit être inférieure à la valeur de référence.",
            );
        } else if self.direction == IndicatorDirection::HigherIsBetter
            && self.target_value < self.baseline_value
        {
            errors.push(
                "direction",
                "« À la hausse »\u{a0}: la cible doit être supérieure à la valeur de référence.",
            );
        }
        let owner_partner_id = self.owner_partner_id.clone().filter(|id| !id.is_empty());
        if let Some(id) = &owner_partner_id {
            if !is_record_id(id) {
                errors.push("ownerPartnerId", "Le partenaire responsable est inconnu.");
            }
        }
        let owner_person = optional_text(
            &mut errors,
            "ownerPerson",
            &self.owner_person,
            OBJECTIVE_SHORT_MAX,
        );
        let source_reference = optional_text(
            &mut errors,
            "sourceReference",
            &self.source_reference,
            EVALUATION_TEXT_MAX,
        );
        errors.into_result(IndicatorDraft {
            objective: self.objective.clone(),
            name,
            unit,
            owner_partner_id,
            owner_person,
            source_reference,
            ..self.clone()
        })
    }
}

/// A stored indicator. `position` counts from 0 in the alliance's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub id: String,
    pub alliance_id: String,
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: IndicatorDraft,
}

/// One dated measurement of an indicator. For a rate, `numerator` and `denominator` are
/// given and `value` is 100 × numerator / denominator (checked against them, to the
/// hundredth); for the other aggregations they are empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MeasurementDraft {
    pub indicator_id: String,
    pub date: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub numerator: Option<f64>,
    #[serde(default)]
    pub denominator: Option<f64>,
    #[serde(default)]
    pub comment: Option<String>,
    /// Where this figure comes from (a file, a survey's name).
    #[serde(default)]
    pub source: Option<String>,
}

impl MeasurementDraft {
    /// Cleans the texts and checks the value, the date and, for a rate (`aggregation`
    /// of the indicator measured), the numerator and denominator (both given, the
    /// denominator above 0, the numerator not above it — a rate is a share of a whole, at
    /// most 100 % —, the value their rate in %); field errors in French on
    /// `indicatorId`, `date`, `value`, `numerator`, `denominator`, `comment`, `source`.
    /// What depends on the indicator's dates and on today is [`Self::context_errors`].
    pub fn validated(
        &self,
        aggregation: IndicatorAggregation,
    ) -> Result<MeasurementDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.indicator_id) {
            errors.push("indicatorId", "Choisissez l’indicateur mesuré.");
        }
        plausible_date(
            &mut errors,
            "date",
            self.date,
            "Date de la mesure invalide.",
        );
        figure(&mut errors, "value", Some(self.value));
        let (mut numerator, mut denominator) = (None, None);
        let mut value = self.value;
        if aggregation == IndicatorAggregation::Rate {
            figure(&mut errors, "numerator", self.numerator);
            figure(&mut errors, "denominator", self.denominator);
            match (self.numerator, self.denominator) {
                (Some(n), Some(d)) if d > 0.0 && n > d => errors.push(
                    "numerator",
                    "Le numérateur d’un taux ne peut pas dépasser son dénominateur\u{a0}: un taux en % d’un tout ne dépasse pas 100\u{a0}%.",
                ),
                (Some(n), Some(d)) if d > 0.0 && n >= 0.0 => {
                    numerator = Some(n);
                    denominator = Some(d);
                    value = 100.0 * n / d;
                }
                (_, Some(d)) if d <= 0.0 => errors.push(
                    "denominator",
                    "Le dénominateur d’un taux doit être supérieur à 0.",
                ),
                (Some(n), _) if n < 0.0 => errors.push(
                    "numerator",
                    "Le numérateur d’un taux ne peut pas être négatif.",
                ),
                (None, _) => errors.push("numerator", "Indiquez le numérateur du taux."),
                (_, None) => errors.push("denominator", "Indiquez le dénominateur du taux."),
                _ => {}
            }
        }
        let comment = optional_multiline_text(
            &mut errors,
            "comment",
            &self.comment,
            MEASUREMENT_COMMENT_MAX,
        );
        let source = optional_text(&mut errors, "source", &self.source, EVALUATION_TEXT_MAX);
        errors.into_result(MeasurementDraft {
            indicator_id: self.indicator_id.clone(),
            date: self.date,
            value,
            numerator,
            denominator,
            comment,
            source,
        })
    }
}

impl MeasurementDraft {
    /// The checks a measurement needs its indicator and today for (run with
    /// [`Self::validated`], before storing a typed or imported measurement): its date not
    /// after `today` (a measurement records what happened) and not before the indicator's
    /// baseline date (the progress counts from it; an earlier figure belongs to the period
    /// before). French errors on `date`; empty when both hold.
    pub fn context_errors(&self, indicator: &IndicatorDraft, today: NaiveDate) -> ValidationErrors {
        let mut errors = ValidationErrors::default();
        if self.date > today {
            errors.push(
                "date",
                format!(
                    "La date de la mesure est dans le futur ({})\u{a0}: une mesure relève ce qui a eu lieu, au plus tard aujourd’hui ({}).",
                    super::units::format_date(self.date),
                    super::units::format_date(today)
                ),
            );
        } else if self.date < indicator.baseline_date {
            errors.push(
                "date",
                format!(
                    "La date de la mesure ({}) précède la date de référence de l’indicateur ({})\u{a0}: elle ne compterait pas dans son avancement.",
                    super::units::format_date(self.date),
                    super::units::format_date(indicator.baseline_date)
                ),
            );
        }
        errors
    }
}

/// A stored measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Measurement {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: MeasurementDraft,
}

/// « Analyse des écarts » for one objective (guide section 4: « les écarts entre
/// objectifs et résultats ; les facteurs d’influence positifs ou négatifs » and
/// « L’intégration des résultats de l’évaluation au pilotage stratégique »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GapAnalysisDraft {
    pub objective: ObjectiveRef,
    /// The day the team analysed the gap and decided.
    pub date: NaiveDate,
    /// One line each.
    #[serde(default)]
    pub positive_factors: Vec<String>,
    /// One line each.
    #[serde(default)]
    pub negative_factors: Vec<String>,
    pub decision: GapDecision,
    /// What the decision means in practice: multi-line, optional.
    #[serde(default)]
    pub decision_note: Option<String>,
}

impl GapAnalysisDraft {
    /// Cleans the factors (empty ones dropped) and the note, checks the date; field errors
    /// in French on `objective`, `date`, `positiveFactors.<i>`, `negativeFactors.<i>`,
    /// `decisionNote`.
    pub fn validated(&self) -> Result<GapAnalysisDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.objective.id) {
            errors.push("objective", "Choisissez l’objectif analysé.");
        }
        plausible_date(
            &mut errors,
            "date",
            self.date,
            "Date de l’analyse invalide.",
        );
        let positive_factors = factors(&mut errors, "positiveFactors", &self.positive_factors);
        let negative_factors = factors(&mut errors, "negativeFactors", &self.negative_factors);
        let decision_note = optional_multiline_text(
            &mut errors,
            "decisionNote",
            &self.decision_note,
            LONG_TEXT_MAX,
        );
        errors.into_result(GapAnalysisDraft {
            objective: self.objective.clone(),
            date: self.date,
            positive_factors,
            negative_factors,
            decision: self.decision,
            decision_note,
        })
    }
}

fn factors(errors: &mut ValidationErrors, field: &str, items: &[String]) -> Vec<String> {
    let mut kept = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let cleaned = text(
            errors,
            &format!("{field}.{i}"),
            item,
            None,
            EVALUATION_TEXT_MAX,
        );
        if !cleaned.is_empty() {
            kept.push(cleaned);
        }
    }
    if kept.len() > FACTORS_MAX {
        errors.push(
            field,
            crate::validation::too_many_message("facteurs", FACTORS_MAX, kept.len()),
        );
    }
    kept
}

/// A stored gap analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GapAnalysis {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: GapAnalysisDraft,
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;
