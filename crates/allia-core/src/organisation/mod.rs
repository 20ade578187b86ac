//! The identity of an organisation as a contract names it: the user's own association
//! (its profile) and each partner share these fields. The identity fields that depend on
//! where it is established (country, foreign registration, local register) and its bank
//! details live in the `identity` module.

use serde::{Deserialize, Serialize};

use crate::designation::Designation;
use crate::identifiers::{normalize_rna, normalize_siren_or_siret};
use crate::validation::{email, optional_text, phone, text, ValidationErrors};

mod identity;
mod register;

pub use register::registered_at;

pub use identity::{
    is_local_law_postal_code, normalize_country, BankDetails, CountryGuess, ForeignRegistration,
    LocalRegister, COUNTRY_SUGGESTIONS, LOCAL_LAW_DEPARTMENTS,
};

use identity::{country_in_city, CityCountry};

pub const NAME_MAX: usize = 200;
const SHORT_MAX: usize = 100;
const LINE_MAX: usize = 300;

/// Legal identity, address and representative of an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// Dénomination (legal name).
    pub name: String,
    /// Sigle.
    #[serde(default)]
    pub acronym: Option<String>,
    /// Forme juridique, e.g. « Association loi 1901 ».
    #[serde(default)]
    pub legal_form: Option<String>,
    /// Numéro RNA: W + 9 characters, stored upper case without separators.
    #[serde(default)]
    pub rna: Option<String>,
    /// SIREN (9 digits) or SIRET (14 digits), stored as digits only.
    #[serde(default)]
    pub siret: Option<String>,
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    /// Name of the person who signs for the organisation.
    #[serde(default)]
    pub representative_name: Option<String>,
    /// Their role, e.g. « Présidente ».
    #[serde(default)]
    pub representative_role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    // Absent rather than `null` when unset, so that files and snapshots written before
    // these fields existed write back byte for byte (docs/formats.md).
    /// How contracts name it (article, gender, short name); when absent, the proposal
    /// from its name and actor type is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "sqlx", sqlx(json(nullable)))]
    pub designation: Option<Designation>,
    /// Country, in French (« Belgique »); France when absent. France is always stored
    /// as `None` (« France », « FRANCE », « fr » typed are normalised to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Outside France: the number given by the country's register (« BCE 0456.789.123 »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "sqlx", sqlx(json(nullable)))]
    pub foreign_registration: Option<ForeignRegistration>,
    /// Associations of Bas-Rhin, Haut-Rhin and Moselle: their entry in the register of
    /// associations of the tribunal judiciaire (local law), instead of an RNA number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "sqlx", sqlx(json(nullable)))]
    pub local_register: Option<LocalRegister>,
    /// Bank account where the contributions it receives are paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "sqlx", sqlx(json(nullable)))]
    pub bank: Option<BankDetails>,
}

/// The profile of the user's own association: the first party of every contract.
pub type AssociationProfile = Organisation;

/// Suggested legal forms, offered while typing (the field stays free text).
pub const LEGAL_FORM_SUGGESTIONS: &[&str] = &[
    "Association loi 1901",
    "Association reconnue d’utilité publique",
    "Association de droit local (Alsace-Moselle)",
    "Fondation",
    "Fonds de dotation",
    "Commune",
    "Communauté de communes",
    "Communauté d’agglomération",
    "Département",
    "Région",
    "Société par actions simplifiée (SAS)",
    "Société à responsabilité limitée (SARL)",
    "Société anonyme (SA)",
    "Société coopérative d’intérêt collectif (SCIC)",
    "Groupement d’intérêt économique (GIE)",
    "Groupement d’intérêt public (GIP)",
    "Établissement public",
];

const COUNTRY_MAX: usize = 60;
const FOREIGN_POSTAL_CODE_MAX: usize = 10;

impl Organisation {
    /// Trims and normalises every field, and reports every problem at once.
    pub fn validated(&self) -> Result<Organisation, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let org = self.normalized(&mut errors);
        errors.into_result(org)
    }

    /// Whether the organisation is established in France (no country, or France).
    pub fn in_france(&self) -> bool {
        self.country
            .as_deref()
            .is_none_or(|c| normalize_country(c).is_none())
    }

    pub(crate) fn normalized(&self, errors: &mut ValidationErrors) -> Organisation {
        let name = text(
            errors,
            "name",
            &self.name,
            Some("le nom de l’organisation"),
            NAME_MAX,
        );
        let mut city = optional_text(errors, "city", &self.city, SHORT_MAX);
        let mut country = optional_text(errors, "country", &self.country, COUNTRY_MAX)
            .and_then(|c| normalize_country(&c));
        // The country is asked for (an ambiguous city): the postal code's shape, which
        // depends on it, is not judged yet.
        let mut country_asked = false;
        if let Some(c) = &country {
            if c.chars().any(|ch| ch.is_ascii_digit()) {
                errors.push(
                    "country",
                    "Indiquez le pays en toutes lettres (exemple\u{a0}: Belgique).",
                );
            }
        } else if let Some(found) = city
            .as_deref()
            .and_then(|c| country_in_city(c, self.postal_code.as_deref()))
        {
            // A country written after the city by an older version or file; the import
            // lists it (`country_guess`), and an ambiguous one is asked for.
            match found {
                CityCountry::Deduced(place, found) => {
                    city = Some(place);
                    country = Some(found.to_string());
                }
                CityCountry::Ambiguous(message) => {
                    errors.push("country", message);
                    country_asked = true;
                }
                // « Tours (France) »: the city alone, the country stays France.
                CityCountry::France(place) => city = Some(place),
            }
        }
        let in_france = country.is_none();
        let rna = optional_text(errors, "rna", &self.rna, 30).map(|v| match normalize_rna(&v) {
            Ok(n) => n,
            Err(msg) => {
                errors.push("rna", msg);
                v
            }
        });
        if rna.is_some() && !in_france {
            errors.push(
                "rna",
                "Le numéro RNA ne concerne que les associations établies en France\u{a0}: \
                 videz ce champ, ou choisissez le pays «\u{a0}France\u{a0}».",
            );
        }
        let siret =
            optional_text(errors, "siret", &self.siret, 30).map(
                |v| match normalize_siren_or_siret(&v) {
                    Ok(n) => n,
                    Err(msg) => {
                        errors.push("siret", msg);
                        v
                    }
                },
            );
        // Capped above the longest valid code, so a wrong one gets the shape message.
        let mut postal_code = optional_text(errors, "postalCode", &self.postal_code, 40);
        if let Some(pc) = &mut postal_code {
            if in_france {
                // « 75 015 » as some people type it.
                pc.retain(|c| !c.is_whitespace());
                if !country_asked && (pc.len() != 5 || !pc.chars().all(|c| c.is_ascii_digit())) {
                    errors.push(
                        "postalCode",
                        "Le code postal compte 5 chiffres (exemple\u{a0}: 69003). Pour une adresse \
                         hors de France, indiquez d’abord le pays.",
                    );
                }
            } else if pc.chars().count() > FOREIGN_POSTAL_CODE_MAX
                || !pc
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
            {
                errors.push(
                    "postalCode",
                    "Le code postal compte au plus 10 lettres, chiffres, espaces ou tirets.",
                );
            }
        }
        let foreign_registration = self.normalized_foreign_registration(errors, in_france);
        let local_register =
            self.normalized_local_register(errors, in_france, postal_code.as_deref());
        let bank = self.normalized_bank(errors);
        Organisation {
            name,
            acronym: optional_text(errors, "acronym", &self.acronym, 30),
            legal_form: optional_text(errors, "legalForm", &self.legal_form, SHORT_MAX),
            rna,
            siret,
            street: optional_text(errors, "street", &self.street, LINE_MAX),
            postal_code,
            city,
            representative_name: optional_text(
                errors,
                "representativeName",
                &self.representative_name,
                SHORT_MAX,
            ),
            representative_role: optional_text(
                errors,
                "representativeRole",
                &self.representative_role,
                SHORT_MAX,
            ),
            email: email(errors, "email", &self.email),
            phone: phone(errors, "phone", &self.phone),
            designation: self.normalized_designation(errors),
            country,
            foreign_registration,
            local_register,
            bank,
        }
    }

    /// The same organisation with its designation's article dropped when the name
    /// already starts with one (« les » before « Les Jardins… », [`Designation::fitted_to`]):
    /// how an imported file is read, where the form would refuse the choice.
    pub fn with_fitted_designation(&self) -> Organisation {
        Organisation {
            designation: self.designation.as_ref().map(|d| d.fitted_to(&self.name)),
            ..self.clone()
        }
    }

    /// The designation, checked by [`Designation::validated_for`] against the name; its
    /// errors come under `designation.` (`designation.shortName`, `designation.article`).
    fn normalized_designation(&self, errors: &mut ValidationErrors) -> Option<Designation> {
        let given = self.designation.as_ref()?;
        match given.validated_for(&self.name) {
            Ok(designation) => Some(designation),
            Err(nested) => {
                errors.extend_prefixed("designation", nested);
                Some(given.clone())
            }
        }
    }
}

#[cfg(test)]
mod tests;
