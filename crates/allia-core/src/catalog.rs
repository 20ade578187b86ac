//! The closed lists the UI offers, with their French labels and help, taken from the
//! enums so a label is written once.

use serde::{Deserialize, Serialize};

use crate::actors::{
    ActorPipelineStatus, ExchangeKind, InteractionKind, Level, LevelScale, MapCategory,
    MapQuadrant, CRITERIA_MAX, SCORE_MAX, WEIGHT_MAX,
};
use crate::alliance::AllianceStatus;
use crate::commitment::{is_public_funder, ContributionNature, PaymentScheduleKind};
use crate::diagnostic::SwotQuadrant;
use crate::document::{DocumentKind, DocumentStatus};
use crate::evaluation::progress::{
    status_rule_text, ON_TRACK_TOLERANCE_POINTS, WATCH_TOLERANCE_POINTS,
};
use crate::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, GapDecision,
    IndicatorAggregation, IndicatorDirection, IndicatorLevel, IndicatorStatus,
};
use crate::model_advisor::{
    CompanyContribution, CompanyPartnershipKind, CooperationForm, ExpectedDuration,
};
use crate::objectives::smart::{smart_rule, SMART_LIMITS};
use crate::objectives::{
    default_priority_criteria, CooperationDimension, ObjectiveLevel, SmartCriterion,
};
use crate::organisation::LEGAL_FORM_SUGGESTIONS;
use crate::partner::{ActorType, PartnerRole};
use crate::project_dossier::FigureSourceKind;

/// One option of a closed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
    pub help: Option<String>,
}

/// Every list the screens built so far need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub actor_types: Vec<Choice<ActorType>>,
    pub partner_roles: Vec<Choice<PartnerRole>>,
    pub alliance_statuses: Vec<Choice<AllianceStatus>>,
    pub document_kinds: Vec<Choice<DocumentKind>>,
    pub document_statuses: Vec<Choice<DocumentStatus>>,
    pub legal_forms: Vec<String>,
    /// Natures of a financial contribution (subvention, mécénat financier…).
    pub contribution_natures: Vec<Choice<ContributionNature>>,
    /// Kinds of payment schedule (« À la signature », « Sur justificatifs »,
    /// « Échéancier »).
    pub payment_schedule_kinds: Vec<Choice<PaymentScheduleKind>>,
    /// The kinds of actor that are public funders (`commitment::is_public_funder`):
    /// their contributions name the budget line charged.
    pub public_funder_actor_types: Vec<ActorType>,
    /// Where a key figure of the project dossier comes from, with what to write as its
    /// source as help.
    pub figure_source_kinds: Vec<Choice<FigureSourceKind>>,
    /// The quadrants of the MOFF / SWOT matrix, with the guide's prompts as help.
    pub swot_quadrants: Vec<Choice<SwotQuadrant>>,
    /// The importance of a SWOT item, 1 to 3, in words (« Secondaire », « Importante »,
    /// « Majeure »).
    pub swot_importances: Vec<Choice<u8>>,
    /// The guide's forms of cooperation, simplest first, with what each is as help
    /// (section 2; the model advisor recommends one).
    pub cooperation_forms: Vec<Choice<CooperationForm>>,
    /// The Observatoire des partenariats' four company partnership categories.
    pub company_partnership_kinds: Vec<Choice<CompanyPartnershipKind>>,
    /// The model advisor's answers to « Durée envisagée ».
    pub expected_durations: Vec<Choice<ExpectedDuration>>,
    /// The model advisor's answers to « Ce qu’apportent les entreprises ».
    pub company_contributions: Vec<Choice<CompanyContribution>>,
    /// The actors' cartography categories (guide step 3), with who belongs to each as help.
    pub map_categories: Vec<Choice<MapCategory>>,
    /// The statuses of the relation with an actor, funnel order, « Écarté » last
    /// (`ActorPipelineStatus::allowed_moves` says where each may go).
    pub actor_pipeline_statuses: Vec<Choice<ActorPipelineStatus>>,
    /// The four quadrants of the actors' map, with what to do with their actors as help.
    pub map_quadrants: Vec<Choice<MapQuadrant>>,
    /// The map's three 1–5 scales (influence, nuisance, interest).
    pub level_scales: Vec<Choice<LevelScale>>,
    /// The five levels of those scales, 1 to 5, with their words (« Très faible » …
    /// « Très fort », `Level::label`).
    pub levels: Vec<Choice<Level>>,
    /// The typed links between actors; the label is capitalised, the verb phrase is
    /// its lower case.
    pub interaction_kinds: Vec<Choice<InteractionKind>>,
    /// The kinds of exchange of the proximity log.
    pub exchange_kinds: Vec<Choice<ExchangeKind>>,
    /// Where the status menu lets each status of the relation move
    /// (`ActorPipelineStatus::menu_moves`: never « Engagé », reached only by promoting
    /// the actor with its role), for a status menu without an actor yet.
    pub actor_pipeline_moves: Vec<PipelineMoves>,
    /// The scoring matrix's bounds: a score 0 to `scoreMax`, a weight 0 to `weightMax`,
    /// at most `criteriaMax` criteria.
    pub scoring_limits: ScoringLimits,
    /// The five letters of SMART, with what the checker verifies for each as help
    /// (`objectives::smart::smart_rule`).
    pub smart_criteria: Vec<Choice<SmartCriterion>>,
    /// What the SMART checker cannot judge, shown next to its five letters
    /// (`objectives::smart::SMART_LIMITS`).
    pub smart_limits: String,
    /// The dimensions of the cooperation an operational objective serves (« Autre
    /// dimension » last: the alliance names it).
    pub cooperation_dimensions: Vec<Choice<CooperationDimension>>,
    /// Strategic or operational, for what an indicator or a gap analysis hangs on.
    pub objective_levels: Vec<Choice<ObjectiveLevel>>,
    /// The criteria a new alliance prioritises its strategic objectives on.
    pub default_priority_criteria: Vec<crate::actors::Criterion>,
    /// The AVISE purposes of an evaluation, with the guide's sentence as help.
    pub evaluation_purposes: Vec<Choice<EvaluationPurpose>>,
    /// The indicators' levels (moyens, activités, résultats, impacts), with the guide's
    /// gloss as help.
    pub indicator_levels: Vec<Choice<IndicatorLevel>>,
    /// Where an indicator's data comes from.
    pub data_source_kinds: Vec<Choice<DataSourceKind>>,
    /// The methods of analysis.
    pub analysis_methods: Vec<Choice<AnalysisMethod>>,
    /// Which way is better for an indicator.
    pub indicator_directions: Vec<Choice<IndicatorDirection>>,
    /// How an indicator's measurements combine.
    pub indicator_aggregations: Vec<Choice<IndicatorAggregation>>,
    /// How often an indicator is collected.
    pub collection_frequencies: Vec<Choice<CollectionFrequency>>,
    /// Where an indicator stands, with what each status means as help.
    pub indicator_statuses: Vec<Choice<IndicatorStatus>>,
    /// The rule behind the statuses (`evaluation::progress`), for the screens to explain it.
    pub indicator_status_rule: IndicatorStatusRule,
    /// The decisions a gap analysis ends with.
    pub gap_decisions: Vec<Choice<GapDecision>>,
}

/// The indicators' status rule as the screens explain it (`evaluation::progress`): the
/// text, and the two tolerances in percentage points of the way from baseline to target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorStatusRule {
    /// In French, with the tolerances.
    pub text: String,
    /// At most this many points behind the trajectory: « En bonne voie ».
    pub on_track_tolerance_points: u32,
    /// At most this many points behind: « À surveiller »; more: « En retard ».
    pub watch_tolerance_points: u32,
}

/// The statuses one status of the relation with an actor may move to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PipelineMoves {
    pub from: ActorPipelineStatus,
    pub to: Vec<ActorPipelineStatus>,
}

/// The scoring matrix's bounds (allia-core `actors::scoring` and `actors::criteria`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScoringLimits {
    pub score_max: u8,
    pub weight_max: u32,
    pub criteria_max: u32,
}

impl Catalog {
    pub fn build() -> Catalog {
        Catalog {
            actor_types: choices(
                &ActorType::ALL,
                ActorType::label,
                Some(ActorType::contribution),
            ),
            partner_roles: choices(
                &PartnerRole::ALL,
                PartnerRole::label,
                Some(PartnerRole::description),
            ),
            alliance_statuses: choices(&AllianceStatus::ALL, AllianceStatus::label, None),
            document_kinds: choices(
                &DocumentKind::ALL,
                DocumentKind::label,
                Some(DocumentKind::purpose),
            ),
            document_statuses: choices(&DocumentStatus::ALL, DocumentStatus::label, None),
            legal_forms: LEGAL_FORM_SUGGESTIONS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            contribution_natures: choices(
                &ContributionNature::ALL,
                ContributionNature::label,
                Some(ContributionNature::help),
            ),
            payment_schedule_kinds: choices(
                &PaymentScheduleKind::ALL,
                PaymentScheduleKind::label,
                Some(PaymentScheduleKind::help),
            ),
            public_funder_actor_types: ActorType::ALL
                .into_iter()
                .filter(|&a| is_public_funder(a))
                .collect(),
            figure_source_kinds: choices(
                &FigureSourceKind::ALL,
                FigureSourceKind::label,
                Some(FigureSourceKind::help),
            ),
            swot_quadrants: choices(
                &SwotQuadrant::ALL,
                SwotQuadrant::label,
                Some(SwotQuadrant::hint),
            ),
            swot_importances: choices(&[1, 2, 3], crate::diagnostic::importance_label, None),
            cooperation_forms: choices(
                &CooperationForm::ALL,
                CooperationForm::label,
                Some(CooperationForm::help),
            ),
            company_partnership_kinds: choices(
                &CompanyPartnershipKind::ALL,
                CompanyPartnershipKind::label,
                Some(CompanyPartnershipKind::help),
            ),
            expected_durations: choices(&ExpectedDuration::ALL, ExpectedDuration::label, None),
            company_contributions: choices(
                &CompanyContribution::ALL,
                CompanyContribution::label,
                None,
            ),
            map_categories: choices(
                &MapCategory::ALL,
                MapCategory::label,
                Some(MapCategory::help),
            ),
            actor_pipeline_statuses: choices(
                &ActorPipelineStatus::ALL,
                ActorPipelineStatus::label,
                Some(ActorPipelineStatus::help),
            ),
            map_quadrants: choices(
                &MapQuadrant::ALL,
                MapQuadrant::label,
                Some(MapQuadrant::help),
            ),
            level_scales: choices(&LevelScale::ALL, LevelScale::label, Some(LevelScale::help)),
            levels: choices(&Level::all(), Level::label, None),
            interaction_kinds: choices(
                &InteractionKind::ALL,
                InteractionKind::label,
                Some(InteractionKind::help),
            ),
            exchange_kinds: choices(
                &ExchangeKind::ALL,
                ExchangeKind::label,
                Some(ExchangeKind::help),
            ),
            actor_pipeline_moves: ActorPipelineStatus::ALL
                .into_iter()
                .map(|from| PipelineMoves {
                    from,
                    to: from.menu_moves(),
                })
                .collect(),
            scoring_limits: ScoringLimits {
                score_max: SCORE_MAX,
                weight_max: WEIGHT_MAX,
                criteria_max: CRITERIA_MAX as u32,
            },
            smart_criteria: choices(
                &SmartCriterion::ALL,
                SmartCriterion::label,
                Some(smart_rule),
            ),
            smart_limits: SMART_LIMITS.to_string(),
            cooperation_dimensions: choices(
                &CooperationDimension::ALL,
                CooperationDimension::label,
                None,
            ),
            objective_levels: choices(&ObjectiveLevel::ALL, ObjectiveLevel::label, None),
            default_priority_criteria: default_priority_criteria(),
            evaluation_purposes: choices(
                EvaluationPurpose::ALL,
                EvaluationPurpose::label,
                Some(EvaluationPurpose::description),
            ),
            indicator_levels: choices(
                IndicatorLevel::ALL,
                IndicatorLevel::label,
                Some(IndicatorLevel::description),
            ),
            data_source_kinds: choices(DataSourceKind::ALL, DataSourceKind::label, None),
            analysis_methods: choices(AnalysisMethod::ALL, AnalysisMethod::label, None),
            indicator_directions: choices(IndicatorDirection::ALL, IndicatorDirection::label, None),
            indicator_aggregations: choices(
                IndicatorAggregation::ALL,
                IndicatorAggregation::label,
                None,
            ),
            collection_frequencies: choices(
                CollectionFrequency::ALL,
                CollectionFrequency::label,
                None,
            ),
            indicator_statuses: choices(
                IndicatorStatus::ALL,
                IndicatorStatus::label,
                Some(crate::evaluation::progress::status_help),
            ),
            indicator_status_rule: IndicatorStatusRule {
                text: status_rule_text(),
                on_track_tolerance_points: ON_TRACK_TOLERANCE_POINTS,
                watch_tolerance_points: WATCH_TOLERANCE_POINTS,
            },
            gap_decisions: choices(GapDecision::ALL, GapDecision::label, None),
        }
    }
}

/// The options of one closed list, labels and help taken from the enum.
fn choices<T: Copy>(
    all: &[T],
    label: fn(T) -> &'static str,
    help: Option<fn(T) -> &'static str>,
) -> Vec<Choice<T>> {
    all.iter()
        .map(|&value| Choice {
            value,
            label: label(value).into(),
            help: help.map(|h| h(value).into()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_lists_every_option_once() {
        let c = Catalog::build();
        assert_eq!(c.actor_types.len(), 9);
        assert_eq!(c.partner_roles.len(), 4);
        assert_eq!(c.alliance_statuses.len(), 3);
        assert_eq!(c.document_kinds[2].label, "Accord de consortium");
        assert_eq!(c.document_statuses[2].label, "Prêt à signer");
        assert_eq!(c.actor_types[1].label, "Collectivité territoriale");
        assert_eq!(c.partner_roles[0].label, "Chef de file");
        assert!(c.legal_forms.contains(&"Association loi 1901".to_string()));
        assert_eq!(c.contribution_natures[1].label, "Mécénat financier");
        assert_eq!(c.payment_schedule_kinds[2].label, "Échéancier");
        assert_eq!(
            c.public_funder_actor_types,
            vec![ActorType::LocalAuthority, ActorType::State]
        );
        assert_eq!(c.map_categories.len(), 9);
        assert_eq!(c.map_categories[5].label, "Acteurs de l’ESS");
        assert_eq!(c.actor_pipeline_statuses.len(), 6);
        assert_eq!(c.actor_pipeline_statuses[5].label, "Écarté");
        assert_eq!(c.map_quadrants[0].label, "Associer étroitement");
        assert_eq!(c.level_scales[2].label, "Intérêt / alignement");
        let levels: Vec<(u8, &str)> = c
            .levels
            .iter()
            .map(|l| (l.value.get(), l.label.as_str()))
            .collect();
        assert_eq!(
            levels,
            [
                (1, "Très faible"),
                (2, "Faible"),
                (3, "Moyen"),
                (4, "Fort"),
                (5, "Très fort")
            ]
        );
        assert_eq!(c.interaction_kinds[3].label, "Est en concurrence avec");
        assert_eq!(c.exchange_kinds[3].label, "Courriel");
        assert_eq!(c.actor_pipeline_moves.len(), 6);
        assert_eq!(
            c.actor_pipeline_moves[5].to,
            [ActorPipelineStatus::Identified],
            "« Écarté » goes back to « Identifié » only"
        );
        assert!(
            c.actor_pipeline_moves
                .iter()
                .all(|m| !m.to.contains(&ActorPipelineStatus::Engaged)),
            "« Engagé » is reached by the promotion, never by the menu"
        );
        assert_eq!(c.scoring_limits.score_max, 5);
    }

    #[test]
    fn catalog_lists_the_objectives_and_evaluation_lists() {
        let c = Catalog::build();
        let labels = |l: &[Choice<SmartCriterion>]| -> Vec<String> {
            l.iter().map(|c| c.label.clone()).collect()
        };
        assert_eq!(
            labels(&c.smart_criteria),
            [
                "Spécifique",
                "Mesurable",
                "Atteignable",
                "Réaliste",
                "Temporellement défini"
            ]
        );
        assert!(c.smart_criteria.iter().all(|s| s.help.is_some()));
        assert!(c.smart_limits.contains("pas la pertinence"));
        assert_eq!(c.cooperation_dimensions.len(), 5);
        assert_eq!(c.cooperation_dimensions[0].label, "Mutualisation");
        assert_eq!(c.objective_levels[0].label, "Objectif stratégique");
        assert_eq!(c.default_priority_criteria[0].name, "Urgence du besoin");
        assert_eq!(c.evaluation_purposes.len(), 4);
        assert_eq!(c.evaluation_purposes[2].label, "Prouver");
        assert_eq!(
            c.evaluation_purposes[2].help.as_deref(),
            Some("Prouver que le changement est attribuable à votre action.")
        );
        assert_eq!(c.indicator_levels[3].label, "Impacts");
        assert_eq!(
            c.indicator_levels[3].help.as_deref(),
            Some("Les transformations durables.")
        );
        assert_eq!(c.data_source_kinds.len(), 5);
        assert_eq!(c.analysis_methods[2].label, "Mixte");
        assert_eq!(c.indicator_directions.len(), 2);
        assert_eq!(c.indicator_aggregations.len(), 4);
        assert_eq!(c.collection_frequencies.len(), 5);
        assert_eq!(c.indicator_statuses.len(), 5);
        assert_eq!(c.indicator_statuses[2].label, "En retard");
        assert!(c.indicator_statuses.iter().all(|s| s.help.is_some()));
        assert_eq!(c.indicator_status_rule.on_track_tolerance_points, 10);
        assert_eq!(c.indicator_status_rule.watch_tolerance_points, 25);
        assert!(c.indicator_status_rule.text.contains("trajectoire"));
        assert_eq!(c.gap_decisions[1].label, "Revoir la cible");
    }
}
