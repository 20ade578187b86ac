//! The contract documents an alliance signs (step 4 of the guide, « Formaliser
//! contractuellement »), and the data a document adds to the alliance's own.

use serde::{Deserialize, Serialize};

/// The guide's three contractual documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    PartnershipAgreement,
    PartnershipCharter,
    ConsortiumAgreement,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        Self::PartnershipAgreement,
        Self::PartnershipCharter,
        Self::ConsortiumAgreement,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::PartnershipAgreement => "Convention de partenariat",
            Self::PartnershipCharter => "Charte partenariale",
            Self::ConsortiumAgreement => "Accord de consortium",
        }
    }

    /// What the document is for, in the guide's words.
    pub fn purpose(self) -> &'static str {
        match self {
            Self::PartnershipAgreement => "Fixe les engagements stratégiques et opérationnels des partenaires.",
            Self::PartnershipCharter => "Pose le cadre éthique et déontologique de la coopération.",
            Self::ConsortiumAgreement => {
                "Organise la gouvernance collective, le calendrier et les modalités financières du consortium."
            }
        }
    }

    /// Short name used on the command line (`allia render --document …`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::PartnershipAgreement => "convention",
            Self::PartnershipCharter => "charte",
            Self::ConsortiumAgreement => "consortium",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.cli_name() == name)
    }
}

/// A change the user made to one clause of a document model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClauseOverride {
    /// The clause's stable identity in the model (e.g. « resiliation »).
    pub clause_id: String,
    /// `Some(false)` leaves an optional clause out; `None` keeps the model's default.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Replacement text (same placeholders as the model); `None` keeps the model text.
    #[serde(default)]
    pub text: Option<String>,
}

impl ClauseOverride {
    /// Whether it changes nothing (model default and model text): such an override is
    /// not kept.
    pub fn is_empty(&self) -> bool {
        self.enabled.is_none() && self.text.is_none()
    }
}

/// What the person does to one clause in the builder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "type", content = "value")]
pub enum ClauseChange {
    /// Includes or leaves out an optional clause; an edited text stays.
    Include(bool),
    /// Replaces the clause's text; the include choice stays.
    SetText(String),
    /// Goes back to the model's text; the include choice stays.
    ResetText,
}

/// Puts `change` in `overrides` as the one override of its clause: in place of the
/// existing one, or at the end; removed when it changes nothing.
fn merge_override(overrides: &mut Vec<ClauseOverride>, change: ClauseOverride) {
    let existing = overrides
        .iter()
        .position(|o| o.clause_id == change.clause_id);
    match (existing, change.is_empty()) {
        (Some(index), true) => {
            overrides.remove(index);
        }
        (Some(index), false) => overrides[index] = change,
        (None, true) => {}
        (None, false) => overrides.push(change),
    }
}

/// Where a version of a document stands. A version is frozen once it leaves draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    #[default]
    Draft,
    InReview,
    ReadyToSign,
    Signed,
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 4] =
        [Self::Draft, Self::InReview, Self::ReadyToSign, Self::Signed];

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Brouillon",
            Self::InReview => "En relecture",
            Self::ReadyToSign => "Prêt à signer",
            Self::Signed => "Signé",
        }
    }

    /// Whether the version's content is fixed (anything but a draft): a change to its
    /// settings starts a new draft version instead.
    pub fn is_frozen(self) -> bool {
        self != Self::Draft
    }

    /// The status that follows in the guide's order (Brouillon → En relecture → Prêt à
    /// signer → Signé), the one step the builder offers; `None` once signed.
    pub fn next(self) -> Option<DocumentStatus> {
        match self {
            Self::Draft => Some(Self::InReview),
            Self::InReview => Some(Self::ReadyToSign),
            Self::ReadyToSign => Some(Self::Signed),
            Self::Signed => None,
        }
    }

    /// A version only moves forward (steps may be skipped); going back to draft means
    /// starting a new version.
    pub fn can_move_to(self, next: DocumentStatus) -> bool {
        (next as u8) > (self as u8)
    }

    /// [`DocumentStatus::can_move_to`] as a refusal to show.
    ///
    /// # Errors
    /// [`DocumentRefusal::Backwards`] when `next` is not after `self`.
    pub fn check_move_to(self, next: DocumentStatus) -> Result<(), DocumentRefusal> {
        if self.can_move_to(next) {
            Ok(())
        } else {
            Err(DocumentRefusal::Backwards)
        }
    }

    /// Whether moving from `self` to `next` makes the version « Prêt à signer » for the
    /// first time (or skips that step on the way to « Signé »): the move the readiness
    /// rule of [`DocumentStatus::check_ready_to_sign`] guards.
    pub fn reaches_ready_to_sign(self, next: DocumentStatus) -> bool {
        (self as u8) < (Self::ReadyToSign as u8) && (next as u8) >= (Self::ReadyToSign as u8)
    }

    /// Whether moving to `next` needs the person to confirm first: the move reaches
    /// « Prêt à signer » while the text still holds `blanks` « [à compléter] » passages
    /// or `to_check` « À vérifier » items (issue 8: a contract is not offered for
    /// signature with gaps unless someone decided so, knowingly).
    pub fn needs_ready_confirmation(
        self,
        next: DocumentStatus,
        blanks: usize,
        to_check: usize,
    ) -> bool {
        self.reaches_ready_to_sign(next) && (blanks > 0 || to_check > 0)
    }

    /// [`DocumentStatus::needs_ready_confirmation`] as a refusal: the move is allowed
    /// when nothing is left to fill or check, or when the call carries the person's
    /// explicit confirmation (`confirmed`), given after seeing the list.
    ///
    /// # Errors
    /// [`DocumentRefusal::Unfinished`] with the counts when a confirmation is needed and
    /// missing.
    pub fn check_ready_to_sign(
        self,
        next: DocumentStatus,
        blanks: usize,
        to_check: usize,
        confirmed: bool,
    ) -> Result<(), DocumentRefusal> {
        if confirmed || !self.needs_ready_confirmation(next, blanks, to_check) {
            Ok(())
        } else {
            Err(DocumentRefusal::Unfinished { blanks, to_check })
        }
    }

    /// Whether parties can record their signature on a version in this status: once it
    /// is ready to sign, and still once signed (a signature may be corrected).
    pub fn accepts_signatures(self) -> bool {
        matches!(self, Self::ReadyToSign | Self::Signed)
    }

    /// [`DocumentStatus::accepts_signatures`] as a refusal to show.
    ///
    /// # Errors
    /// [`DocumentRefusal::NotReadyToSign`] before the version is ready to sign.
    pub fn check_accepts_signatures(self) -> Result<(), DocumentRefusal> {
        if self.accepts_signatures() {
            Ok(())
        } else {
            Err(DocumentRefusal::NotReadyToSign)
        }
    }
}

/// A change the current state of a document does not allow: a precondition, not bad
/// input (the same request is fine on a document in another state). `Display` is the
/// French sentence shown to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentRefusal {
    /// A status at or before the current one.
    #[error("Une version ne revient pas en arrière\u{a0}: modifiez le document pour en créer une nouvelle.")]
    Backwards,
    /// A signature on a version that is not ready to sign yet.
    #[error("Les signatures s’enregistrent sur une version «\u{a0}prêt à signer\u{a0}».")]
    NotReadyToSign,
    /// Back to « Brouillon » once a party has signed (or the version is signed).
    #[error("Une version qui porte déjà une signature ne revient pas au brouillon\u{a0}: modifiez le document pour en créer une nouvelle.")]
    AlreadySigned,
    /// « Signé » while a party the document prints has no recorded signature.
    #[error("Le document ne peut être marqué signé qu’une fois la signature de chaque partie enregistrée (signataire et date).")]
    Unsigned,
    /// « Prêt à signer » while the text still has blanks or items to check, without the
    /// person's confirmation.
    #[error("{}", unfinished_message(*blanks, *to_check))]
    Unfinished {
        /// « [à compléter] » passages left in the text.
        blanks: usize,
        /// « À vérifier » items left.
        to_check: usize,
    },
}

/// The French sentence of [`DocumentRefusal::Unfinished`], with its counts.
fn unfinished_message(blanks: usize, to_check: usize) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1\u{a0}{one}"),
        n => format!("{n}\u{a0}{many}"),
    };
    let mut left = Vec::new();
    if blanks > 0 {
        left.push(count(
            blanks,
            "passage «\u{a0}[à compléter]\u{a0}»",
            "passages «\u{a0}[à compléter]\u{a0}»",
        ));
    }
    if to_check > 0 {
        left.push(count(
            to_check,
            "point «\u{a0}À vérifier\u{a0}»",
            "points «\u{a0}À vérifier\u{a0}»",
        ));
    }
    format!(
        "Il reste {} dans ce document\u{a0}: complétez-les, ou confirmez que le document est prêt à signer tel quel.",
        left.join(" et ")
    )
}

/// What the user sets on a document besides the alliance data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DocumentSettings {
    pub title: String,
    #[serde(default)]
    pub overrides: Vec<ClauseOverride>,
    /// « Fait à … »; the association's city when empty.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub signature_date: Option<chrono::NaiveDate>,
    /// Number of original copies; one per party when empty.
    #[serde(default)]
    pub copies: Option<u32>,
}

const MAX_COPIES: u32 = 50;
/// Longest text of one clause, in characters.
pub const MAX_CLAUSE_TEXT: usize = crate::validation::LONG_TEXT_MAX;
/// Most clause changes one document carries (the longest model has a few dozen
/// clauses; the cap only stops absurd input before any work is done on it).
pub const MAX_OVERRIDES: usize = 200;
/// Longest clause identity, in characters (the models use short ASCII names).
const MAX_CLAUSE_ID: usize = 64;
/// Most signatures one version records (one per party).
pub const MAX_SIGNATURES: usize = 100;

/// Whether a clause identity has the models' shape: `a-z`, `0-9` and `_`.
fn is_clause_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CLAUSE_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl DocumentSettings {
    /// The override of a clause, if the person changed it.
    pub fn clause_override(&self, clause_id: &str) -> Option<&ClauseOverride> {
        self.overrides.iter().find(|o| o.clause_id == clause_id)
    }

    /// The settings with one clause changed: the other half of its override is kept
    /// (the text when it is toggled, the choice when its text changes), and an override
    /// left changing nothing is dropped.
    pub fn with_clause_change(&self, clause_id: &str, change: ClauseChange) -> DocumentSettings {
        let existing = self.clause_override(clause_id);
        let (enabled, text) = match change {
            ClauseChange::Include(enabled) => {
                (Some(enabled), existing.and_then(|o| o.text.clone()))
            }
            ClauseChange::SetText(text) => (existing.and_then(|o| o.enabled), Some(text)),
            ClauseChange::ResetText => (existing.and_then(|o| o.enabled), None),
        };
        let mut settings = self.clone();
        merge_override(
            &mut settings.overrides,
            ClauseOverride {
                clause_id: clause_id.to_string(),
                enabled,
                text,
            },
        );
        settings
    }

    /// Trims the title and place, checks the copies, the number of clause changes, each
    /// clause's identity and text; keeps one change per clause (the last one).
    pub fn validated(&self) -> Result<DocumentSettings, crate::ValidationErrors> {
        use crate::validation::{has_forbidden_control, optional_text, text, too_long_message};
        let mut errors = crate::ValidationErrors::default();
        let title = text(
            &mut errors,
            "title",
            &self.title,
            Some("le titre du document"),
            200,
        );
        let place = optional_text(&mut errors, "place", &self.place, 100);
        if let Some(date) = self.signature_date {
            crate::validation::plausible_date(
                &mut errors,
                "signatureDate",
                date,
                "Cette date de signature semble erronée\u{a0}: vérifiez l’année.",
            );
        }
        if let Some(copies) = self.copies {
            if !(1..=MAX_COPIES).contains(&copies) {
                errors.push(
                    "copies",
                    format!("Indiquez entre 1 et {MAX_COPIES} exemplaires."),
                );
            }
        }
        let mut overrides: Vec<ClauseOverride> = Vec::new();
        if self.overrides.len() > MAX_OVERRIDES {
            errors.push(
                "clauses",
                crate::validation::too_many_message(
                    "clauses modifiées",
                    MAX_OVERRIDES,
                    self.overrides.len(),
                ),
            );
        } else {
            for o in &self.overrides {
                if !is_clause_id(&o.clause_id) {
                    errors.push(
                        "clauses",
                        "Cette clause n’existe pas dans les modèles d’Allia.",
                    );
                    continue;
                }
                let field = format!("clauses.{}", o.clause_id);
                if let Some(t) = &o.text {
                    let count = t.chars().count();
                    if count > MAX_CLAUSE_TEXT {
                        errors.push(&field, too_long_message(MAX_CLAUSE_TEXT, count));
                    } else if has_forbidden_control(t) {
                        errors.push(
                            &field,
                            "Ce texte contient des caractères invisibles non autorisés.",
                        );
                    }
                }
                // One override per clause: the last one wins.
                merge_override(&mut overrides, o.clone());
            }
        }
        errors.into_result(DocumentSettings {
            title,
            overrides,
            place,
            signature_date: self.signature_date,
            copies: self.copies,
        })
    }
}

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

/// A stored document of an alliance, with its current (latest) version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContractDocument {
    pub id: String,
    pub alliance_id: String,
    pub kind: DocumentKind,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub current: DocumentVersion,
    /// What the builder offers next: [`DocumentStatus::next`] of the current version.
    /// This and the two fields below are derived from `current.status` by
    /// [`ContractDocument::new`], so the UI reads the rules instead of repeating them.
    pub next_status: Option<DocumentStatus>,
    /// Whether signatures can be recorded: [`DocumentStatus::accepts_signatures`].
    pub can_sign: bool,
    /// Whether the current version is frozen ([`DocumentStatus::is_frozen`]): a change
    /// then starts version `current.number + 1`.
    pub frozen: bool,
    /// Whether « Revenir au brouillon » is offered: [`DocumentVersion::check_return_to_draft`].
    pub can_return_to_draft: bool,
}

impl ContractDocument {
    /// A document with its current version, and the status rules that version obeys.
    pub fn new(
        id: String,
        alliance_id: String,
        kind: DocumentKind,
        created_at: chrono::DateTime<chrono::Utc>,
        updated_at: chrono::DateTime<chrono::Utc>,
        current: DocumentVersion,
    ) -> ContractDocument {
        let status = current.status;
        let can_return_to_draft = current.check_return_to_draft().is_ok();
        ContractDocument {
            id,
            alliance_id,
            kind,
            created_at,
            updated_at,
            current,
            next_status: status.next(),
            can_sign: status.accepts_signatures(),
            frozen: status.is_frozen(),
            can_return_to_draft,
        }
    }
}

/// One version of a document. Once frozen it keeps a snapshot of the alliance data it
/// was made from, so its PDF can be produced again identically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DocumentVersion {
    pub number: u32,
    pub status: DocumentStatus,
    pub settings: DocumentSettings,
    pub signatures: Vec<PartySignature>,
    pub frozen_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The alliance data the version was frozen with (none while a draft). Stays in
    /// the store: it never crosses IPC.
    #[serde(skip)]
    pub snapshot: Option<crate::AllianceFile>,
}

impl DocumentVersion {
    /// A version in review or ready to sign goes back to « Brouillon » (and follows the
    /// alliance's data again) while nobody has signed it; a draft has nowhere to go back
    /// to, and a signature is kept only by making a new version.
    ///
    /// # Errors
    /// [`DocumentRefusal::Backwards`] from a draft; [`DocumentRefusal::AlreadySigned`]
    /// once signed or once a signature is recorded.
    pub fn check_return_to_draft(&self) -> Result<(), DocumentRefusal> {
        match self.status {
            DocumentStatus::Draft => Err(DocumentRefusal::Backwards),
            DocumentStatus::Signed => Err(DocumentRefusal::AlreadySigned),
            DocumentStatus::InReview | DocumentStatus::ReadyToSign => {
                if self.signatures.is_empty() {
                    Ok(())
                } else {
                    Err(DocumentRefusal::AlreadySigned)
                }
            }
        }
    }

    /// « Signé » needs a recorded signature (a signatory and a date, which
    /// [`PartySignature`] always carries) from every party the document prints
    /// (`parties`: the organisations of its signature block, as the templates word them).
    ///
    /// # Errors
    /// [`DocumentRefusal::Unsigned`] when a party has not signed.
    pub fn check_signed_by(&self, parties: &[String]) -> Result<(), DocumentRefusal> {
        let signed = |party: &String| self.signatures.iter().any(|s| &s.party == party);
        if parties.iter().all(signed) {
            Ok(())
        } else {
            Err(DocumentRefusal::Unsigned)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_only_once_every_party_has_signed() {
        let signature = |party: &str| PartySignature {
            party: party.into(),
            signatory: "Claire Martin".into(),
            signed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
        };
        let mut version = DocumentVersion {
            number: 1,
            status: DocumentStatus::ReadyToSign,
            settings: DocumentSettings::default(),
            signatures: vec![signature("Maison des Solidarités")],
            frozen_at: None,
            snapshot: None,
        };
        let parties = vec![
            "Maison des Solidarités".to_string(),
            "Commune de Tours".to_string(),
        ];
        assert_eq!(
            version.check_signed_by(&parties),
            Err(DocumentRefusal::Unsigned)
        );
        version.signatures.push(signature("Commune de Tours"));
        assert_eq!(version.check_signed_by(&parties), Ok(()));
    }

    #[test]
    fn ready_to_sign_with_gaps_needs_a_confirmation() {
        use DocumentStatus::*;
        // Nothing left: no confirmation needed, whatever the step.
        assert!(!InReview.needs_ready_confirmation(ReadyToSign, 0, 0));
        assert_eq!(
            InReview.check_ready_to_sign(ReadyToSign, 0, 0, false),
            Ok(())
        );
        // A blank or an item to check: refused without the confirmation, allowed with it.
        assert!(InReview.needs_ready_confirmation(ReadyToSign, 1, 0));
        assert!(InReview.needs_ready_confirmation(ReadyToSign, 0, 2));
        assert_eq!(
            InReview.check_ready_to_sign(ReadyToSign, 2, 1, false),
            Err(DocumentRefusal::Unfinished {
                blanks: 2,
                to_check: 1
            })
        );
        assert_eq!(
            InReview.check_ready_to_sign(ReadyToSign, 2, 1, true),
            Ok(())
        );
        // Skipping « Prêt à signer » on the way to « Signé » is guarded the same way.
        assert!(Draft.needs_ready_confirmation(Signed, 1, 0));
        assert_eq!(
            Draft.check_ready_to_sign(Signed, 1, 0, false),
            Err(DocumentRefusal::Unfinished {
                blanks: 1,
                to_check: 0
            })
        );
        // Moves that do not reach « Prêt à signer » are not concerned.
        assert!(!Draft.needs_ready_confirmation(InReview, 3, 3));
        assert!(!ReadyToSign.needs_ready_confirmation(Signed, 3, 3));
        assert_eq!(ReadyToSign.check_ready_to_sign(Signed, 3, 3, false), Ok(()));
    }

    #[test]
    fn unfinished_refusal_counts_what_is_left_in_french() {
        let one = DocumentRefusal::Unfinished {
            blanks: 1,
            to_check: 0,
        }
        .to_string();
        assert!(
            one.starts_with(
                "Il reste 1\u{a0}passage «\u{a0}[à compléter]\u{a0}» dans ce document\u{a0}:"
            ),
            "{one}"
        );
        let both = DocumentRefusal::Unfinished {
            blanks: 2,
            to_check: 3,
        }
        .to_string();
        assert!(
            both.contains("2\u{a0}passages «\u{a0}[à compléter]\u{a0}» et 3\u{a0}points «\u{a0}À vérifier\u{a0}»"),
            "{both}"
        );
        assert!(both.contains("confirmez"), "{both}");
    }

    #[test]
    fn back_to_draft_only_while_nobody_has_signed() {
        let version = |status, signed: bool| DocumentVersion {
            number: 1,
            status,
            settings: DocumentSettings::default(),
            signatures: if signed {
                vec![PartySignature {
                    party: "Maison des Solidarités".into(),
                    signatory: "Claire Martin".into(),
                    signed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
                }]
            } else {
                Vec::new()
            },
            frozen_at: None,
            snapshot: None,
        };
        use DocumentStatus::*;
        assert_eq!(version(InReview, false).check_return_to_draft(), Ok(()));
        assert_eq!(version(ReadyToSign, false).check_return_to_draft(), Ok(()));
        assert_eq!(
            version(ReadyToSign, true).check_return_to_draft(),
            Err(DocumentRefusal::AlreadySigned)
        );
        assert_eq!(
            version(Signed, true).check_return_to_draft(),
            Err(DocumentRefusal::AlreadySigned)
        );
        assert_eq!(
            version(Draft, false).check_return_to_draft(),
            Err(DocumentRefusal::Backwards)
        );
    }

    #[test]
    fn labels_and_cli_names() {
        let labels: Vec<_> = DocumentKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            vec![
                "Convention de partenariat",
                "Charte partenariale",
                "Accord de consortium"
            ]
        );
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_cli_name(kind.cli_name()), Some(kind));
        }
        assert_eq!(DocumentKind::from_cli_name("contrat"), None);
    }

    #[test]
    fn statuses_move_forward_only() {
        use DocumentStatus::*;
        let labels: Vec<_> = DocumentStatus::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            vec!["Brouillon", "En relecture", "Prêt à signer", "Signé"]
        );
        assert!(Draft.can_move_to(InReview));
        assert!(Draft.can_move_to(Signed));
        assert!(!InReview.can_move_to(Draft));
        assert!(!Signed.can_move_to(Signed));
        assert!(!Draft.is_frozen());
        assert!(InReview.is_frozen());
        assert_eq!(Draft.check_move_to(InReview), Ok(()));
        assert_eq!(Signed.check_move_to(Draft), Err(DocumentRefusal::Backwards));
        assert_eq!(
            DocumentRefusal::Backwards.to_string(),
            "Une version ne revient pas en arrière\u{a0}: modifiez le document pour en créer une nouvelle."
        );
    }

    #[test]
    fn next_walks_the_order_once() {
        use DocumentStatus::*;
        let mut walked = vec![Draft];
        while let Some(next) = walked.last().and_then(|s| s.next()) {
            assert!(walked.last().is_some_and(|s| s.can_move_to(next)));
            walked.push(next);
        }
        assert_eq!(walked, DocumentStatus::ALL.to_vec());
    }

    #[test]
    fn signatures_once_ready_to_sign() {
        use DocumentStatus::*;
        let accepting: Vec<_> = DocumentStatus::ALL
            .into_iter()
            .filter(|s| s.accepts_signatures())
            .collect();
        assert_eq!(accepting, vec![ReadyToSign, Signed]);
        assert_eq!(
            InReview.check_accepts_signatures(),
            Err(DocumentRefusal::NotReadyToSign)
        );
        assert_eq!(
            DocumentRefusal::NotReadyToSign.to_string(),
            "Les signatures s’enregistrent sur une version «\u{a0}prêt à signer\u{a0}»."
        );
    }

    #[test]
    fn a_document_carries_its_status_rules() {
        let at = chrono::DateTime::<chrono::Utc>::default();
        let document = |status| {
            ContractDocument::new(
                "d".into(),
                "a".into(),
                DocumentKind::PartnershipCharter,
                at,
                at,
                DocumentVersion {
                    number: 1,
                    status,
                    settings: DocumentSettings::default(),
                    signatures: Vec::new(),
                    frozen_at: None,
                    snapshot: None,
                },
            )
        };
        let draft = document(DocumentStatus::Draft);
        assert_eq!(draft.next_status, Some(DocumentStatus::InReview));
        assert!(!draft.can_sign && !draft.frozen);
        let ready = document(DocumentStatus::ReadyToSign);
        assert_eq!(ready.next_status, Some(DocumentStatus::Signed));
        assert!(ready.can_sign && ready.frozen);
        let signed = document(DocumentStatus::Signed);
        assert_eq!(signed.next_status, None);
        let json = serde_json::to_value(&signed).expect("json");
        assert_eq!(json["nextStatus"], serde_json::Value::Null);
        assert_eq!(json["canSign"], true);
        assert_eq!(json["frozen"], true);
    }

    #[test]
    fn clause_changes_merge_into_one_override() {
        let base = DocumentSettings::default();
        let off = base.with_clause_change("confidentialite", ClauseChange::Include(false));
        assert_eq!(
            off.overrides,
            vec![ClauseOverride {
                clause_id: "confidentialite".into(),
                enabled: Some(false),
                text: None
            }]
        );
        // The text survives a toggle, the toggle survives an edit, in place.
        let edited = off
            .with_clause_change("objet", ClauseChange::SetText("Nouveau".into()))
            .with_clause_change("confidentialite", ClauseChange::SetText("Secret".into()))
            .with_clause_change("objet", ClauseChange::Include(true));
        assert_eq!(
            edited.overrides,
            vec![
                ClauseOverride {
                    clause_id: "confidentialite".into(),
                    enabled: Some(false),
                    text: Some("Secret".into())
                },
                ClauseOverride {
                    clause_id: "objet".into(),
                    enabled: Some(true),
                    text: Some("Nouveau".into())
                },
            ]
        );
        // Resetting keeps the choice; an override left changing nothing goes.
        let reset = edited.with_clause_change("confidentialite", ClauseChange::ResetText);
        assert_eq!(reset.overrides[0].text, None);
        assert_eq!(reset.overrides[0].enabled, Some(false));
        let plain = base
            .with_clause_change("objet", ClauseChange::SetText("x".into()))
            .with_clause_change("objet", ClauseChange::ResetText);
        assert!(plain.overrides.is_empty());
        assert_eq!(
            serde_json::to_value(ClauseChange::Include(false)).expect("json"),
            serde_json::json!({ "type": "include", "value": false })
        );
    }

    #[test]
    fn settings_validation() {
        let ok = DocumentSettings {
            title: " Convention 2026 ".into(),
            overrides: vec![
                ClauseOverride {
                    clause_id: "confidentialite".into(),
                    enabled: Some(false),
                    text: None,
                },
                ClauseOverride {
                    clause_id: "confidentialite".into(),
                    enabled: None,
                    text: Some("Texte".into()),
                },
                ClauseOverride {
                    clause_id: "objet".into(),
                    enabled: None,
                    text: None,
                },
            ],
            ..Default::default()
        }
        .validated()
        .expect("valid");
        assert_eq!(ok.title, "Convention 2026");
        assert_eq!(
            ok.overrides.len(),
            1,
            "last override per clause kept, empty ones dropped"
        );
        assert_eq!(ok.overrides[0].text.as_deref(), Some("Texte"));

        let err = DocumentSettings {
            title: String::new(),
            copies: Some(0),
            ..Default::default()
        }
        .validated()
        .expect_err("invalid");
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["title", "copies"]);
        assert_eq!(err.0[1].message, "Indiquez entre 1 et 50 exemplaires.");
    }

    #[test]
    fn clause_changes_are_bounded() {
        let change = |id: &str, text: Option<String>| ClauseOverride {
            clause_id: id.into(),
            enabled: None,
            text,
        };
        let settings = |overrides| DocumentSettings {
            title: "Convention".into(),
            overrides,
            ..Default::default()
        };
        let err = settings(vec![change("objet", Some("x".repeat(MAX_CLAUSE_TEXT + 1)))])
            .validated()
            .expect_err("long clause");
        assert_eq!(err.0[0].field, "clauses.objet");
        assert_eq!(
            err.0[0].message,
            "Ce texte est trop long\u{a0}: 20\u{202f}000 caractères au plus (20\u{202f}001 saisis)."
        );
        assert!(
            settings(vec![change("objet", Some("x".repeat(MAX_CLAUSE_TEXT)))])
                .validated()
                .is_ok()
        );

        let err = settings(vec![change("objet", Some("a\u{0}b".into()))])
            .validated()
            .expect_err("NUL");
        assert_eq!(
            err.0[0].message,
            "Ce texte contient des caractères invisibles non autorisés."
        );

        for bad in ["", "Objet", "objet.titre", "clé", &"x".repeat(65)] {
            let err = settings(vec![change(bad, None)])
                .validated()
                .expect_err(bad);
            assert_eq!(err.0[0].field, "clauses", "{bad}");
            assert_eq!(
                err.0[0].message,
                "Cette clause n’existe pas dans les modèles d’Allia."
            );
        }

        let many = (0..=MAX_OVERRIDES)
            .map(|i| change(&format!("c{i}"), Some("t".into())))
            .collect();
        let err = settings(many).validated().expect_err("too many");
        assert_eq!(err.0.len(), 1);
        assert_eq!(
            err.0[0].message,
            "Trop de clauses modifiées\u{a0}: 200 au plus (201 en tout)."
        );
    }

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

    #[test]
    fn dates_in_implausible_years_are_refused_at_their_field() {
        let year_one = chrono::NaiveDate::from_ymd_opt(1, 12, 3).expect("date");
        let err = PartySignature {
            party: "Mairie".into(),
            signatory: "Claire Moreau".into(),
            signed_on: year_one,
        }
        .validated()
        .expect_err("year 1");
        assert_eq!(err.0[0].field, "signedOn");
        assert_eq!(
            err.0[0].message,
            "Cette date de signature semble erronée\u{a0}: vérifiez l’année."
        );
        let err = DocumentSettings {
            title: "Convention".into(),
            signature_date: Some(year_one),
            ..Default::default()
        }
        .validated()
        .expect_err("year 1");
        assert_eq!(err.0[0].field, "signatureDate");
        let ok = DocumentSettings {
            title: "Convention".into(),
            signature_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
            ..Default::default()
        }
        .validated()
        .expect("2026");
        assert_eq!(
            ok.signature_date,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
        );
    }
}
