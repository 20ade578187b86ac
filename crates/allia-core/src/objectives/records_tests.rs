use super::*;
use crate::objectives::kinds::CooperationDimension;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

#[test]
fn the_vision_looks_one_to_ten_years_ahead() {
    let today = day(2026, 12, 1);
    let frame = |year| ObjectivesFrameDraft {
        horizon_year: Some(year),
        ..ObjectivesFrameDraft::default()
    };
    assert!(frame(2030).horizon_errors(today).is_empty());
    assert!(frame(2027).horizon_errors(today).is_empty());
    assert!(frame(2036).horizon_errors(today).is_empty());
    for year in [2026, 2020, 2037] {
        let errors = frame(year).horizon_errors(today);
        assert_eq!(errors.0[0].field, "horizonYear", "{year}");
        assert!(errors.0[0].message.contains("entre 2027 et 2036"), "{year}");
    }
    assert!(ObjectivesFrameDraft::default()
        .horizon_errors(today)
        .is_empty());
}

#[test]
fn an_operational_objective_needs_its_wording_a_partner_and_dates_in_order() {
    let errors = OperationalObjectiveDraft {
        strategic_objective_id: "nope".into(),
        start_date: Some(day(2026, 6, 1)),
        due_date: Some(day(2026, 1, 1)),
        target_value: Some(f64::NAN),
        ..OperationalObjectiveDraft::default()
    }
    .validated()
    .expect_err("refused");
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    for field in [
        "strategicObjectiveId",
        "wording",
        "partnerIds",
        "targetValue",
        "dueDate",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
}

#[test]
fn a_custom_dimension_is_named() {
    let draft = OperationalObjectiveDraft {
        dimension: CooperationDimension::Other,
        custom_dimension: Some("  Plaidoyer  ".into()),
        ..OperationalObjectiveDraft::default()
    };
    assert_eq!(draft.dimension_label(), "  Plaidoyer  ");
    let errors = OperationalObjectiveDraft {
        dimension: CooperationDimension::Other,
        ..OperationalObjectiveDraft::default()
    }
    .validated()
    .expect_err("refused");
    assert!(errors.0.iter().any(|e| e.field == "customDimension"));
}
