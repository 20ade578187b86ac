//! Partners of an alliance: who they are, what kind of actor, what they bring and
//! the role they hold.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::{ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus};
use crate::organisation::Organisation;
use crate::validation::{optional_multiline_text, ValidationErrors};

/// The guide's nine kinds of actors of an alliance d'intérêt général.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    #[default]
    Association,
    LocalAuthority,
    Company,
    Foundation,
    AssociationNetwork,
    TerritorialCatalyst,
    Citizens,
    Academic,
    State,
}

impl ActorType {
    pub const ALL: [ActorType; 9] = [
        Self::Association,
        Self::LocalAuthority,
        Self::Company,
        Self::Foundation,
        Self::AssociationNetwork,
        Self::TerritorialCatalyst,
        Self::Citizens,
        Self::Academic,
        Self::State,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Association => "Association",
            Self::LocalAuthority => "Collectivité territoriale",
            Self::Company => "Entreprise",
            Self::Foundation => "Fondation",
            Self::AssociationNetwork => "Réseau associatif",
            Self::TerritorialCatalyst => "Catalyseur territorial",
            Self::Citizens => "Citoyens",
            Self::Academic => "Acteur académique",
            Self::State => "État",
        }
    }

    /// What this kind of actor typically brings, in the guide's words.
    pub fn contribution(self) -> &'static str {
        match self {
            Self::Association => "Expertise des besoins sociaux, maillage local, innovation sociale, mobilisation de bénévoles.",
            Self::LocalAuthority => "Ingénierie publique, expertise des services publics, cohérence territoriale.",
            Self::Company => "Ressources financières ou humaines, compétences techniques, capacité d’innovation.",
            Self::Foundation => "Financement de l’expérimentation, soutien à l’innovation sociétale.",
            Self::AssociationNetwork => "Facilitation des rapprochements, communautés de pratiques, structuration, formation.",
            Self::TerritorialCatalyst => "Mobilisation collective, outils et données, développement de compétences.",
            Self::Citizens => "Qualification des besoins, évaluation des solutions, engagement bénévole, contribution financière.",
            Self::Academic => "Recherche, prototypage, formation, mécénat de compétences.",
            Self::State => "Régulation, cadre légal, orientations politiques, passage à l’échelle.",
        }
    }
}

/// The role a partner holds in the alliance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum PartnerRole {
    /// Chef de file: coordinates and represents the alliance.
    Lead,
    #[default]
    Member,
    AssociatedPartner,
    Funder,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 4] = [
        Self::Lead,
        Self::Member,
        Self::AssociatedPartner,
        Self::Funder,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Lead => "Chef de file",
            Self::Member => "Membre",
            Self::AssociatedPartner => "Partenaire associé",
            Self::Funder => "Financeur",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Lead => "Coordonne l’alliance et la représente auprès des tiers.",
            Self::Member => "Participe pleinement aux décisions et aux actions.",
            Self::AssociatedPartner => "Contribue ponctuellement sans être membre à part entière.",
            Self::Funder => "Apporte des financements à l’alliance.",
        }
    }
}

/// What the user edits about an actor of the territory (guide step 3, « Cartographier
/// les acteurs »): any organisation or group the alliance might work with. A partner is
/// an actor whose relation reached « Engagé » ([`is_partner`]); one organisation is
/// stored once, whatever its status. (The name stays `PartnerDraft`: every alliance file
/// and frozen snapshot calls its list `partners`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartnerDraft {
    pub organisation: Organisation,
    pub actor_type: ActorType,
    pub role: PartnerRole,
    /// What the partner brings, in its own words.
    #[serde(default)]
    pub resources: Option<String>,
    /// Short keywords for what it brings (« comptabilité », « locaux »…).
    #[serde(default)]
    pub resource_tags: Vec<String>,
    /// This partner IS the association whose alliance it is (the vault's profile; in an
    /// alliance file, the file's `profile`): the contracts then name it once, as the
    /// first party. An explicit link set by the user, never inferred from names; at most
    /// one partner of an alliance carries it ([`check_own_association`]). Absent (false)
    /// in data written before the link existed, and not written when false, so that
    /// older files and snapshots write back byte for byte (docs/formats.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub own_association: bool,
    /// Where the relation stands (identifié → … → engagé, or écarté with its reason).
    /// Absent in data written before the actor register existed, where every row was a
    /// partner: « Engagé ». Not written when « Engagé », so that older files and frozen
    /// snapshots write back byte for byte.
    #[serde(
        default = "ActorPipeline::engaged",
        skip_serializing_if = "ActorPipeline::is_engaged"
    )]
    pub pipeline: ActorPipeline,
    /// The cartography's fields (category, influence, nuisance, interest, expectations,
    /// scope, synergies); `None` until the actor is described for the map. Not written
    /// when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<ActorAssessmentDraft>,
}

/// A new actor is a partner unless said otherwise: the partner form of the app, the
/// command line and older files all create engaged actors.
impl Default for PartnerDraft {
    fn default() -> Self {
        PartnerDraft {
            organisation: Organisation::default(),
            actor_type: ActorType::default(),
            role: PartnerRole::default(),
            resources: None,
            resource_tags: Vec::new(),
            own_association: false,
            pipeline: ActorPipeline::engaged(),
            assessment: None,
        }
    }
}

/// Whether this actor is a partner of the alliance: its relation reached « Engagé »
/// (issue 11 item 6: « the partners table of today becomes the actors at status
/// engagé »). The one test used by the documents' parties, the commitments and the
/// partners list; the other actors live in the register only.
pub fn is_partner(draft: &PartnerDraft) -> bool {
    draft.pipeline.status == ActorPipelineStatus::Engaged
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The rule « one own association per alliance »: every partner past the first that
/// carries [`PartnerDraft::own_association`] gets an error on
/// `partners.N.ownAssociation` (N counted from 1, the alliance file's places), in French.
pub fn check_own_association(partners: &[PartnerDraft]) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut first: Option<&str> = None;
    for (i, p) in partners.iter().enumerate() {
        if !p.own_association {
            continue;
        }
        match first {
            None => first = Some(p.organisation.name.as_str()),
            Some(name) => errors.push(
                format!("partners.{}.ownAssociation", i + 1),
                own_association_taken_message(name),
            ),
        }
    }
    errors.into_result(())
}

/// Why a second partner cannot be marked as the user's own association: `holder` is the
/// name of the partner that already is.
pub fn own_association_taken_message(holder: &str) -> String {
    format!(
        "«\u{a0}{holder}\u{a0}» est déjà indiquée comme votre association dans cette alliance\u{a0}: une seule par alliance."
    )
}

/// A stored partner of one alliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: PartnerDraft,
}

const TAG_MAX: usize = 40;
const TAGS_MAX: usize = 20;
/// Tags looked at before deduplication: beyond this the list is refused outright, so
/// a huge list costs nothing to check.
const TAGS_RECEIVED_MAX: usize = 100;
/// Longest description of what a partner brings, in characters.
const RESOURCES_MAX: usize = 5000;

impl PartnerDraft {
    /// Trims and normalises every field (tags deduplicated without regard to case or
    /// accents, [`crate::text::collation_key`]),
    /// and reports every problem at once.
    pub fn validated(&self) -> Result<PartnerDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let organisation = self.organisation.normalized(&mut errors);
        let resources =
            optional_multiline_text(&mut errors, "resources", &self.resources, RESOURCES_MAX);
        let mut tags: Vec<String> = Vec::new();
        if self.resource_tags.len() > TAGS_RECEIVED_MAX {
            errors.push("resourceTags", format!("{TAGS_MAX} mots-clés au maximum."));
        } else {
            let mut seen: Vec<String> = Vec::new();
            for tag in &self.resource_tags {
                // Checked before cleaning, so a huge tag costs nothing.
                if tag.chars().count() > TAG_MAX * 4 {
                    errors.push(
                        "resourceTags",
                        format!("Un mot-clé compte {TAG_MAX} caractères au maximum."),
                    );
                    continue;
                }
                let tag = match crate::text::clean("resourceTags", tag) {
                    Ok(tag) => tag,
                    Err(e) => {
                        errors.0.push(e);
                        continue;
                    }
                };
                let tag = tag.trim();
                if tag.is_empty() {
                    continue;
                }
                if tag.chars().count() > TAG_MAX {
                    errors.push(
                        "resourceTags",
                        format!("Un mot-clé compte {TAG_MAX} caractères au maximum."),
                    );
                    continue;
                }
                // « Comptabilité » and « comptabilite » are one tag; a tag with no
                // letter or digit (an emoji) is compared as typed.
                let key = match crate::text::collation_key(tag) {
                    key if key.is_empty() => tag.to_string(),
                    key => key,
                };
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                tags.push(tag.to_string());
            }
            if tags.len() > TAGS_MAX {
                errors.push("resourceTags", format!("{TAGS_MAX} mots-clés au maximum."));
            }
        }
        let pipeline = match self.pipeline.validated() {
            Ok(pipeline) => pipeline,
            Err(e) => {
                errors.extend_prefixed("pipeline", e);
                self.pipeline.clone()
            }
        };
        let assessment = match self
            .assessment
            .as_ref()
            .map(ActorAssessmentDraft::validated)
        {
            None => None,
            Some(Ok(assessment)) => Some(assessment),
            Some(Err(e)) => {
                errors.extend_prefixed("assessment", e);
                self.assessment.clone()
            }
        };
        errors.into_result(PartnerDraft {
            organisation,
            actor_type: self.actor_type,
            role: self.role,
            resources,
            resource_tags: tags,
            own_association: self.own_association,
            pipeline,
            assessment,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str) -> PartnerDraft {
        PartnerDraft {
            organisation: Organisation {
                name: name.into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_partner_written_before_the_register_is_engaged_and_writes_back_the_same() {
        let old =
            r#"{"organisation":{"name":"Mairie"},"actorType":"local_authority","role":"funder"}"#;
        let read: PartnerDraft = serde_json::from_str(old).expect("reads");
        assert!(is_partner(&read));
        assert_eq!(read.assessment, None);
        let written = serde_json::to_string(&read).expect("writes");
        assert!(!written.contains("pipeline") && !written.contains("assessment"));
        assert!(is_partner(&PartnerDraft::default()));

        let mut actor = read.clone();
        actor.pipeline = ActorPipeline::default();
        actor.assessment = Some(ActorAssessmentDraft {
            influence: Some(4),
            ..Default::default()
        });
        assert!(!is_partner(&actor));
        let written = serde_json::to_string(&actor).expect("writes");
        assert!(written.contains(r#""pipeline":{"status":"identified""#));
        let back: PartnerDraft = serde_json::from_str(&written).expect("reads");
        assert_eq!(back, actor);
    }

    #[test]
    fn an_actor_s_levels_and_dismissal_are_checked_with_the_partner() {
        let mut actor = draft("Ressourcerie");
        actor.assessment = Some(ActorAssessmentDraft {
            influence: Some(9),
            ..Default::default()
        });
        actor.pipeline = ActorPipeline {
            status: ActorPipelineStatus::Dismissed,
            dismissal_reason: None,
        };
        let errors = actor.validated().expect_err("refused");
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"assessment.influence"), "{fields:?}");
        assert!(fields.contains(&"pipeline.dismissalReason"), "{fields:?}");
    }

    #[test]
    fn the_nine_actor_types_of_the_guide() {
        let labels: Vec<_> = ActorType::ALL.iter().map(|a| a.label()).collect();
        assert_eq!(
            labels,
            vec![
                "Association",
                "Collectivité territoriale",
                "Entreprise",
                "Fondation",
                "Réseau associatif",
                "Catalyseur territorial",
                "Citoyens",
                "Acteur académique",
                "État"
            ]
        );
        assert!(ActorType::ALL
            .iter()
            .all(|a| a.contribution().ends_with('.')));
    }

    #[test]
    fn partner_roles() {
        let labels: Vec<_> = PartnerRole::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(
            labels,
            vec!["Chef de file", "Membre", "Partenaire associé", "Financeur"]
        );
    }

    #[test]
    fn invalid_siret_is_reported_on_its_field() {
        let mut d = draft("Entreprise solidaire");
        d.organisation.siret = Some("12345678901234".into());
        let err = d.validated().expect_err("bad siret");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "siret");
        assert!(err.0[0]
            .message
            .starts_with("Ce numéro SIRET n’est pas valide"));
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        let mut d = draft("Asso");
        d.resource_tags = vec![
            " Comptabilité ".into(),
            "comptabilité".into(),
            "".into(),
            "Locaux".into(),
        ];
        let ok = d.validated().expect("valid");
        assert_eq!(ok.resource_tags, vec!["Comptabilité", "Locaux"]);
    }

    #[test]
    fn tag_limits() {
        let mut d = draft("Asso");
        d.resource_tags = vec!["x".repeat(41)];
        let err = d.validated().expect_err("long tag");
        assert_eq!(
            err.0[0].message,
            "Un mot-clé compte 40 caractères au maximum."
        );
        d.resource_tags = (0..21).map(|i| format!("tag{i}")).collect();
        let err = d.validated().expect_err("too many");
        assert_eq!(err.0[0].message, "20 mots-clés au maximum.");
        // A huge list is refused before any tag is looked at.
        d.resource_tags = vec!["x".repeat(100_000); TAGS_RECEIVED_MAX + 1];
        let err = d.validated().expect_err("huge list");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].message, "20 mots-clés au maximum.");
        // Many repeats of one tag are one tag.
        d.resource_tags = vec!["Locaux".into(); 100];
        assert_eq!(d.validated().expect("valid").resource_tags, vec!["Locaux"]);
    }

    #[test]
    fn one_own_association_per_alliance() {
        let mut partners = vec![draft("A"), draft("Comité des fêtes"), draft("B")];
        assert!(check_own_association(&partners).is_ok());
        partners[1].own_association = true;
        assert!(check_own_association(&partners).is_ok());
        partners[2].own_association = true;
        let err = check_own_association(&partners).expect_err("two");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "partners.3.ownAssociation");
        assert_eq!(
            err.0[0].message,
            "«\u{a0}Comité des fêtes\u{a0}» est déjà indiquée comme votre association dans cette alliance\u{a0}: une seule par alliance."
        );
        // The link survives validation.
        assert!(partners[1].validated().expect("valid").own_association);
    }

    #[test]
    fn partner_name_required() {
        let err = draft("").validated().expect_err("no name");
        assert_eq!(err.0[0].field, "name");
    }
}
