//! Where a field of an alliance file is, said in French (« partenaire 3, SIRET »), and
//! the refusal of a file listing each problem with its place.

use super::{french_count, FieldError, ValidationErrors};

/// Where a field of an alliance file is, in French, for a person who has no form in
/// front of them (an imported file, the command line): « alliance, préavis »,
/// « profil, IBAN », « partenaire 3, SIRET », « engagements, entrée 2 ».
///
/// `field` is a dotted path as [`crate::AllianceFile::validated_for_import`] reports
/// it: `alliance.<field>` (the alliance's terms under `alliance.terms.<field>`),
/// `profile.<field>` (the sender's profile), `partners.<N>.<field>` and
/// `commitments.<N>.…`, `documents.<N>.versions.<M>.…` (format 2), N and M counted
/// from 1 in the file's order. The field's name is the
/// label of the app's forms; a field this list does not name yet gives the place alone
/// (« partenaire 4 »), and a path that is not in a file (`format`, `partners`, a single
/// name such as `siret`) gives `None`: the message then says what is wrong by itself.
pub fn field_place(field: &str) -> Option<String> {
    let segments: Vec<&str> = field.split('.').collect();
    let (place, rest) = match segments.as_slice() {
        ["alliance", "terms", rest @ ..] => ("alliance".to_string(), rest),
        ["alliance", rest @ ..] => ("alliance".to_string(), rest),
        ["profile", rest @ ..] => ("profil".to_string(), rest),
        ["partners", number, rest @ ..] => (format!("partenaire {number}"), rest),
        // A commitment's entry is named as a whole: its inner indexes (from 0) would
        // mean nothing to the reader.
        ["commitments", number, ..] => return Some(format!("engagements, entrée {number}")),
        // A document of a format-2 file, its version, a signature: named as a whole.
        ["documents", number, "versions", version, "signatures", signature, ..] => {
            return Some(format!(
                "document {number}, version {version}, signature {signature}"
            ))
        }
        ["documents", number, "versions", version, ..] => {
            return Some(format!("document {number}, version {version}"))
        }
        ["documents", number, ..] => return Some(format!("document {number}")),
        // The actor register's records (`interactions`, `exchanges`, `criteria`, `scores`).
        _ => {
            return crate::alliance_file::actor_record_place(field)
                .or_else(|| crate::alliance_file::evaluation_record_place(field))
        }
    };
    let rest = rest.join(".");
    match form_label(&rest).or_else(|| crate::alliance_file::actor_field_label(&rest)) {
        Some(name) => Some(format!("{place}, {name}")),
        None => Some(place),
    }
}

/// The label the app's forms give a field of an alliance, a partner, the profile or the
/// alliance's terms (its path inside that record), for [`field_place`].
fn form_label(field: &str) -> Option<&'static str> {
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

impl FieldError {
    /// « <place> : <message> » ([`field_place`]), or the message alone when the field
    /// has no place in an alliance file.
    pub fn placed(&self) -> String {
        match field_place(&self.field) {
            Some(place) => format!("{place}\u{a0}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// How many problems the refusal of an alliance file lists one by one
/// ([`ValidationErrors::alliance_file_message`]); the others are counted.
pub const LISTED_PROBLEMS_MAX: usize = 10;

impl ValidationErrors {
    /// Every problem as « <place> : <message> » ([`FieldError::placed`]), in order.
    pub fn placed_lines(&self) -> Vec<String> {
        self.0.iter().map(FieldError::placed).collect()
    }

    /// Why an alliance file is refused, for a person who has no form showing its fields:
    /// a first line « Ce fichier d’alliance contient des informations à corriger : »
    /// (« une information » for one), then one line per problem
    /// ([`ValidationErrors::placed_lines`]), the first [`LISTED_PROBLEMS_MAX`] of them,
    /// then « et N autres informations à corriger. » when there are more. Lines are
    /// separated by `\n`: a screen shows the lines after the first as a list. A single
    /// problem that has no place in the file (a format this version cannot read) is its
    /// message alone.
    pub fn alliance_file_message(&self) -> String {
        match self.0.as_slice() {
            [] => self.user_message(),
            [only] if field_place(&only.field).is_none() => only.message.clone(),
            [only] => format!(
                "Ce fichier d’alliance contient une information à corriger\u{a0}:\n{}",
                only.placed()
            ),
            all => {
                let mut lines = vec![
                    "Ce fichier d’alliance contient des informations à corriger\u{a0}:".to_string(),
                ];
                lines.extend(all.iter().take(LISTED_PROBLEMS_MAX).map(FieldError::placed));
                match all.len().saturating_sub(LISTED_PROBLEMS_MAX) {
                    0 => {}
                    1 => lines.push("et 1 autre information à corriger.".to_string()),
                    more => lines.push(format!(
                        "et {} autres informations à corriger.",
                        french_count(more)
                    )),
                }
                lines.join("\n")
            }
        }
    }
}
