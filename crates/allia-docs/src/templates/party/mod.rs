//! One party of a contract as the templates see it: identity line, roles and what it
//! brings, built from the profile or a partner. Its tests are in `tests.rs`.

use allia_core::designation::{
    of_designated, of_short_designated, propose, short_designated, to_designated,
    to_short_designated, upper_first, Gender, GrammaticalNumber,
};
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
    /// The name with its article, as a sentence names it: « le Département
    /// d’Indre-et-Loire », « l’Université Grenoble Alpes », « Emmaüs France ».
    pub designated_name: String,
    /// The same at the start of a sentence: « Le Département d’Indre-et-Loire ».
    pub designated_name_start: String,
    /// The name used after the parties' identification, with its article: « le
    /// Département », « la Commune », « OQM ».
    pub short_name: String,
    /// The same at the start of a sentence: « Le Département ».
    pub short_name_start: String,
    /// « de » + designated name, contracted: « du Département d’Indre-et-Loire », « des
    /// Amis du Quartier », « de l’Université … », « d’Emmaüs France ».
    pub of_name: String,
    /// « du Département », « de la Commune », « d’OQM ».
    pub of_short_name: String,
    /// « à » + designated name, contracted: « au Département d’Indre-et-Loire ».
    pub to_name: String,
    /// « au Département », « à la Commune », « à OQM ».
    pub to_short_name: String,
    /// Grammatical gender of the name, for agreements (`{{ party | agree("représenté") }}`).
    pub gender: Gender,
    /// Grammatical number of the name.
    pub number: GrammaticalNumber,
    pub legal_form: Option<String>,
    pub rna: Option<String>,
    /// SIREN or SIRET, grouped with no-break spaces.
    pub siret: Option<String>,
    /// « SIRET » or « SIREN ».
    pub siret_label: String,
    pub address: Option<String>,
    pub city: Option<String>,
    /// Country when not France (« Belgique »).
    pub country: Option<String>,
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
    /// A local authority or a State service that funds the alliance.
    pub is_public_funder: bool,
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

/// A text between guillemets, the quotes it already holds turned into “ ” so they do
/// not nest as « « » »: « Fondation “Solidarités & Numérique” ». Straight double quotes
/// are paired; a lone one is left as it is.
pub fn quoted(text: &str) -> String {
    format!("« {} »", inner_quotes(text.trim()))
}

/// The guillemets and paired straight quotes of a text turned into “ ”: the rule of
/// `allia_core::designation::inner_quotes`, shared with the designation field's example.
pub fn inner_quotes(text: &str) -> String {
    allia_core::designation::inner_quotes(text)
}

/// The words of a text, folded for comparison (lower case, `’` for `'`).
fn words(text: &str) -> Vec<String> {
    text.replace('\'', "’")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether the name already says the legal form (« Département d’Indre-et-Loire »,
/// « département »; « SARL Dupont », « SARL »): then the identity line does not repeat it.
fn name_says(name: &str, legal_form: &str) -> bool {
    let name = words(name);
    let form = words(legal_form);
    !form.is_empty() && name.windows(form.len()).any(|w| w == form.as_slice())
}

/// Where the seat is: « situé 4 rue X, 38000 Grenoble » with a street, « situé à
/// Grenoble » with only a city (the postal code is not put after « à »), the country
/// after it when not France.
fn seat(
    street: Option<&str>,
    postal_code: Option<&str>,
    city: Option<&str>,
    country: Option<&str>,
) -> Option<String> {
    let place = [postal_code, city]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let mut text = match (street, city) {
        (Some(street), _) => {
            let mut parts = vec![street.to_string()];
            if !place.is_empty() {
                parts.push(place);
            }
            parts.join(", ")
        }
        (None, Some(city)) => format!("à {city}"),
        (None, None) if !place.is_empty() => place,
        (None, None) => return country.map(|c| format!("en {c}")),
    };
    if let Some(country) = country {
        text.push_str(&format!(", {country}"));
    }
    Some(text)
}

/// Whether a country names France (absent, « France », « FR »).
fn is_france(country: &str) -> bool {
    matches!(words(country).as_slice(), [w] if w == "france" || w == "fr")
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

pub fn party(input: PartyInput<'_>, index: usize, warnings: &mut Vec<Check>) -> PartyContext {
    let org = input.org;
    let name = match org.name.trim() {
        "" => BLANK.to_string(),
        n => n.to_string(),
    };
    let acronym = clean(&org.acronym);
    // The stored designation, else the proposal (older vaults, imported files).
    let designation = org
        .designation
        .clone()
        .filter(|d| !d.short_name.trim().is_empty())
        .unwrap_or_else(|| propose(&name, acronym.as_deref(), input.actor_type));
    let legal_form = clean(&org.legal_form);
    let rna = clean(&org.rna);
    let raw_siret = clean(&org.siret).map(|s| s.replace(' ', ""));
    let siret_label = if raw_siret.as_ref().is_some_and(|s| s.chars().count() == 9) {
        "SIREN"
    } else {
        "SIRET"
    };
    let siret = raw_siret.as_deref().map(format_siret);
    let street = clean(&org.street);
    let postal_code = clean(&org.postal_code);
    let city = clean(&org.city);
    let country = clean(&org.country).filter(|c| !is_france(c));
    let place = [postal_code.clone(), city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let address = [street.clone(), Some(place).filter(|p| !p.is_empty())]
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
    if let Some(form) = legal_form.as_deref().filter(|f| !name_says(&name, f)) {
        identity.push(lower_first(form));
    }
    let local = org
        .local_register
        .as_ref()
        .filter(|r| !r.court.trim().is_empty());
    if let Some(register) = local {
        let mut entry = format!(
            "{} au registre des associations du tribunal judiciaire {}",
            designation.agree("inscrit"),
            of_designated(register.court.trim())
        );
        for (label, value) in [("volume", &register.volume), ("folio", &register.folio)] {
            if !value.trim().is_empty() {
                entry.push_str(&format!(", {label} {}", value.trim()));
            }
        }
        identity.push(entry);
    } else if let Some(rna) = &rna {
        identity.push(format!(
            "{} au répertoire national des associations sous le n° {rna}",
            designation.agree("inscrit")
        ));
    }
    if let Some(siret) = &siret {
        identity.push(format!("{siret_label} {siret}"));
    }
    if let Some(foreign) = org
        .foreign_registration
        .as_ref()
        .filter(|r| !r.number.trim().is_empty())
    {
        let mut entry = format!(
            "{} sous le n° {}",
            designation.agree("immatriculé"),
            foreign.number.trim()
        );
        // « auprès de la BCE », « au registre du commerce … », « (Handelsregister) ».
        entry.push_str(&allia_core::organisation::registered_at(&foreign.register));
        identity.push(entry);
    }
    if let Some(seat) = seat(
        street.as_deref(),
        postal_code.as_deref(),
        city.as_deref(),
        country.as_deref(),
    ) {
        identity.push(format!("dont le siège est situé {seat}"));
    }
    let representative = match (&representative_name, &representative_role) {
        (Some(n), Some(r)) => format!("{n}, {r}"),
        (Some(n), None) => n.clone(),
        (None, _) => BLANK.to_string(),
    };
    identity.push(format!(
        "{} par {representative}",
        designation.agree("représenté")
    ));
    let designated_name = designation.with_article(&name);
    // Inside a sentence, its article lower-cased and kept with it by a no-break space
    // (« la\u{a0}MSVB »), in the PDF and the DOCX alike.
    let short = designation.short_name.trim();
    let short_name = short_designated(short);
    PartyContext {
        index,
        designated_name_start: upper_first(&designated_name),
        of_name: of_designated(&designated_name),
        to_name: to_designated(&designated_name),
        designated_name,
        short_name_start: upper_first(&short_name),
        of_short_name: of_short_designated(short),
        to_short_name: to_short_designated(short),
        short_name,
        gender: designation.gender,
        number: designation.number,
        name,
        acronym,
        legal_form,
        rna,
        siret,
        siret_label: siret_label.into(),
        address,
        city,
        country,
        representative_name,
        representative_role,
        identity: identity.join(", "),
        actor_type: input.actor_type,
        actor_label: input.actor_type.label().into(),
        contribution: input.actor_type.contribution().into(),
        is_public_funder: matches!(
            input.actor_type,
            ActorType::LocalAuthority | ActorType::State
        ) && input.role == PartnerRole::Funder,
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
    party.is_public_funder
}

#[cfg(test)]
mod tests;
