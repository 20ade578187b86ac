//! When two organisations look like the same one (issue 10, item 3): the rule that makes
//! the app ask before a partner is saved or an alliance file imported, never a merge.
//!
//! Identities are explicit in Allia: whether a partner is the user's own association is a
//! link the user sets ([`crate::PartnerDraft::own_association`]), never a comparison of
//! names. This rule only raises the question, with both organisations side by side.

use serde::{Deserialize, Serialize};

use crate::organisation::Organisation;
use crate::partner::Partner;
use crate::text::collation_key;

/// Why two organisations look like the same one, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum SuspicionReason {
    /// Both have the same 14-digit SIRET (the same establishment).
    SameSiret,
    /// Both have a SIREN or SIRET whose first 9 digits (the SIREN) are equal.
    SameSiren,
    /// Both have the same RNA number.
    SameRna,
    /// Same name and same city, compared without case, accents, ligatures or punctuation.
    SameNameAndCity,
    /// Same name (compared the same way), and the city missing on one side or both:
    /// nothing tells them apart (register actors are often typed without a city).
    SameNameNoCity,
}

impl SuspicionReason {
    /// The reason in French, as the question shows it (« même numéro RNA »).
    pub fn label(self) -> &'static str {
        match self {
            Self::SameSiret => "même numéro SIRET",
            Self::SameSiren => "même numéro SIREN",
            Self::SameRna => "même numéro RNA",
            Self::SameNameAndCity => "même nom et même commune",
            Self::SameNameNoCity => "même nom, sans ville pour les distinguer",
        }
    }
}

/// Two organisations look like the same one: the reason, with its French label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Suspicion {
    pub reason: SuspicionReason,
    /// [`SuspicionReason::label`], for the screens and the command line.
    pub label: String,
}

impl From<SuspicionReason> for Suspicion {
    fn from(reason: SuspicionReason) -> Self {
        Suspicion {
            reason,
            label: reason.label().to_string(),
        }
    }
}

/// Whether `a` and `b` look like the same organisation: same SIRET, same SIREN (first 9
/// digits of a SIREN or SIRET), same RNA number, or the same collated name with the same
/// collated city ([`SuspicionReason::SameNameAndCity`]) or with the city missing on
/// either side or both ([`SuspicionReason::SameNameNoCity`]: « Mairie de Joué-lès-Tours »
/// typed twice without a city is asked about). Two same-named organisations in two
/// different known cities stay distinct (the homonyms of two villages). The strongest
/// reason is given. Identifiers are compared on their digits (SIRET, SIREN)
/// or upper case without spaces (RNA), so unvalidated input is compared fairly too.
pub fn suspicion(a: &Organisation, b: &Organisation) -> Option<Suspicion> {
    let (siret_a, siret_b) = (digits(&a.siret), digits(&b.siret));
    if let (Some(x), Some(y)) = (&siret_a, &siret_b) {
        if x.len() == 14 && x == y {
            return Some(SuspicionReason::SameSiret.into());
        }
        if x.len() >= 9 && y.len() >= 9 && x[..9] == y[..9] {
            return Some(SuspicionReason::SameSiren.into());
        }
    }
    if let (Some(x), Some(y)) = (rna(&a.rna), rna(&b.rna)) {
        if x == y {
            return Some(SuspicionReason::SameRna.into());
        }
    }
    let name = collation_key(&a.name);
    if name.is_empty() || name != collation_key(&b.name) {
        return None;
    }
    let city = |o: &Organisation| {
        o.city
            .as_deref()
            .map(collation_key)
            .filter(|c| !c.is_empty())
    };
    match (city(a), city(b)) {
        (Some(x), Some(y)) => (x == y).then(|| SuspicionReason::SameNameAndCity.into()),
        _ => Some(SuspicionReason::SameNameNoCity.into()),
    }
}

/// An organisation already recorded that a new or edited one looks like, with why: what
/// the question « is it the same organisation? » shows side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Lookalike {
    /// The partner it looks like; `None` when it is the association's own profile.
    pub partner_id: Option<String>,
    /// True for the profile, and for the partner linked as the association itself.
    pub own_association: bool,
    pub organisation: Organisation,
    pub suspicion: Suspicion,
}

/// What `draft` (a partner being added, or edited when `editing` names it) looks like
/// among the alliance's `partners` and the association's `profile` ([`suspicion`]): the
/// profile first, then the partners in their order. The profile is left out when the
/// draft is itself marked as the association, or when a partner linked as the
/// association is already among the lookalikes (it is the profile's entry in the
/// alliance).
pub fn lookalikes(
    draft: &crate::partner::PartnerDraft,
    editing: Option<&str>,
    profile: Option<&Organisation>,
    partners: &[Partner],
) -> Vec<Lookalike> {
    let found: Vec<Lookalike> = partners
        .iter()
        .filter(|p| Some(p.id.as_str()) != editing)
        .filter_map(|p| {
            suspicion(&draft.organisation, &p.draft.organisation).map(|s| Lookalike {
                partner_id: Some(p.id.clone()),
                own_association: p.draft.own_association,
                organisation: p.draft.organisation.clone(),
                suspicion: s,
            })
        })
        .collect();
    let own_partner_found = found.iter().any(|l| l.own_association);
    let own = profile
        .filter(|_| !draft.own_association && !own_partner_found)
        .and_then(|profile| {
            suspicion(&draft.organisation, profile).map(|s| Lookalike {
                partner_id: None,
                own_association: true,
                organisation: profile.clone(),
                suspicion: s,
            })
        });
    own.into_iter().chain(found).collect()
}

/// The ASCII digits of an identifier, `None` when it has none.
fn digits(id: &Option<String>) -> Option<String> {
    let d: String = id
        .as_deref()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    (!d.is_empty()).then_some(d)
}

/// An RNA number upper case without spaces, `None` when empty.
fn rna(id: &Option<String>) -> Option<String> {
    let r: String = id
        .as_deref()?
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    (!r.is_empty()).then_some(r)
}

#[cfg(test)]
mod tests;
