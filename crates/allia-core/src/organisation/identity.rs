//! Where an organisation is established and how it is paid: its country (France stored as
//! none), its registration abroad, its entry in an Alsace-Moselle local register, and its
//! bank details; each checked by [`Organisation::validated`].

use serde::{Deserialize, Serialize};

use super::{Organisation, SHORT_MAX};
use crate::identifiers::{normalize_bic, normalize_iban};
use crate::validation::{optional_text, text, ValidationErrors};

/// A registration number issued outside France, with the register that issued it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ForeignRegistration {
    /// The register's name or acronym, e.g. « BCE » (Banque-Carrefour des Entreprises).
    pub register: String,
    /// The number as the register writes it, e.g. « 0456.789.123 ».
    pub number: String,
}

/// Entry of an association of local law (Alsace-Moselle) in the register of
/// associations kept by a tribunal judiciaire (Code civil local, articles 21 to 79).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LocalRegister {
    /// Seat of the tribunal judiciaire, e.g. « Strasbourg ».
    pub court: String,
    pub volume: String,
    pub folio: String,
}

/// Bank details printed in a convention's financial article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BankDetails {
    /// IBAN, stored without spaces, upper case (ISO 13616, checked with mod 97).
    pub iban: String,
    /// BIC (ISO 9362), 8 or 11 characters; optional.
    #[serde(default)]
    pub bic: Option<String>,
}

/// Countries offered while typing « Pays » (the field stays free text), in French.
pub const COUNTRY_SUGGESTIONS: &[&str] = &[
    "France",
    "Belgique",
    "Suisse",
    "Luxembourg",
    "Allemagne",
    "Espagne",
    "Italie",
    "Monaco",
    "Andorre",
    "Royaume-Uni",
    "Pays-Bas",
    "Portugal",
    "Autriche",
    "Irlande",
    "Canada",
];

/// Names and ISO 3166 codes people type for a country, lower case, with the French name
/// Allia stores. France (and its codes) is absent on purpose: France is stored as `None`.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("belgique", "Belgique"),
    ("be", "Belgique"),
    ("suisse", "Suisse"),
    ("ch", "Suisse"),
    ("luxembourg", "Luxembourg"),
    ("lu", "Luxembourg"),
    ("allemagne", "Allemagne"),
    ("de", "Allemagne"),
    ("espagne", "Espagne"),
    ("es", "Espagne"),
    ("italie", "Italie"),
    ("it", "Italie"),
    ("monaco", "Monaco"),
    ("mc", "Monaco"),
    ("andorre", "Andorre"),
    ("ad", "Andorre"),
    ("royaume-uni", "Royaume-Uni"),
    ("gb", "Royaume-Uni"),
    ("uk", "Royaume-Uni"),
    ("pays-bas", "Pays-Bas"),
    ("nl", "Pays-Bas"),
    ("portugal", "Portugal"),
    ("pt", "Portugal"),
    ("autriche", "Autriche"),
    ("at", "Autriche"),
    ("irlande", "Irlande"),
    ("ie", "Irlande"),
    ("canada", "Canada"),
    ("ca", "Canada"),
    // The same countries in English, as people copy them from a foreign partner's
    // documents (« Belgium »).
    ("belgium", "Belgique"),
    ("switzerland", "Suisse"),
    ("germany", "Allemagne"),
    ("spain", "Espagne"),
    ("italy", "Italie"),
    ("andorra", "Andorre"),
    ("united kingdom", "Royaume-Uni"),
    ("great britain", "Royaume-Uni"),
    ("netherlands", "Pays-Bas"),
    ("the netherlands", "Pays-Bas"),
    ("austria", "Autriche"),
    ("ireland", "Irlande"),
];

/// What people write for France: stored as no country. The overseas départements and
/// regions (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte: article 73 of the
/// Constitution) and the overseas collectivities that use French postal codes
/// (Saint-Pierre-et-Miquelon 975, Saint-Barthélemy and Saint-Martin 977 and 978) are
/// France: their 97x postal codes are five digits like the others.
const FRANCE_ALIASES: &[&str] = &[
    "france",
    "fr",
    "fra",
    "république française",
    "french republic",
    "guadeloupe",
    "martinique",
    "guyane",
    "guyane française",
    "french guiana",
    "la réunion",
    "réunion",
    "île de la réunion",
    "ile de la réunion",
    "reunion",
    "mayotte",
    "saint-pierre-et-miquelon",
    "saint-martin",
    "saint-barthélemy",
    "saint-barthelemy",
];

/// Whether a country as typed means France ([`FRANCE_ALIASES`], any case, « St- » for
/// « Saint- »).
fn is_france(lower: &str) -> bool {
    let lower = lower.trim();
    let saint = lower
        .strip_prefix("st-")
        .map(|rest| format!("saint-{rest}"));
    FRANCE_ALIASES.contains(&lower) || saint.is_some_and(|s| FRANCE_ALIASES.contains(&s.as_str()))
}

const REGISTER_MAX: usize = 100;
const REGISTRATION_NUMBER_MAX: usize = 40;
const VOLUME_FOLIO_MAX: usize = 20;
/// Departments whose associations are registered at the tribunal judiciaire (local
/// law of Alsace-Moselle): Moselle, Bas-Rhin, Haut-Rhin.
pub const LOCAL_LAW_DEPARTMENTS: &[&str] = &["57", "67", "68"];

/// The country as stored: `None` for France (empty, « France », « FRANCE », « fr »…),
/// otherwise its French name, capitalised as Allia writes it when it knows the
/// country (« belgique », « BE » → « Belgique »), else as typed.
pub fn normalize_country(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let lower = trimmed.to_lowercase();
    if lower.is_empty() || is_france(&lower) {
        return None;
    }
    Some(known_country(&lower).map_or_else(|| trimmed.to_string(), str::to_string))
}

fn known_country(lower: &str) -> Option<&'static str> {
    COUNTRY_ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, name)| *name)
}

/// What a city written with its country says (« Tournai (Belgique) »), for an older record
/// or file that had no country field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CityCountry {
    /// The city alone and the country deduced.
    Deduced(String, &'static str),
    /// The name after the city is a country's, but the postal code says it may be a
    /// place elsewhere (« Arlon (Luxembourg) », 6700: Belgium's province of Luxembourg):
    /// nothing is deduced; the message asks for the country.
    Ambiguous(String),
    /// The city alone, and the name after it says France (« Tours (France) », « Fort-de-
    /// France, Martinique »): the country stays France, stored as none.
    France(String),
}

/// A country's name that is also a place of another country, told apart by the postal
/// code: the country, the other place in words, and whether a postal code is the other
/// place's.
type SharedName = (&'static str, &'static str, fn(&str) -> bool);

/// The names of [`SharedName`].
const SHARED_NAMES: &[SharedName] = &[(
    "Luxembourg",
    "une province de Belgique, dont les codes postaux vont de 6600 à 6999",
    belgian_province_of_luxembourg,
)];

/// A Belgian postal code of the province of Luxembourg (6600 to 6999, « B-6700 » too).
/// Luxembourg's own codes may be written « L-6700 », which is not ambiguous.
fn belgian_province_of_luxembourg(postal_code: &str) -> bool {
    let code = postal_code.trim();
    let code = code
        .strip_prefix("B-")
        .or_else(|| code.strip_prefix("B"))
        .unwrap_or(code)
        .trim();
    code.len() == 4
        && code.bytes().all(|b| b.is_ascii_digit())
        && code
            .parse::<u32>()
            .is_ok_and(|n| (6600..=6999).contains(&n))
}

/// Countries whose postal codes have four digits (a French five-digit code contradicts
/// them: « Paris (Luxembourg) », 75006, is the Luxembourg garden's district).
const FOUR_DIGIT_POSTAL_CODES: &[&str] = &["Belgique", "Suisse", "Luxembourg", "Autriche"];

/// An older record or file that had no country field wrote it after the city:
/// « Tournai (Belgique) », « Genève, Suisse ». Deduces the city alone and the country,
/// only for a country Allia knows by name (never a code, never France), and not when the
/// postal code says the name may be another place ([`CityCountry::Ambiguous`]): the
/// person is then asked for the country. `None` when the city names no country.
pub(crate) fn country_in_city(city: &str, postal_code: Option<&str>) -> Option<CityCountry> {
    let written = city.trim();
    let (place, country) = if let Some(open) = written.strip_suffix(')').and_then(|c| c.rfind('('))
    {
        (&written[..open], &written[open + 1..written.len() - 1])
    } else {
        let comma = written.rfind(',')?;
        (&written[..comma], &written[comma + 1..])
    };
    let lower = country.trim().to_lowercase();
    // Names only: « Lyon, CH » is more likely a typo than Switzerland.
    if lower.len() < 3 {
        return None;
    }
    let place = place.trim().trim_end_matches([',', '-']).trim();
    if place.is_empty() {
        return None;
    }
    if is_france(&lower) {
        return Some(CityCountry::France(place.to_string()));
    }
    let name = known_country(&lower)?;
    let postal_code = postal_code.map(str::trim).filter(|p| !p.is_empty());
    if let Some(code) = postal_code {
        let quoted = format!("«\u{a0}{written}\u{a0}»");
        if let Some((_, elsewhere, _)) = SHARED_NAMES
            .iter()
            .find(|(country, _, other)| *country == name && other(code))
        {
            return Some(CityCountry::Ambiguous(format!(
                "La ville {quoted} ne dit pas le pays avec certitude\u{a0}: {name} est aussi \
                 {elsewhere} (code postal {code}). Indiquez le pays."
            )));
        }
        let french_shape = code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit());
        if french_shape && FOUR_DIGIT_POSTAL_CODES.contains(&name) {
            return Some(CityCountry::Ambiguous(format!(
                "La ville {quoted} semble situer l’organisation hors de France ({name}), mais \
                 le code postal {code} est français. Indiquez le pays."
            )));
        }
    }
    Some(CityCountry::Deduced(place.to_string(), name))
}

/// A country deduced from the city of an organisation that has none, as
/// [`Organisation::validated`] deduces it ([`country_in_city`]): shown to the person
/// where a file is imported, so that no country is guessed silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryGuess {
    /// The city as written: « Tournai (Belgique) ».
    pub city_as_written: String,
    /// The city stored: « Tournai ».
    pub city: String,
    /// The country deduced: « Belgique ».
    pub country: String,
}

impl Organisation {
    /// The country [`Organisation::validated`] deduces from the city, when the
    /// organisation has no country (or France) and its city is written with one
    /// (« Tournai (Belgique) »); `None` otherwise, and when the postal code makes the name
    /// ambiguous (validation then asks for the country).
    pub fn country_guess(&self) -> Option<CountryGuess> {
        if self
            .country
            .as_deref()
            .and_then(normalize_country)
            .is_some()
        {
            return None;
        }
        let written = self.city.as_deref()?.trim();
        match country_in_city(written, self.postal_code.as_deref())? {
            CityCountry::Deduced(city, country) => Some(CountryGuess {
                city_as_written: written.to_string(),
                city,
                country: country.to_string(),
            }),
            CityCountry::Ambiguous(_) | CityCountry::France(_) => None,
        }
    }
}

/// Whether a French postal code lies in a department of local law (57, 67, 68).
pub fn is_local_law_postal_code(postal_code: &str) -> bool {
    LOCAL_LAW_DEPARTMENTS
        .iter()
        .any(|d| postal_code.starts_with(d))
}

impl Organisation {
    /// Register and number, both required once one is given (`None` when both are
    /// empty); refused for an organisation in France.
    pub(super) fn normalized_foreign_registration(
        &self,
        errors: &mut ValidationErrors,
        in_france: bool,
    ) -> Option<ForeignRegistration> {
        let given = self.foreign_registration.as_ref()?;
        let register = text(
            errors,
            "foreignRegistration.register",
            &given.register,
            None,
            REGISTER_MAX,
        );
        let number = text(
            errors,
            "foreignRegistration.number",
            &given.number,
            None,
            REGISTRATION_NUMBER_MAX,
        );
        if register.is_empty() && number.is_empty() {
            return None;
        }
        if register.is_empty() {
            errors.push(
                "foreignRegistration.register",
                "Indiquez le registre qui a attribué ce numéro (exemple\u{a0}: BCE).",
            );
        }
        if number.is_empty() {
            errors.push(
                "foreignRegistration.number",
                "Indiquez le numéro d’immatriculation dans ce registre.",
            );
        }
        if in_france {
            errors.push(
                "foreignRegistration.register",
                "Une immatriculation à l’étranger concerne une organisation établie hors de \
                 France\u{a0}: indiquez son pays, ou videz ces champs.",
            );
        }
        Some(ForeignRegistration { register, number })
    }

    /// Tribunal, volume and folio, all required once one is given (`None` when all are
    /// empty); only for an address in Moselle, Bas-Rhin or Haut-Rhin.
    pub(super) fn normalized_local_register(
        &self,
        errors: &mut ValidationErrors,
        in_france: bool,
        postal_code: Option<&str>,
    ) -> Option<LocalRegister> {
        let given = self.local_register.as_ref()?;
        let court = text(errors, "localRegister.court", &given.court, None, SHORT_MAX);
        let volume = text(
            errors,
            "localRegister.volume",
            &given.volume,
            None,
            VOLUME_FOLIO_MAX,
        );
        let folio = text(
            errors,
            "localRegister.folio",
            &given.folio,
            None,
            VOLUME_FOLIO_MAX,
        );
        if court.is_empty() && volume.is_empty() && folio.is_empty() {
            return None;
        }
        for (field, value, what) in [
            (
                "localRegister.court",
                &court,
                "le tribunal judiciaire (exemple\u{a0}: Strasbourg)",
            ),
            ("localRegister.volume", &volume, "le volume du registre"),
            ("localRegister.folio", &folio, "le folio du registre"),
        ] {
            if value.is_empty() {
                errors.push(field, format!("Indiquez {what}."));
            }
        }
        let local_address = in_france && postal_code.is_some_and(is_local_law_postal_code);
        if !local_address {
            errors.push(
                "localRegister.court",
                "Le registre des associations du tribunal judiciaire ne concerne que la Moselle, \
                 le Bas-Rhin et le Haut-Rhin\u{a0}: le code postal du siège commence alors par 57, \
                 67 ou 68.",
            );
        }
        Some(LocalRegister {
            court,
            volume,
            folio,
        })
    }

    /// IBAN (required once a BIC is given) and BIC; `None` when both are empty.
    pub(super) fn normalized_bank(&self, errors: &mut ValidationErrors) -> Option<BankDetails> {
        let given = self.bank.as_ref()?;
        // A text refused for its length or its characters gets that one message only.
        let before = errors.0.len();
        let iban = text(errors, "bank.iban", &given.iban, None, 60);
        let iban_readable = errors.0.len() == before;
        let before = errors.0.len();
        let bic = optional_text(errors, "bank.bic", &given.bic, 30);
        let bic_readable = errors.0.len() == before;
        if iban.is_empty() && bic.is_none() {
            return None;
        }
        let iban = if !iban_readable {
            iban
        } else if iban.is_empty() {
            errors.push(
                "bank.iban",
                "Indiquez l’IBAN du compte (exemple\u{a0}: FR76 3000 6000 0112 3456 7890 189).",
            );
            iban
        } else {
            normalize_iban(&iban).unwrap_or_else(|msg| {
                errors.push("bank.iban", msg);
                iban
            })
        };
        let bic = bic.map(|b| {
            if !bic_readable {
                return b;
            }
            normalize_bic(&b).unwrap_or_else(|msg| {
                errors.push("bank.bic", msg);
                b
            })
        });
        Some(BankDetails { iban, bic })
    }
}

#[cfg(test)]
mod tests;
