//! The identity of an organisation as a contract names it: the user's own association
//! (its profile) and each partner share these fields.

use serde::{Deserialize, Serialize};

use crate::designation::Designation;
use crate::identifiers::{normalize_rna, normalize_siren_or_siret};
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
    /// Numéro RNA: W + 9 digits.
    #[serde(default)]
    pub rna: Option<String>,
    /// SIREN (9 digits) or SIRET (14 digits).
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
    /// How contracts name it (article, gender, short name); when absent, the proposal
    /// from its name and actor type is used.
    #[serde(default)]
    #[cfg_attr(feature = "sqlx", sqlx(skip))]
    pub designation: Option<Designation>,
    /// Country, in French (« Belgique »); France when absent.
    #[serde(default)]
    #[cfg_attr(feature = "sqlx", sqlx(skip))]
    pub country: Option<String>,
    /// Outside France: the number given by the country's register (« BCE 0456.789.123 »).
    #[serde(default)]
    #[cfg_attr(feature = "sqlx", sqlx(skip))]
    pub foreign_registration: Option<ForeignRegistration>,
    /// Associations of Bas-Rhin, Haut-Rhin and Moselle: their entry in the register of
    /// associations of the tribunal judiciaire (local law), instead of an RNA number.
    #[serde(default)]
    #[cfg_attr(feature = "sqlx", sqlx(skip))]
    pub local_register: Option<LocalRegister>,
    /// Bank account where the contributions it receives are paid.
    #[serde(default)]
    #[cfg_attr(feature = "sqlx", sqlx(skip))]
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

impl Organisation {
    /// Trims and normalises every field, and reports every problem at once.
    pub fn validated(&self) -> Result<Organisation, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let org = self.normalized(&mut errors);
        errors.into_result(org)
    }

    pub(crate) fn normalized(&self, errors: &mut ValidationErrors) -> Organisation {
        let name = text(
            errors,
            "name",
            &self.name,
            Some("le nom de l’organisation"),
            NAME_MAX,
        );
        let rna = optional_text(errors, "rna", &self.rna, 20).map(|v| match normalize_rna(&v) {
            Ok(n) => n,
            Err(msg) => {
                errors.push("rna", msg);
                v
            }
        });
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
        let postal_code = optional_text(errors, "postalCode", &self.postal_code, 10);
        if let Some(pc) = &postal_code {
            if pc.len() != 5 || !pc.chars().all(|c| c.is_ascii_digit()) {
                errors.push(
                    "postalCode",
                    "Le code postal compte 5 chiffres (exemple : 69003).",
                );
            }
        }
        Organisation {
            name,
            acronym: optional_text(errors, "acronym", &self.acronym, 30),
            legal_form: optional_text(errors, "legalForm", &self.legal_form, SHORT_MAX),
            rna,
            siret,
            street: optional_text(errors, "street", &self.street, LINE_MAX),
            postal_code,
            city: optional_text(errors, "city", &self.city, SHORT_MAX),
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
            designation: self.designation.clone(),
            country: self.country.clone(),
            foreign_registration: self.foreign_registration.clone(),
            local_register: self.local_register.clone(),
            bank: self.bank.clone(),
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
            vec!["Le code postal compte 5 chiffres (exemple : 69003)."]
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
}
