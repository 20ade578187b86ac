//! An indicator's dated measurements: what the user edits, its check against the
//! indicator's aggregation, and the stored record.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::evaluation::kinds::IndicatorAggregation;
use crate::objectives::records::figure;
use crate::validation::{
    is_record_id, optional_multiline_text, optional_text, plausible_date, ValidationErrors,
};

use super::{IndicatorDraft, EVALUATION_TEXT_MAX, MEASUREMENT_COMMENT_MAX};

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
                    crate::evaluation::units::format_date(self.date),
                    crate::evaluation::units::format_date(today)
                ),
            );
        } else if self.date < indicator.baseline_date {
            errors.push(
                "date",
                format!(
                    "La date de la mesure ({}) précède la date de référence de l’indicateur ({})\u{a0}: elle ne compterait pas dans son avancement.",
                    crate::evaluation::units::format_date(self.date),
                    crate::evaluation::units::format_date(indicator.baseline_date)
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
