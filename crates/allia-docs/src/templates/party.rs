//! One party of a contract as the templates see it: identity line, roles and what it
//! brings, built from the profile or a partner.

use allia_core::{ActorType, Organisation, PartnerRole};
use serde::Serialize;

use super::context::{BLANK, PROFILE_PLACEHOLDER};
use super::typography::{format_siret, lower_first};
use super::{Check, CheckTarget, OrganisationField};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyContext {
    /// 1-based position among the parties.
    pub index: usize,
    pub name: String,
    pub acronym: Option<String>,
    /// The name used in the text after the parties' identification: acronym or name.
    pub short_name: String,
    /// « de » + name, contracted the French way: « des Amis du Quartier », « d’ADRV ».
    pub of_name: String,
    pub of_short_name: String,
    pub legal_form: Option<String>,
    pub rna: Option<String>,
    /// SIREN or SIRET, grouped with no-break spaces.
    pub siret: Option<String>,
    /// « SIRET » or « SIREN ».
    pub siret_label: String,
    pub address: Option<String>,
    pub city: Option<String>,
    pub representative_name: Option<String>,
    pub representative_role: Option<String>,
    /// Form, identifiers, address and representative, as one clause of a sentence.
    pub identity: String,
    pub actor_type: ActorType,
    pub actor_label: String,
    /// What this kind of actor typically brings (the guide's words).
    pub contribution: String,
    pub role: PartnerRole,
    pub role_label: String,
    pub is_profile: bool,
    pub is_lead: bool,
    pub resources: Option<String>,
    pub resource_tags: Vec<String>,
}

pub fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// « de » before a name: « des » for « Les … », « du » for « Le … », « d’ » before a vowel.
pub fn of_form(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Les ") {
        return format!("des {rest}");
    }
    if let Some(rest) = name.strip_prefix("Le ") {
        return format!("du {rest}");
    }
    if let Some(rest) = name.strip_prefix("La ") {
        return format!("de la {rest}");
    }
    if let Some(rest) = name.strip_prefix("L'").or(name.strip_prefix("L’")) {
        return format!("de l’{rest}");
    }
    let elides = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜaeiouyàâäéèêëîïôöùûü".contains(c));
    if elides {
        format!("d’{name}")
    } else {
        format!("de {name}")
    }
}

pub struct PartyInput<'a> {
    pub org: &'a Organisation,
    pub actor_type: ActorType,
    pub role: PartnerRole,
    pub resources: Option<String>,
    pub tags: Vec<String>,
    pub is_profile: bool,
    /// Its position in `AllianceFile::partners` when its data is a partner's (not the
    /// profile's): where a check about it is fixed.
    pub partner_index: Option<usize>,
}

impl PartyInput<'_> {
    /// Where the party's `field` is entered: the profile, or its partner.
    fn target(&self, field: OrganisationField) -> Option<CheckTarget> {
        match (self.is_profile, self.partner_index) {
            (true, _) => Some(CheckTarget::Profile(Some(field))),
            (false, Some(index)) => Some(CheckTarget::Partner {
                index,
                field: Some(field),
            }),
            (false, None) => None,
        }
    }
}

pub fn same_organisation(a: &Organisation, b: &Organisation) -> bool {
    let key = |v: &Option<String>| clean(v).map(|s| s.replace(' ', "").to_uppercase());
    let same_name =
        !a.name.trim().is_empty() && a.name.trim().to_lowercase() == b.name.trim().to_lowercase();
    let same_id = |x: Option<String>, y: Option<String>| x.is_some() && x == y;
    same_name || same_id(key(&a.siret), key(&b.siret)) || same_id(key(&a.rna), key(&b.rna))
}

pub fn party(input: PartyInput<'_>, index: usize, warnings: &mut Vec<Check>) -> PartyContext {
    let org = input.org;
    let name = match org.name.trim() {
        "" => BLANK.to_string(),
        n => n.to_string(),
    };
    let acronym = clean(&org.acronym);
    let legal_form = clean(&org.legal_form);
    let rna = clean(&org.rna);
    let raw_siret = clean(&org.siret).map(|s| s.replace(' ', ""));
    let siret_label = if raw_siret.as_ref().is_some_and(|s| s.chars().count() == 9) {
        "SIREN"
    } else {
        "SIRET"
    };
    let siret = raw_siret.as_deref().map(format_siret);
    let city = clean(&org.city);
    let place = [clean(&org.postal_code), city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let address = [clean(&org.street), Some(place).filter(|p| !p.is_empty())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let address = Some(address).filter(|a| !a.is_empty());
    let representative_name = clean(&org.representative_name);
    let representative_role = clean(&org.representative_role);
    if representative_name.is_none() && org.name != PROFILE_PLACEHOLDER {
        warnings.push(Check {
            message: format!(
                "Le représentant de « {name} » n'est pas renseigné : son nom reste à compléter."
            ),
            target: input.target(OrganisationField::RepresentativeName),
        });
    }
    let mut identity: Vec<String> = Vec::new();
    if let Some(form) = &legal_form {
        identity.push(lower_first(form));
    }
    if let Some(rna) = &rna {
        identity.push(format!(
            "inscrite au répertoire national des associations sous le n° {rna}"
        ));
    }
    if let Some(siret) = &siret {
        identity.push(format!("{siret_label} {siret}"));
    }
    if let Some(address) = &address {
        identity.push(format!("dont le siège est situé {address}"));
    }
    let representative = match (&representative_name, &representative_role) {
        (Some(n), Some(r)) => format!("{n}, {r}"),
        (Some(n), None) => n.clone(),
        (None, _) => BLANK.to_string(),
    };
    identity.push(format!("représentée par {representative}"));
    let short_name = acronym.clone().unwrap_or_else(|| name.clone());
    PartyContext {
        index,
        of_name: of_form(&name),
        of_short_name: of_form(&short_name),
        short_name,
        name,
        acronym,
        legal_form,
        rna,
        siret,
        siret_label: siret_label.into(),
        address,
        city,
        representative_name,
        representative_role,
        identity: identity.join(", "),
        actor_type: input.actor_type,
        actor_label: input.actor_type.label().into(),
        contribution: input.actor_type.contribution().into(),
        role: input.role,
        role_label: input.role.label().into(),
        is_profile: input.is_profile,
        is_lead: input.role == PartnerRole::Lead,
        resources: clean(&input.resources),
        resource_tags: input.tags,
    }
}

pub fn party_placeholder(warnings: &mut Vec<Check>) -> PartyContext {
    let org = Organisation {
        name: PROFILE_PLACEHOLDER.into(),
        ..Organisation::default()
    };
    party(
        PartyInput {
            org: &org,
            actor_type: ActorType::Association,
            role: PartnerRole::Lead,
            resources: None,
            tags: Vec::new(),
            is_profile: true,
            partner_index: None,
        },
        1,
        warnings,
    )
}

/// A local authority or a State service that funds the alliance.
pub fn is_public_funder(party: &PartyContext) -> bool {
    matches!(
        party.actor_type,
        ActorType::LocalAuthority | ActorType::State
    ) && party.role == PartnerRole::Funder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_contractions_of_de() {
        assert_eq!(of_form("Les Amis du Quartier"), "des Amis du Quartier");
        assert_eq!(of_form("Le Relais"), "du Relais");
        assert_eq!(of_form("La Ressourcerie"), "de la Ressourcerie");
        assert_eq!(of_form("L'Écho"), "de l’Écho");
        assert_eq!(of_form("ADRV"), "d’ADRV");
        assert_eq!(of_form("Élan"), "d’Élan");
        assert_eq!(of_form("Commune de Tours"), "de Commune de Tours");
        assert_eq!(of_form(""), "de ");
    }
}
