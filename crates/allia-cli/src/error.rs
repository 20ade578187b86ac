//! One-line French errors for the person at the terminal.

use std::fmt;

use allia_core::FieldError;
use allia_store::StoreError;

#[derive(Debug)]
pub struct CliError(String);

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError(message.into())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        match e {
            // Every field problem on one line: a script's author needs them all.
            StoreError::Validation(errors) if errors.0.len() > 1 => CliError(
                errors
                    .0
                    .iter()
                    .map(field_problem)
                    .collect::<Vec<_>>()
                    .join(" ; "),
            ),
            StoreError::Validation(errors) => CliError(
                errors
                    .first()
                    .map(field_problem)
                    .unwrap_or_else(|| errors.user_message()),
            ),
            other => CliError(other.user_message()),
        }
    }
}

/// « label : message » for one field problem, the label in French for a person: the
/// fields typed at the terminal by their name (« phrase de passe »), a field of an
/// alliance file by where it is (« alliance, durée », « partenaire 3, SIRET »). A field
/// without a French name here gets no label of its own (« partenaire 3 : … »), and
/// one that is not in a file gets none at all: the message says what is wrong.
pub(crate) fn field_problem(problem: &FieldError) -> String {
    match field_label(&problem.field) {
        Some(label) => format!("{label}\u{a0}: {}", problem.message),
        None => problem.message.clone(),
    }
}

/// The French label of a field path (see [`field_problem`]).
fn field_label(field: &str) -> Option<String> {
    let segments: Vec<&str> = field.split('.').collect();
    let (place, rest) = match segments.as_slice() {
        [single] => {
            return match *single {
                "passphrase" => Some("phrase de passe".into()),
                "confirmation" => Some("confirmation".into()),
                "recoveryKey" => Some("clé de récupération".into()),
                _ => None,
            }
        }
        ["alliance", "terms", rest @ ..] => ("alliance".to_string(), rest),
        ["alliance", rest @ ..] => ("alliance".to_string(), rest),
        ["profile", rest @ ..] => ("profil".to_string(), rest),
        ["partners", number, rest @ ..] => (format!("partenaire {number}"), rest),
        ["commitments", number, ..] => return Some(format!("engagements, entrée {number}")),
        _ => return None,
    };
    match field_name(&rest.join(".")) {
        Some(name) => Some(format!("{place}, {name}")),
        None => Some(place),
    }
}

/// The name of a field (its path inside an alliance, a partner or the alliance's
/// terms) as the app's forms label it.
fn field_name(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "nom",
        "purpose" => "objet",
        "territory" => "territoire",
        "startDate" => "date de début",
        "status" => "statut",
        "durationMonths" => "durée",
        "tacitRenewal" => "reconduction tacite",
        "noticeMonths" => "préavis",
        "signaturePlace" => "lieu de signature",
        "signatureDate" => "date de signature",
        "copies" => "nombre d’exemplaires originaux",
        "court" => "tribunal compétent",
        "acronym" => "sigle",
        "legalForm" => "forme juridique",
        "rna" => "numéro RNA",
        "siret" => "SIRET",
        "street" => "rue",
        "postalCode" => "code postal",
        "city" => "ville",
        "representativeName" => "nom du représentant",
        "representativeRole" => "fonction du représentant",
        "email" => "adresse e-mail",
        "phone" => "téléphone",
        "actorType" => "type d’acteur",
        "role" => "rôle dans l’alliance",
        "resources" => "ressources apportées",
        "resourceTags" => "mots-clés",
        "country" => "pays",
        "foreignRegistration.number" => "numéro d’immatriculation",
        "foreignRegistration.register" => "registre d’immatriculation",
        "localRegister.court" => "tribunal du registre des associations",
        "localRegister.volume" => "volume du registre des associations",
        "localRegister.folio" => "folio du registre des associations",
        "bank.iban" => "IBAN",
        "bank.bic" => "BIC",
        "designation.shortName" => "nom court",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(field: &str) -> FieldError {
        FieldError {
            field: field.into(),
            message: "Message.".into(),
        }
    }

    #[test]
    fn fields_get_french_labels() {
        assert_eq!(
            field_problem(&problem("passphrase")),
            "phrase de passe\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("recoveryKey")),
            "clé de récupération\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.2.email")),
            "partenaire 2, adresse e-mail\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.3.siret")),
            "partenaire 3, SIRET\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("alliance.name")),
            "alliance, nom\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("alliance.terms.noticeMonths")),
            "alliance, préavis\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.2.localRegister.court")),
            "partenaire 2, tribunal du registre des associations\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("alliance.terms.court")),
            "alliance, tribunal compétent\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.1.bank.iban")),
            "partenaire 1, IBAN\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("commitments.2.draft.financial.0.amountCents")),
            "engagements, entrée 2\u{a0}: Message."
        );
        // A field this list does not name yet still says where it is.
        assert_eq!(
            field_problem(&problem("partners.4.somethingNew")),
            "partenaire 4\u{a0}: Message."
        );
        assert_eq!(field_problem(&problem("siret")), "Message.");
        assert_eq!(field_problem(&problem("format")), "Message.");
    }
}
