//! The parties' signatures of a version: who signed for each party, and when.

use serde::{Deserialize, Serialize};

/// A party's signature of a version: who signed for it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartySignature {
    /// The party's name as printed in the document.
    pub party: String,
    pub signatory: String,
    pub signed_on: chrono::NaiveDate,
}

impl PartySignature {
    /// Trims the party and the signatory (both required) and checks the date's year.
    pub fn validated(&self) -> Result<PartySignature, crate::ValidationErrors> {
        validated_signature(&self.party, &self.signatory, Some(self.signed_on))
    }
}

/// A signature as the person enters it: the date field may still be empty, which
/// [`SignatureDraft::validated`] refuses at its field (« Indiquez la date de
/// signature. ») instead of the call failing before any rule is read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SignatureDraft {
    /// The party's name as printed in the document.
    pub party: String,
    pub signatory: String,
    /// The day it was signed; `None` while the field is empty.
    #[serde(default)]
    pub signed_on: Option<chrono::NaiveDate>,
}

impl SignatureDraft {
    /// The signature to record, or every field error in French (`party`, `signatory`,
    /// `signedOn`).
    pub fn validated(&self) -> Result<PartySignature, crate::ValidationErrors> {
        validated_signature(&self.party, &self.signatory, self.signed_on)
    }
}

/// The one rule for a signature, whether it comes as a draft or stored.
fn validated_signature(
    party: &str,
    signatory: &str,
    signed_on: Option<chrono::NaiveDate>,
) -> Result<PartySignature, crate::ValidationErrors> {
    use crate::validation::{plausible_date, text};
    let mut errors = crate::ValidationErrors::default();
    let party = text(
        &mut errors,
        "party",
        party,
        Some("la partie qui signe"),
        200,
    );
    let signatory = text(
        &mut errors,
        "signatory",
        signatory,
        Some("le nom du ou de la signataire"),
        100,
    );
    match signed_on {
        Some(date) => plausible_date(
            &mut errors,
            "signedOn",
            date,
            "Cette date de signature semble erronée\u{a0}: vérifiez l’année.",
        ),
        None => errors.push("signedOn", "Indiquez la date de signature."),
    }
    errors.into_result(PartySignature {
        party,
        signatory,
        // Only read when there is no error, so a date is there.
        signed_on: signed_on.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_needs_a_signatory() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        let err = PartySignature {
            party: "Mairie".into(),
            signatory: " ".into(),
            signed_on: date,
        }
        .validated()
        .expect_err("no signatory");
        assert_eq!(err.0[0].field, "signatory");
        assert_eq!(err.0[0].message, "Indiquez le nom du ou de la signataire.");
        let err = PartySignature {
            party: "M".repeat(201),
            signatory: "Claire Moreau".into(),
            signed_on: date,
        }
        .validated()
        .expect_err("long party");
        assert_eq!(err.0[0].field, "party");
        assert_eq!(
            err.0[0].message,
            "Ce texte est trop long\u{a0}: 200 caractères au plus (201 saisis)."
        );
    }

    #[test]
    fn a_signature_without_a_date_is_refused_at_its_field() {
        let draft: SignatureDraft = serde_json::from_str(
            r#"{"party":"Mairie","signatory":"Claire Moreau","signedOn":null}"#,
        )
        .expect("a draft with an empty date reads");
        let err = draft.validated().expect_err("no date");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "signedOn");
        assert_eq!(err.0[0].message, "Indiquez la date de signature.");
        let blank: SignatureDraft =
            serde_json::from_str(r#"{"party":" Mairie ","signatory":"  "}"#)
                .expect("no date at all");
        let fields: Vec<_> = blank
            .validated()
            .expect_err("no signatory, no date")
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["signatory", "signedOn"]);
        let ok = SignatureDraft {
            party: " Mairie ".into(),
            signatory: "Claire Moreau".into(),
            signed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
        }
        .validated()
        .expect("complete");
        assert_eq!(ok.party, "Mairie");
        assert_eq!(
            ok.signed_on,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date")
        );
    }
}
