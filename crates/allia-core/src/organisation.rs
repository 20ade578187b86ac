//! The identity of an organisation as a contract names it: the user's own association
//! (its profile) and each partner share these fields.

use serde::{Deserialize, Serialize};

use crate::designation::Designation;
use crate::identifiers::{normalize_bic, normalize_iban, normalize_rna, normalize_siren_or_siret};
use crate::validation::{email, optional_text, phone, text, ValidationErrors};

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
];

/// What people write for France: stored as no country.
const FRANCE_ALIASES: &[&str] = &["france", "fr", "fra", "république française"];

const COUNTRY_MAX: usize = 60;
const FOREIGN_POSTAL_CODE_MAX: usize = 10;
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
    if lower.is_empty() || FRANCE_ALIASES.contains(&lower.as_str()) {
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

/// An older record or file that had no country field wrote it after the city:
/// « Tournai (Belgique) », « Genève, Suisse ». Returns the city alone and the country,
/// only for a country Allia knows by name (never a code, never France).
fn country_in_city(city: &str) -> Option<(String, &'static str)> {
    let city = city.trim();
    let (place, country) = if let Some(open) = city.strip_suffix(')').and_then(|c| c.rfind('(')) {
        (&city[..open], &city[open + 1..city.len() - 1])
    } else {
        let comma = city.rfind(',')?;
        (&city[..comma], &city[comma + 1..])
    };
    let lower = country.trim().to_lowercase();
    // Names only: « Lyon, CH » is more likely a typo than Switzerland.
    if lower.len() < 3 {
        return None;
    }
    let name = known_country(&lower)?;
    let place = place.trim().trim_end_matches([',', '-']).trim();
    (!place.is_empty()).then(|| (place.to_string(), name))
}

/// Whether a French postal code lies in a department of local law (57, 67, 68).
pub fn is_local_law_postal_code(postal_code: &str) -> bool {
    LOCAL_LAW_DEPARTMENTS
        .iter()
        .any(|d| postal_code.starts_with(d))
}

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
        if let Some(c) = &country {
            if c.chars().any(|ch| ch.is_ascii_digit()) {
                errors.push(
                    "country",
                    "Indiquez le pays en toutes lettres (exemple\u{a0}: Belgique).",
                );
            }
        } else if let Some((place, found)) = city.as_deref().and_then(country_in_city) {
            // A country written after the city by an older version or file.
            city = Some(place);
            country = Some(found.to_string());
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
                if pc.len() != 5 || !pc.chars().all(|c| c.is_ascii_digit()) {
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

    /// Register and number, both required once one is given (`None` when both are
    /// empty); refused for an organisation in France.
    fn normalized_foreign_registration(
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
    fn normalized_local_register(
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
    fn normalized_bank(&self, errors: &mut ValidationErrors) -> Option<BankDetails> {
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

    /// The designation, checked by [`Designation::validated`]; its errors come under
    /// `designation.` (`designation.shortName`).
    fn normalized_designation(&self, errors: &mut ValidationErrors) -> Option<Designation> {
        let given = self.designation.as_ref()?;
        match given.validated() {
            Ok(designation) => Some(designation),
            Err(nested) => {
                errors.extend_prefixed("designation", nested);
                Some(given.clone())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages_for(errors: &ValidationErrors, field: &str) -> Vec<String> {
        errors
            .0
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.message.clone())
            .collect()
    }

    #[test]
    fn name_is_required() {
        let err = Organisation::default().validated().expect_err("empty name");
        assert_eq!(
            messages_for(&err, "name"),
            vec!["Indiquez le nom de l’organisation."]
        );
        let err = Organisation {
            name: "   ".into(),
            ..Default::default()
        }
        .validated()
        .expect_err("blank name");
        assert_eq!(err.0.len(), 1);
    }

    #[test]
    fn name_length_is_counted_in_characters() {
        let ok = Organisation {
            name: "é".repeat(NAME_MAX),
            ..Default::default()
        };
        assert!(ok.validated().is_ok());
        let long = Organisation {
            name: "é".repeat(NAME_MAX + 1),
            ..Default::default()
        };
        let err = long.validated().expect_err("too long");
        assert_eq!(
            messages_for(&err, "name"),
            vec!["Ce texte est trop long\u{a0}: 200 caractères au plus (201 saisis)."]
        );
    }

    #[test]
    fn fields_are_trimmed_and_identifiers_normalised() {
        let org = Organisation {
            name: "  Les Amis du Quartier ".into(),
            rna: Some(" w691234567 ".into()),
            siret: Some("732 829 320 00074".into()),
            email: Some(" ".into()),
            ..Default::default()
        }
        .validated()
        .expect("valid");
        assert_eq!(org.name, "Les Amis du Quartier");
        assert_eq!(org.rna.as_deref(), Some("W691234567"));
        assert_eq!(org.siret.as_deref(), Some("73282932000074"));
        assert_eq!(org.email, None);
    }

    #[test]
    fn every_error_is_reported_with_its_field() {
        let err = Organisation {
            name: "Asso".into(),
            rna: Some("12345".into()),
            siret: Some("73282932000075".into()),
            postal_code: Some("6900".into()),
            email: Some("contact@asso".into()),
            phone: Some("appelez-moi".into()),
            ..Default::default()
        }
        .validated()
        .expect_err("invalid");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["rna", "siret", "postalCode", "email", "phone"]);
        assert_eq!(
            messages_for(&err, "postalCode"),
            vec!["Le code postal compte 5 chiffres (exemple\u{a0}: 69003). Pour une adresse hors de France, indiquez d’abord le pays."]
        );
        assert_eq!(
            messages_for(&err, "email"),
            vec!["Adresse e-mail invalide (exemple : contact@association.fr)."]
        );
        assert_eq!(
            messages_for(&err, "phone"),
            vec!["Numéro de téléphone invalide (exemple : 01 23 45 67 89)."]
        );
    }

    #[test]
    fn control_characters_are_refused() {
        let err = Organisation {
            name: "Asso\u{0007}".into(),
            ..Default::default()
        }
        .validated()
        .expect_err("bell");
        assert_eq!(
            messages_for(&err, "name"),
            vec!["Ce texte contient des caractères invisibles non autorisés."]
        );
    }

    #[test]
    fn valid_phone_and_email() {
        let org = Organisation {
            name: "Asso".into(),
            email: Some("contact@asso.fr".into()),
            phone: Some("+33 (0)1 23 45 67 89".into()),
            ..Default::default()
        };
        assert!(org.validated().is_ok());
    }

    fn org(name: &str) -> Organisation {
        Organisation {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn france_is_stored_as_no_country() {
        for typed in ["", "  ", "France", "FRANCE", "fr", " France "] {
            let o = Organisation {
                country: Some(typed.into()),
                postal_code: Some("69003".into()),
                ..org("Asso")
            }
            .validated()
            .expect(typed);
            assert_eq!(o.country, None, "{typed:?}");
            assert!(o.in_france());
        }
        let o = Organisation {
            country: Some("belgique".into()),
            ..org("Asso")
        }
        .validated()
        .expect("belgique");
        assert_eq!(o.country.as_deref(), Some("Belgique"));
        assert!(!o.in_france());
        let o = Organisation {
            country: Some("Sénégal".into()),
            ..org("Asso")
        }
        .validated()
        .expect("any country");
        assert_eq!(o.country.as_deref(), Some("Sénégal"));
        let err = Organisation {
            country: Some("75015".into()),
            ..org("Asso")
        }
        .validated()
        .expect_err("digits");
        assert_eq!(
            messages_for(&err, "country"),
            vec!["Indiquez le pays en toutes lettres (exemple\u{a0}: Belgique)."]
        );
    }

    #[test]
    fn a_belgian_partner_has_a_free_postal_code_and_its_register() {
        let o = Organisation {
            country: Some("Belgique".into()),
            postal_code: Some("7500".into()),
            city: Some("Tournai".into()),
            foreign_registration: Some(ForeignRegistration {
                register: " BCE ".into(),
                number: "0456.789.123".into(),
            }),
            ..org("Maison du Hainaut solidaire ASBL")
        }
        .validated()
        .expect("Belgian partner");
        assert_eq!(o.postal_code.as_deref(), Some("7500"));
        assert_eq!(
            o.foreign_registration,
            Some(ForeignRegistration {
                register: "BCE".into(),
                number: "0456.789.123".into(),
            })
        );
        // Letters, spaces and dashes outside France (« L-1234 », « SW1A 1AA »).
        for pc in ["L-1234", "SW1A 1AA", "1204"] {
            assert!(Organisation {
                country: Some("Royaume-Uni".into()),
                postal_code: Some(pc.into()),
                ..org("X")
            }
            .validated()
            .is_ok());
        }
        let err = Organisation {
            country: Some("Belgique".into()),
            postal_code: Some("75_000/Paris".into()),
            ..org("X")
        }
        .validated()
        .expect_err("symbols");
        assert_eq!(
            messages_for(&err, "postalCode"),
            vec!["Le code postal compte au plus 10 lettres, chiffres, espaces ou tirets."]
        );
        // In France, five digits, spaces typed inside removed.
        let o = Organisation {
            postal_code: Some("75 015".into()),
            ..org("X")
        }
        .validated()
        .expect("spaced");
        assert_eq!(o.postal_code.as_deref(), Some("75015"));
        let err = Organisation {
            postal_code: Some("7500".into()),
            ..org("X")
        }
        .validated()
        .expect_err("France");
        assert_eq!(messages_for(&err, "postalCode").len(), 1);
    }

    #[test]
    fn a_foreign_registration_needs_both_parts_and_a_foreign_country() {
        let err = Organisation {
            country: Some("Suisse".into()),
            foreign_registration: Some(ForeignRegistration {
                register: "IDE".into(),
                number: " ".into(),
            }),
            ..org("X")
        }
        .validated()
        .expect_err("no number");
        assert_eq!(
            messages_for(&err, "foreignRegistration.number"),
            vec!["Indiquez le numéro d’immatriculation dans ce registre."]
        );
        let err = Organisation {
            country: Some("Suisse".into()),
            foreign_registration: Some(ForeignRegistration {
                register: "".into(),
                number: "CHE-123.456.789".into(),
            }),
            ..org("X")
        }
        .validated()
        .expect_err("no register");
        assert_eq!(messages_for(&err, "foreignRegistration.register").len(), 1);
        let err = Organisation {
            foreign_registration: Some(ForeignRegistration {
                register: "BCE".into(),
                number: "0456.789.123".into(),
            }),
            ..org("X")
        }
        .validated()
        .expect_err("in France");
        assert!(messages_for(&err, "foreignRegistration.register")[0].contains("hors de France"));
        // Both empty: nothing recorded.
        let o = Organisation {
            foreign_registration: Some(ForeignRegistration::default()),
            ..org("X")
        }
        .validated()
        .expect("empty");
        assert_eq!(o.foreign_registration, None);
    }

    #[test]
    fn rna_is_refused_abroad_while_siret_is_allowed() {
        let err = Organisation {
            country: Some("Belgique".into()),
            rna: Some("W751234567".into()),
            siret: Some("732 829 320 00074".into()),
            ..org("X")
        }
        .validated()
        .expect_err("RNA abroad");
        assert_eq!(err.0.len(), 1);
        assert!(messages_for(&err, "rna")[0].contains("établies en France"));
    }

    #[test]
    fn a_country_written_after_the_city_becomes_the_country() {
        for (city, place, country) in [
            ("Tournai (Belgique)", "Tournai", "Belgique"),
            ("Genève, Suisse", "Genève", "Suisse"),
            (
                "Esch-sur-Alzette (luxembourg)",
                "Esch-sur-Alzette",
                "Luxembourg",
            ),
        ] {
            let o = Organisation {
                city: Some(city.into()),
                postal_code: Some("7500".into()),
                ..org("X")
            }
            .validated()
            .expect(city);
            assert_eq!(o.city.as_deref(), Some(place));
            assert_eq!(o.country.as_deref(), Some(country));
        }
        // Not a country: left alone, and a French address keeps its rules.
        for city in ["Saint-Louis (Haut-Rhin)", "Lyon, FR", "Paris, CH"] {
            let o = Organisation {
                city: Some(city.into()),
                postal_code: Some("68300".into()),
                ..org("X")
            }
            .validated()
            .expect(city);
            assert_eq!(o.city.as_deref(), Some(city));
            assert_eq!(o.country, None);
        }
        // A country given explicitly wins over the city's text.
        let o = Organisation {
            country: Some("Suisse".into()),
            city: Some("Tournai (Belgique)".into()),
            ..org("X")
        }
        .validated()
        .expect("explicit");
        assert_eq!(o.country.as_deref(), Some("Suisse"));
        assert_eq!(o.city.as_deref(), Some("Tournai (Belgique)"));
    }

    #[test]
    fn an_alsace_moselle_association_has_its_local_register() {
        let local = LocalRegister {
            court: " Strasbourg ".into(),
            volume: "84".into(),
            folio: "127".into(),
        };
        for pc in ["67000", "68100", "57000"] {
            let o = Organisation {
                legal_form: Some("Association de droit local (Alsace-Moselle)".into()),
                postal_code: Some(pc.into()),
                local_register: Some(local.clone()),
                ..org("Cercle de l’Ill")
            }
            .validated()
            .expect(pc);
            assert_eq!(
                o.local_register.as_ref().map(|l| l.court.as_str()),
                Some("Strasbourg")
            );
        }
        // With an RNA as well (an association that moved, or declared both).
        assert!(Organisation {
            postal_code: Some("67000".into()),
            rna: Some("W672001234".into()),
            local_register: Some(local.clone()),
            ..org("X")
        }
        .validated()
        .is_ok());
        // Elsewhere, or without a postal code: refused on the tribunal.
        for pc in [Some("69003"), None] {
            let err = Organisation {
                postal_code: pc.map(Into::into),
                local_register: Some(local.clone()),
                ..org("X")
            }
            .validated()
            .expect_err("outside 57/67/68");
            assert!(messages_for(&err, "localRegister.court")[0].contains("57"));
        }
        let err = Organisation {
            country: Some("Allemagne".into()),
            postal_code: Some("67000".into()),
            local_register: Some(local.clone()),
            ..org("X")
        }
        .validated()
        .expect_err("abroad");
        assert_eq!(messages_for(&err, "localRegister.court").len(), 1);
        // Every part required once one is given.
        let err = Organisation {
            postal_code: Some("57000".into()),
            local_register: Some(LocalRegister {
                court: "Metz".into(),
                ..Default::default()
            }),
            ..org("X")
        }
        .validated()
        .expect_err("parts");
        assert_eq!(
            messages_for(&err, "localRegister.volume"),
            vec!["Indiquez le volume du registre."]
        );
        assert_eq!(
            messages_for(&err, "localRegister.folio"),
            vec!["Indiquez le folio du registre."]
        );
        assert!(Organisation {
            local_register: Some(LocalRegister::default()),
            ..org("X")
        }
        .validated()
        .expect("empty")
        .local_register
        .is_none());
    }

    #[test]
    fn bank_details_are_checked_and_stored_compact() {
        let o = Organisation {
            bank: Some(BankDetails {
                iban: "fr76 3000 6000 0112 3456 7890 189".into(),
                bic: Some("agri fr pp 882".into()),
            }),
            ..org("X")
        }
        .validated()
        .expect("valid");
        assert_eq!(
            o.bank,
            Some(BankDetails {
                iban: "FR7630006000011234567890189".into(),
                bic: Some("AGRIFRPP882".into()),
            })
        );
        let o = Organisation {
            country: Some("Belgique".into()),
            bank: Some(BankDetails {
                iban: "BE68 5390 0754 7034".into(),
                bic: None,
            }),
            ..org("X")
        }
        .validated()
        .expect("Belgian IBAN");
        assert_eq!(o.bank.map(|b| b.iban).as_deref(), Some("BE68539007547034"));
        let err = Organisation {
            bank: Some(BankDetails {
                iban: "FR76 3000 6000 0112 3456 7890 188".into(),
                bic: Some("AGRIFRP".into()),
            }),
            ..org("X")
        }
        .validated()
        .expect_err("wrong key");
        assert!(messages_for(&err, "bank.iban")[0].contains("clé de contrôle"));
        assert!(messages_for(&err, "bank.bic")[0].contains("8 ou 11"));
        let err = Organisation {
            bank: Some(BankDetails {
                iban: " ".into(),
                bic: Some("AGRIFRPP".into()),
            }),
            ..org("X")
        }
        .validated()
        .expect_err("BIC alone");
        assert_eq!(messages_for(&err, "bank.iban").len(), 1);
        let err = Organisation {
            bank: Some(BankDetails {
                iban: "FR76 ".repeat(20),
                bic: Some("B".repeat(40)),
            }),
            ..org("X")
        }
        .validated()
        .expect_err("far too long");
        assert_eq!(messages_for(&err, "bank.iban").len(), 1);
        assert!(messages_for(&err, "bank.iban")[0].contains("trop long"));
        assert_eq!(messages_for(&err, "bank.bic").len(), 1);
        assert!(Organisation {
            bank: Some(BankDetails::default()),
            ..org("X")
        }
        .validated()
        .expect("empty")
        .bank
        .is_none());
    }

    #[test]
    fn the_designation_is_checked_under_its_prefix() {
        let o = Organisation {
            designation: Some(Designation {
                short_name: "  le Département ".into(),
                ..Default::default()
            }),
            ..org("Département d’Indre-et-Loire")
        }
        .validated()
        .expect("designation");
        assert_eq!(
            o.designation.map(|d| d.short_name).as_deref(),
            Some("le Département")
        );
        let err = Organisation {
            designation: Some(Designation {
                short_name: "x".repeat(SHORT_MAX + 1),
                ..Default::default()
            }),
            ..org("X")
        }
        .validated()
        .expect_err("long");
        assert_eq!(messages_for(&err, "designation.shortName").len(), 1);
        let err = Organisation {
            designation: Some(Designation::default()),
            ..org("X")
        }
        .validated()
        .expect_err("empty short name");
        assert_eq!(messages_for(&err, "designation.shortName").len(), 1);
    }

    #[test]
    fn la_poste_head_office_and_pasted_numbers_are_stored_canonical() {
        let o = Organisation {
            siret: Some("356 000 000 00048".into()),
            ..org("La Poste")
        }
        .validated()
        .expect("La Poste head office");
        assert_eq!(o.siret.as_deref(), Some("35600000000048"));
        let o = Organisation {
            siret: Some("329.338.883\u{a0}00153".into()),
            rna: Some("w 372-009-876".into()),
            ..org("X")
        }
        .validated()
        .expect("separators");
        assert_eq!(o.siret.as_deref(), Some("32933888300153"));
        assert_eq!(o.rna.as_deref(), Some("W372009876"));
    }
}
