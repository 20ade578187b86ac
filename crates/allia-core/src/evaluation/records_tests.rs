use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
}

const ID: &str = "20000000-0000-4000-8000-000000000001";

fn measurement(date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: ID.into(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

fn fields(errors: &ValidationErrors) -> Vec<(&str, &str)> {
    errors
        .0
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect()
}

#[test]
fn a_rates_numerator_cannot_pass_its_denominator() {
    let rate = |n: f64, d: f64| MeasurementDraft {
        numerator: Some(n),
        denominator: Some(d),
        ..measurement(day(2026, 3, 1), 100.0 * n / d)
    };
    let errors = rate(120.0, 100.0)
        .validated(IndicatorAggregation::Rate)
        .expect_err("120 of 100 is refused");
    assert_eq!(
        fields(&errors),
        [(
            "numerator",
            "Le numérateur d’un taux ne peut pas dépasser son dénominateur\u{a0}: un taux en % d’un tout ne dépasse pas 100\u{a0}%."
        )]
    );
    // 100 % is the whole: allowed, and so is 0 %.
    let whole = rate(100.0, 100.0)
        .validated(IndicatorAggregation::Rate)
        .expect("100 of 100");
    assert_eq!(whole.value, 100.0);
    assert!(rate(0.0, 7.0).validated(IndicatorAggregation::Rate).is_ok());
    // Not a rate: the figures are any figures.
    assert!(measurement(day(2026, 3, 1), 250.0)
        .validated(IndicatorAggregation::Cumulative)
        .is_ok());
}

#[test]
fn a_measurement_in_the_future_or_before_the_baseline_is_refused_on_its_date() {
    let indicator = IndicatorDraft {
        baseline_date: day(2026, 1, 1),
        target_date: day(2026, 12, 31),
        ..IndicatorDraft::default()
    };
    let today = day(2026, 12, 1);
    for ok in [day(2026, 1, 1), day(2026, 6, 15), today] {
        assert!(
            measurement(ok, 1.0)
                .context_errors(&indicator, today)
                .is_empty(),
            "{ok}"
        );
    }
    let future = measurement(day(2026, 12, 2), 1.0).context_errors(&indicator, today);
    assert_eq!(
        fields(&future),
        [(
            "date",
            "La date de la mesure est dans le futur (2\u{a0}décembre 2026)\u{a0}: une mesure relève ce qui a eu lieu, au plus tard aujourd’hui (1er\u{a0}décembre 2026)."
        )]
    );
    let before = measurement(day(2025, 12, 31), 1.0).context_errors(&indicator, today);
    assert_eq!(
        fields(&before),
        [(
            "date",
            "La date de la mesure (31\u{a0}décembre 2025) précède la date de référence de l’indicateur (1er\u{a0}janvier 2026)\u{a0}: elle ne compterait pas dans son avancement."
        )]
    );
}
