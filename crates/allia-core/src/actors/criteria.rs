//! The criteria candidates are scored on (guide step 3, « Réduire la sélection sur des
//! critères objectifs »: « évaluer la compatibilité stratégique des organisations et leur
//! capacité opérationnelle à servir le projet »), with their weights, and the rules for
//! editing them: add, rename, reweight, remove.
//!
//! The editing functions are pure: each takes the alliance's criteria and returns the
//! new list, or French field errors; the store saves the result.

use serde::{Deserialize, Serialize};

use crate::text::collation_key;
use crate::validation::{text, too_many_message, ValidationErrors};

/// Most criteria of one alliance: a matrix the screen can show and a person can fill.
pub const CRITERIA_MAX: usize = 20;
/// Highest weight of one criterion. With [`CRITERIA_MAX`] it bounds the sum of the
/// weights at 2 000, which keeps two different exact scores two different displayed
/// scores (see [`super::scoring`]).
pub const WEIGHT_MAX: u32 = 100;
/// Longest name of a criterion, in characters.
pub const CRITERION_NAME_MAX: usize = 80;

/// One criterion of the scoring matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    /// Stable within the alliance: a default criterion's slug ([`default_criteria`]) or
    /// the id the store gave an added one. Scores refer to it, so a rename keeps them.
    pub id: String,
    /// One line, unique in the alliance by [`collation_key`].
    pub name: String,
    /// 0 (does not count) to [`WEIGHT_MAX`]; a criterion of weight 0 needs no score.
    pub weight: u32,
}

/// The five criteria a new alliance starts with, in the guide's words. The two the guide
/// names as the aim of the selection (« la compatibilité stratégique des organisations et
/// leur capacité opérationnelle à servir le projet ») weigh 2, the three others 1. Their
/// ids are fixed slugs, the same in every alliance, so a file or the demo can name them.
pub fn default_criteria() -> Vec<Criterion> {
    [
        ("strategic_fit", "Compatibilité stratégique", 2),
        ("operational_capacity", "Capacité opérationnelle", 2),
        (
            "skills_complementarity",
            "Complémentarité des compétences",
            1,
        ),
        ("territorial_roots", "Ancrage territorial", 1),
        ("relational_proximity", "Proximité relationnelle", 1),
    ]
    .into_iter()
    .map(|(id, name, weight)| Criterion {
        id: id.to_string(),
        name: name.to_string(),
        weight,
    })
    .collect()
}

/// What the user edits about a criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CriterionDraft {
    pub name: String,
    pub weight: u32,
}

impl CriterionDraft {
    /// The draft cleaned ([`crate::text::clean`], trimmed) and checked against the other
    /// criteria of the alliance, `editing` being the id of the criterion it replaces
    /// (`None` for a new one).
    ///
    /// # Errors
    /// French field errors on `name` (missing, too long, a control character, the name of
    /// another criterion once case and accents are set aside) and `weight` (over
    /// [`WEIGHT_MAX`]).
    pub fn validated(
        &self,
        criteria: &[Criterion],
        editing: Option<&str>,
    ) -> Result<CriterionDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = text(
            &mut errors,
            "name",
            &self.name,
            Some("le nom du critère"),
            CRITERION_NAME_MAX,
        );
        let key = collation_key(&name);
        if let Some(other) = criteria.iter().find(|c| {
            Some(c.id.as_str()) != editing && !key.is_empty() && collation_key(&c.name) == key
        }) {
            errors.push(
                "name",
                format!(
                    "Un critère porte déjà ce nom\u{a0}: «\u{a0}{}\u{a0}».",
                    other.name
                ),
            );
        }
        if self.weight > WEIGHT_MAX {
            errors.push("weight", weight_message());
        }
        errors.into_result(CriterionDraft {
            name,
            weight: self.weight,
        })
    }
}

fn weight_message() -> String {
    format!("Le poids va de 0 (le critère ne compte pas) à {WEIGHT_MAX}.")
}

fn unknown(errors: &mut ValidationErrors) {
    errors.push("id", "Ce critère n’existe plus\u{a0}: rechargez la grille.");
}

/// The criteria with a new one, `id`, at the end.
///
/// # Errors
/// The draft's ([`CriterionDraft::validated`]); on `criteria` when there are already
/// [`CRITERIA_MAX`]; on `id` when it is empty or taken.
pub fn add_criterion(
    criteria: &[Criterion],
    id: &str,
    draft: &CriterionDraft,
) -> Result<Vec<Criterion>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if criteria.len() >= CRITERIA_MAX {
        errors.push(
            "criteria",
            too_many_message("critères", CRITERIA_MAX, criteria.len() + 1),
        );
        return Err(errors);
    }
    if id.trim().is_empty() || criteria.iter().any(|c| c.id == id) {
        errors.push("id", "Cet identifiant de critère est déjà pris.");
    }
    let draft = match draft.validated(criteria, None) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    let mut next = criteria.to_vec();
    if let Some(d) = draft {
        next.push(Criterion {
            id: id.to_string(),
            name: d.name,
            weight: d.weight,
        });
    }
    errors.into_result(next)
}

/// The criteria with `id` renamed and reweighted as `draft` says; its scores keep
/// their id, so they stay.
///
/// # Errors
/// The draft's ([`CriterionDraft::validated`]); on `id` when no criterion has it.
pub fn update_criterion(
    criteria: &[Criterion],
    id: &str,
    draft: &CriterionDraft,
) -> Result<Vec<Criterion>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let Some(place) = criteria.iter().position(|c| c.id == id) else {
        unknown(&mut errors);
        return Err(errors);
    };
    let draft = draft.validated(criteria, Some(id))?;
    let mut next = criteria.to_vec();
    next[place].name = draft.name;
    next[place].weight = draft.weight;
    Ok(next)
}

/// The criteria without `id` (its scores no longer count; the store deletes them).
///
/// # Errors
/// On `id` when no criterion has it; on `criteria` when it is the last one: a
/// ranking needs a criterion (add its replacement first).
pub fn remove_criterion(
    criteria: &[Criterion],
    id: &str,
) -> Result<Vec<Criterion>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if !criteria.iter().any(|c| c.id == id) {
        unknown(&mut errors);
    } else if criteria.len() == 1 {
        errors.push(
            "criteria",
            "Gardez au moins un critère\u{a0}: ajoutez celui qui le remplace avant de le retirer.",
        );
    }
    errors.into_result(criteria.iter().filter(|c| c.id != id).cloned().collect())
}

/// Checks a whole list read at once (an alliance file, stored rows): at most
/// [`CRITERIA_MAX`], ids present and distinct, each name and weight as
/// [`CriterionDraft::validated`] wants them; returns the list with its names cleaned.
/// An empty list is accepted (an alliance that has not scored anyone yet).
///
/// # Errors
/// French field errors on `criteria.N.id`, `criteria.N.name`, `criteria.N.weight` (N
/// counted from 1), or on `criteria` for the count.
pub fn validate_criteria(criteria: &[Criterion]) -> Result<Vec<Criterion>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if criteria.len() > CRITERIA_MAX {
        errors.push(
            "criteria",
            too_many_message("critères", CRITERIA_MAX, criteria.len()),
        );
        return Err(errors);
    }
    let mut kept: Vec<Criterion> = Vec::with_capacity(criteria.len());
    for (i, c) in criteria.iter().enumerate() {
        let prefix = format!("criteria.{}", i + 1);
        if c.id.trim().is_empty() || kept.iter().any(|k| k.id == c.id) {
            errors.push(
                format!("{prefix}.id"),
                "Identifiant de critère manquant ou en double.",
            );
        }
        let draft = CriterionDraft {
            name: c.name.clone(),
            weight: c.weight,
        };
        match draft.validated(&kept, None) {
            Ok(d) => kept.push(Criterion {
                id: c.id.clone(),
                name: d.name,
                weight: d.weight,
            }),
            Err(e) => errors.extend_prefixed(&prefix, e),
        }
    }
    errors.into_result(kept)
}

#[cfg(test)]
#[path = "criteria_tests.rs"]
mod tests;
