//! Tests of the designation rule: [`heads`] (names that start with a head noun),
//! [`names`] (proper names, acronyms, names with their own article), [`grammar`]
//! (agreements, contractions, the example sentence); the type's validation here.

use super::*;
use crate::partner::ActorType;

mod grammar;
mod heads;
mod names;
mod trial;

fn check(
    name: &str,
    acronym: Option<&str>,
    actor: ActorType,
    expected: (Article, Gender, GrammaticalNumber, &str),
) {
    let d = propose(name, acronym, actor);
    assert_eq!(
        (d.article, d.gender, d.number, d.short_name.as_str()),
        expected,
        "{name}"
    );
}

#[test]
fn a_short_name_is_required_and_capped() {
    let ok = Designation {
        short_name: "  le Département ".into(),
        ..Designation::default()
    }
    .validated()
    .expect("valid");
    assert_eq!(ok.short_name, "le Département");
    let err = Designation::default().validated().expect_err("empty");
    assert_eq!(err.0[0].field, "shortName");
    assert_eq!(
        err.0[0].message,
        "Indiquez le nom court utilisé dans les contrats."
    );
    let err = Designation {
        short_name: "é".repeat(SHORT_NAME_MAX + 1),
        ..Designation::default()
    }
    .validated()
    .expect_err("long");
    assert_eq!(err.0[0].field, "shortName");
    let err = Designation {
        short_name: "la\u{7}Commune".into(),
        ..Designation::default()
    }
    .validated()
    .expect_err("control");
    assert_eq!(err.0.len(), 1);
}
