//! The French helpers clause texts call, beyond the plain formatting ones: a party's
//! designated name and its grammar (`designated`, `of`, `to`, `agree`, `pronoun`), lists
//! of parties (`of_list`, `names`), dates (`date`) and annex numbers (`annex`).

use chrono::NaiveDate;
use minijinja::value::Value;
use minijinja::{Error, ErrorKind, State};

use allia_core::designation::{of_designated, Gender, GrammaticalNumber};

use super::super::typography::{format_date, join_fr};

pub(super) fn date_filter(value: &str) -> Result<String, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(format_date)
        .or_else(|_| {
            // Already formatted dates (« 1er décembre 2025 ») pass through.
            if value.chars().any(char::is_alphabetic) {
                Ok(value.to_string())
            } else {
                Err(Error::new(
                    ErrorKind::InvalidOperation,
                    "date attendue (AAAA-MM-JJ)",
                ))
            }
        })
}

/// The gender and number of a party (its `gender` and `number` fields); a value that is
/// not a party is an error of the clause text.
pub(super) fn grammar_of(party: &Value) -> Result<(Gender, GrammaticalNumber), Error> {
    let field = |name: &str| {
        party
            .get_attr(name)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let gender = match field("gender").as_deref() {
        Some("masculine") => Gender::Masculine,
        Some("feminine") => Gender::Feminine,
        _ => return Err(not_a_party()),
    };
    let number = match field("number").as_deref() {
        Some("plural") => GrammaticalNumber::Plural,
        Some("singular") => GrammaticalNumber::Singular,
        _ => return Err(not_a_party()),
    };
    Ok((gender, number))
}

fn not_a_party() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        "une partie est attendue (party, lead ou parties[n])",
    )
}

/// The designated name of a party (« le Département d’Indre-et-Loire »); a text that is
/// the name of one of the document's `parties` (an item of `public_funders`) gets that
/// party's designated name; any other text is taken as already designated.
pub(super) fn designated(state: &State, value: &Value) -> String {
    let own = |party: &Value| {
        party
            .get_attr("designated_name")
            .ok()
            .and_then(|name| name.as_str().map(str::to_string))
    };
    if let Some(name) = own(value) {
        return name;
    }
    let text = value.to_string();
    let parties = state.lookup("parties");
    let found = parties
        .as_ref()
        .and_then(|parties| parties.try_iter().ok())
        .and_then(|mut parties| {
            parties.find(|p| {
                p.get_attr("name")
                    .ok()
                    .is_some_and(|name| name.as_str() == Some(text.as_str()))
            })
        });
    found.as_ref().and_then(own).unwrap_or(text)
}

/// « de » + each party or name, contracted, joined the French way: « du Département
/// d’Indre-et-Loire et de la Commune de Tours ».
pub(super) fn of_list(state: &State, items: Vec<Value>) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|v| of_designated(&designated(state, v)))
        .collect();
    join_fr(&items)
}

/// Each party or name with its article, joined the French way: « le Département
/// d’Indre-et-Loire et la Commune de Tours ».
pub(super) fn names(state: &State, items: Vec<Value>) -> String {
    let items: Vec<String> = items.iter().map(|v| designated(state, v)).collect();
    join_fr(&items)
}

/// The number of the annex `id` in the context's `annexes` (a list of `{id, number}`).
pub(super) fn annex_number(state: &State, id: &str) -> Option<i64> {
    let annexes = state.lookup("annexes")?;
    let mut items = annexes.try_iter().ok()?;
    let annex = items.find(|a| {
        a.get_attr("id")
            .ok()
            .is_some_and(|v| v.as_str() == Some(id))
    })?;
    annex.get_attr("number").ok()?.as_i64()
}
