//! Generated arguments: valid values of each argument, mutations of them, arbitrary JSON and text.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use crate::fixture::{STRONG, TOKENS};
use crate::table::Arg;

// ---------------------------------------------------------------------------------
// Valid values of each argument.

pub fn organisation() -> Value {
    json!({
        "name": "Les Amis du Quartier", "acronym": "LAQ", "legalForm": "Association loi 1901",
        "rna": "W691234567", "siret": "73282932000074", "street": "3 rue de la Paix",
        "postalCode": "69003", "city": "Lyon", "representativeName": "Claire Moreau",
        "representativeRole": "Présidente", "email": "contact@amis.fr",
        "phone": "04 78 00 00 00"
    })
}

pub fn valid_values(name: &str, kind: Arg) -> Vec<Value> {
    let s = |v: &str| Value::String(v.into());
    match kind {
        Arg::Text => match name {
            "current" => vec![s("@@passphrase"), s(STRONG), s("")],
            "passphrase" => vec![s("@@closed_passphrase"), s(STRONG), s("court")],
            "recoveryKey" => vec![s("@@recovery"), s("ABCD-EFGH"), s("")],
            "fileName" => vec![s("@@backup"), s("../allia.vault"), s("")],
            "clauseId" => vec![s("objet"), s("confidentialite"), s("Objet !"), s("")],
            "itemId" => vec![
                s("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f"),
                s("@@alliance"),
                s(""),
            ],
            // A link, a log entry, a criterion: an id of the fixture's (`@@interaction`,
            // `@@exchange`, `@@criterion`), one of nothing, and not an id.
            "id" | "criterionId" => vec![
                s("@@criterion"),
                s("@@interaction"),
                s("@@exchange"),
                s("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f"),
                s(""),
            ],
            "content" => vec![
                s(r#"{"organisation":{"name":"Banque alimentaire"}}"#),
                s("[1]"),
                s(""),
            ],
            _ => vec![
                s(STRONG),
                s("une autre phrase de passe, bien plus longue"),
                s(""),
            ],
        },
        Arg::OptionalText => vec![Value::Null, s("@@passphrase"), s("@@recovery"), s("")],
        Arg::AllianceId => vec![s("@@alliance"), s("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f")],
        Arg::PartnerId => vec![s("@@partner"), s("@@alliance")],
        Arg::DocumentId => vec![s("@@document"), s("@@ready"), s("@@alliance")],
        Arg::Bool => vec![json!(true), json!(false)],
        Arg::Organisation => vec![organisation(), json!({ "name": "Asso" })],
        Arg::AllianceDraft => vec![json!({
            "name": "Service partagé", "purpose": "Mutualiser la comptabilité.",
            "territory": "Lyon", "startDate": "2026-09-01", "status": "active"
        })],
        Arg::PartnerDraft => vec![json!({
            "organisation": organisation(), "actorType": "company", "role": "member",
            "resources": "Des locaux.", "resourceTags": ["locaux", "comptabilité"],
            "pipeline": { "status": "engaged", "dismissalReason": null },
            "assessment": { "category": "companies", "expectations": "Un ancrage local",
                "influence": 4, "nuisance": 2, "interest": 3, "scope": "Métropole de Lyon",
                "synergies": "Mécénat de compétences" }
        })],
        Arg::ActorType => ["local_authority", "association", "state", "company"]
            .into_iter()
            .map(s)
            .collect(),
        Arg::Designation => vec![
            json!({ "article": "le", "gender": "masculine", "number": "singular", "shortName": "le Département" }),
            json!({ "article": "none", "gender": "feminine", "number": "plural", "shortName": "" }),
        ],
        Arg::DocumentKind => [
            "partnership_agreement",
            "partnership_charter",
            "consortium_agreement",
        ]
        .map(s)
        .to_vec(),
        Arg::DocumentSettings => vec![
            json!({
                "title": "Convention 2026", "place": "Lyon", "signatureDate": "2026-12-01",
                "copies": 3,
                "overrides": [
                    { "clauseId": "confidentialite", "enabled": false, "text": null },
                    { "clauseId": "objet", "enabled": null, "text": "Les Parties s’engagent." }
                ]
            }),
            json!({
                "title": "Convention", "place": null, "signatureDate": null, "copies": null,
                "overrides": [
                    { "clauseId": "objet", "enabled": null, "text": "{{ alliance.name" },
                    { "clauseId": "inexistante", "enabled": false, "text": null }
                ]
            }),
        ],
        Arg::DocumentStatus => ["draft", "in_review", "ready_to_sign", "signed"]
            .map(s)
            .to_vec(),
        Arg::ClauseChange => vec![
            json!({ "type": "include", "value": false }),
            json!({ "type": "setText", "value": "Les Parties s’engagent." }),
            json!({ "type": "setText", "value": "{{ alliance.name" }),
            json!({ "type": "resetText" }),
        ],
        Arg::SignatureDraft => vec![json!({
            "party": "Les Amis du Quartier", "signatory": "Claire Moreau",
            "signedOn": "2026-12-01"
        })],
        Arg::Settings => vec![
            json!({ "autoLockMinutes": 10, "backupKeep": 10 }),
            json!({ "autoLockMinutes": 10 }),
            json!({ "autoLockMinutes": 10, "backupKeep": 10, "textScalePercent": 200 }),
        ],
        Arg::ExportFormat => vec![s("pdf"), s("docx")],
        Arg::FormDraftKey => vec![
            json!({ "allianceId": "@@alliance", "area": "partenaires", "form": "partner:new" }),
            json!({ "allianceId": null, "area": "profil", "form": "profile" }),
            json!({ "allianceId": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f", "area": "a", "form": "b" }),
            json!({ "area": "", "form": "x y" }),
        ],
        Arg::Percent => vec![json!(150), json!(100), json!(110), json!(0)],
        Arg::OptionalPartnerId => vec![Value::Null, s("@@partner"), s("@@alliance")],
        Arg::CommitmentsDraft => vec![
            commitments(),
            json!({ "financial": [{ "nature": "subsidy", "amountCents": 3000000,
                "schedule": { "kind": "instalments", "instalments": [
                    { "date": "2027-03-01", "amountCents": 1000000 },
                    { "date": null, "amountCents": 1500000 } ] } }] }),
            json!({}),
        ],
        Arg::FinancialContribution => vec![
            commitments()["financial"][0].clone(),
            json!({ "nature": "membership_fee", "amountCents": 0 }),
        ],
        Arg::Count => vec![json!(3), json!(1), json!(0), json!(121)],
        Arg::DiagnosticNeedsDraft => vec![
            json!({ "strategicPriorities": "Mutualiser la paie\nRéduire les coûts",
                "allianceExpectations": null, "participationMode": "Comité de pilotage" }),
            json!({}),
        ],
        Arg::SwotItemDraft => vec![
            json!({ "quadrant": "strengths", "text": "Réseau de bénévoles", "importance": 3 }),
            json!({ "quadrant": "threats", "text": "", "importance": 0 }),
        ],
        Arg::SwotQuadrant => ["strengths", "weaknesses", "opportunities", "threats"]
            .map(s)
            .to_vec(),
        Arg::EvaluationFrameDraft => vec![
            json!({ "purposes": ["track", "prove", "track"],
                "questions": ["L’alliance atteint-elle ses objectifs ?", ""] }),
            json!({ "purposes": [], "questions": ["Une question\nsur deux lignes"] }),
            json!({}),
        ],
        Arg::IndicatorDraft => vec![
            json!({ "objective": { "level": "strategic", "id": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f" },
                "name": "Coûts administratifs", "level": "results", "unit": "€",
                "direction": "lower_is_better", "aggregation": "cumulative",
                "baselineValue": 100000.0, "baselineDate": "2025-01-01",
                "targetValue": 85000.0, "targetDate": "2026-07-01", "frequency": "monthly",
                "ownerPartnerId": "@@partner", "ownerPerson": "Claire Moreau",
                "dataSource": "member_systems", "sourceReference": "Comptes annuels",
                "method": "quantitative", "keyIndicator": true }),
            json!({ "objective": { "level": "operational", "id": "" }, "name": "",
                "level": "impacts", "unit": "bénévoles", "direction": "higher_is_better",
                "aggregation": "rate", "baselineValue": 5.0, "baselineDate": "2026-06-01",
                "targetValue": 5.0, "targetDate": "2026-01-01", "frequency": "one_off",
                "ownerPartnerId": "@@alliance", "dataSource": "public_data",
                "method": "mixed" }),
        ],
        Arg::MeasurementDraft => vec![
            json!({ "indicatorId": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f", "date": "2026-03-01",
                "value": 42.5, "comment": "Relevé du trimestre\navec une précision",
                "source": "Tableau de bord" }),
            json!({ "indicatorId": "", "date": "1066-10-14", "value": 25.0,
                "numerator": 3.0, "denominator": 0.0 }),
        ],
        Arg::GapAnalysisDraft => vec![
            json!({ "objective": { "level": "strategic", "id": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f" },
                "date": "2026-11-30", "positiveFactors": ["Des formations courtes", ""],
                "negativeFactors": ["Peu de créneaux le soir"], "decision": "adjust_action",
                "decisionNote": "Deux sessions en soirée.\nÀ revoir en mars." }),
            json!({ "objective": { "level": "operational", "id": "" }, "date": "2999-01-01",
                "decision": "revise_target" }),
        ],
        Arg::DossierTexts => vec![
            json!({ "socialNeed": "Isolement des familles.\nPeu de places en crèche.",
                "collectiveResponse": null, "argument": "", "keyActors": "Les familles" }),
            json!({}),
        ],
        Arg::FigureDraft => vec![
            json!({ "label": "Habitants", "value": "1 250,5", "unit": "habitants",
                "year": 2021, "sourceKind": "insee", "source": "Recensement",
                "link": "https://www.insee.fr" }),
            json!({ "label": "Taux", "value": "30.000", "unit": null, "year": 21,
                "sourceKind": "other", "source": "", "link": "insee.fr" }),
        ],
        Arg::TextList => vec![json!([]), json!(["@@alliance"]), json!(["a", "a"])],
        Arg::ImportChoices => vec![
            json!({ "mode": "new", "dropUnknown": false, "ownAssociation": [] }),
            json!({ "mode": "update", "dropUnknown": true, "ownAssociation": ["@@partner"] }),
            json!({ "mode": "copy", "dropUnknown": true, "ownAssociation": [] }),
        ],
        Arg::ActorPipelineStatus => [
            "retained",
            "identified",
            "contacted",
            "in_discussion",
            "engaged",
            "dismissed",
        ]
        .map(s)
        .to_vec(),
        Arg::PartnerRole => ["funder", "lead", "member", "associated_partner"]
            .map(s)
            .to_vec(),
        Arg::InteractionDraft => vec![
            json!({ "fromActorId": "@@actor", "toActorId": "@@partner", "kind": "finances",
                "note": "Subvention annuelle\ndepuis 2024" }),
            json!({ "fromActorId": "@@partner", "toActorId": "@@partner", "kind": "advises" }),
            json!({ "fromActorId": "", "toActorId": "@@alliance", "kind": "cooperates_with",
                "note": null }),
        ],
        Arg::ExchangeEntryDraft => vec![
            json!({ "date": "2026-11-02", "kind": "meeting", "notes": "Premier rendez-vous",
                "frictionPoints": ["Calendrier", "calendrier", ""] }),
            json!({ "date": "2999-01-01", "kind": "email" }),
            json!({ "date": "1066-10-14", "kind": "call", "frictionPoints": [] }),
        ],
        Arg::CriterionDraft => vec![
            json!({ "name": "Solidité financière", "weight": 3 }),
            json!({ "name": "", "weight": 101 }),
            json!({ "name": "Ancrage territorial", "weight": 0 }),
        ],
        Arg::ObjectivesFrameDraft => vec![
            json!({ "vision": "En 2030, un service partagé\npour les cinq associations",
                "horizonYear": 2030 }),
            json!({ "vision": null, "horizonYear": 1066, "priorityCriteria": [
                { "id": "need_urgency", "name": "Urgence", "weight": 2 },
                { "id": "need_urgency", "name": "urgence", "weight": 1000 }
            ] }),
            json!({ "priorityCriteria": [] }),
        ],
        Arg::StrategicObjectiveDraft => vec![
            json!({ "title": "Mutualiser les fonctions support",
                "description": "Comptabilité, RH\net communication",
                "expectedImpacts": ["Des coûts administratifs en baisse", ""],
                "priorityScores": { "need_urgency": 4, "feasibility": 3 } }),
            json!({ "title": "", "priorityScores": { "need_urgency": 9 } }),
            json!({ "title": "Diversifier les financements", "expectedImpacts": [] }),
        ],
        Arg::StrategicGapDraft => vec![
            json!({ "strategicObjectiveId": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f",
                "partnerId": "@@partner", "description": "Préfère un calendrier plus long" }),
            json!({ "strategicObjectiveId": "", "partnerId": "@@actor", "description": "" }),
        ],
        Arg::OperationalObjectiveDraft => vec![
            json!({ "strategicObjectiveId": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f",
                "wording": "Réduire de 15 % les coûts administratifs des 5 associations membres avant juillet 2026",
                "dimension": "pooling", "partnerIds": ["@@partner", "@@partner"],
                "targetValue": 15.0, "unit": "%", "scope": "les 5 associations membres",
                "ownerPartnerId": "@@partner", "ownerPerson": "Claire Moreau",
                "startDate": "2025-12-01", "dueDate": "2026-06-30" }),
            json!({ "strategicObjectiveId": "", "wording": "Améliorer la communication",
                "dimension": "other", "customDimension": "", "partnerIds": ["@@actor"],
                "baselineValue": 40.0, "targetValue": 40.0,
                "startDate": "2026-06-30", "dueDate": "2026-01-01" }),
            json!({ "strategicObjectiveId": "@@alliance", "wording": "",
                "dimension": "funding", "targetValue": 1.0e300 }),
        ],
        Arg::ObjectiveRef => vec![
            json!({ "level": "strategic", "id": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f" }),
            json!({ "level": "operational", "id": "@@alliance" }),
            json!({ "level": "operational", "id": "" }),
        ],
        Arg::EvaluationCsv => vec![s("measurements"), s("indicators")],
        Arg::IndicatorFate => vec![
            json!({ "kind": "refuse" }),
            json!({ "kind": "delete" }),
            json!({ "kind": "moveTo",
                "to": { "level": "strategic", "id": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f" } }),
        ],
        Arg::AdvisorAnswers => vec![
            json!({ "partnerCount": 3, "callForProjects": true, "legalEntity": false }),
            json!({ "publicFunding": true, "publicFundingCents": 2300000,
                "expectedDuration": "lasting", "companyPartners": true,
                "companyContributions": ["skills", "innovation", "skills"] }),
            json!({ "legalEntity": false, "sharedEmployees": true }),
            json!({}),
        ],
    }
}

/// A party's commitments: a subsidy paid in two instalments that add up, a room lent.
pub fn commitments() -> Value {
    json!({
        "financial": [{
            "nature": "subsidy", "amountCents": 3000000, "budgetLine": "Programme 163",
            "schedule": { "kind": "instalments", "instalments": [
                { "date": "2027-03-01", "amountCents": 1000000 },
                { "date": "2027-09-01", "amountCents": 2000000 }
            ] }
        }],
        "inKind": [{ "description": "Une salle de réunion", "valueCents": 120000 }]
    })
}

/// The first valid value of an input type, typed.
pub fn sample<T: DeserializeOwned>(kind: Arg) -> T {
    serde_json::from_value(valid_values("", kind)[0].clone()).expect("sample deserialises")
}

// ---------------------------------------------------------------------------------
// Generated JSON and text.

pub const KEYS: &[&str] = &[
    "name",
    "acronym",
    "legalForm",
    "rna",
    "siret",
    "street",
    "postalCode",
    "city",
    "representativeName",
    "representativeRole",
    "email",
    "phone",
    "purpose",
    "territory",
    "startDate",
    "status",
    "organisation",
    "actorType",
    "role",
    "resources",
    "resourceTags",
    "title",
    "overrides",
    "place",
    "signatureDate",
    "copies",
    "clauseId",
    "enabled",
    "text",
    "party",
    "signatory",
    "signedOn",
    "autoLockMinutes",
    "backupKeep",
    "financial",
    "inKind",
    "nature",
    "amountCents",
    "schedule",
    "kind",
    "instalments",
    "date",
    "budgetLine",
    "description",
    "valueCents",
    "commitments",
    "draft",
];

pub use allia_test_support::{arb_text, mutate};

pub fn arb_key() -> impl Strategy<Value = String> {
    allia_test_support::arb_key(KEYS)
}

pub fn arb_json() -> BoxedStrategy<Value> {
    allia_test_support::arb_json(KEYS, TOKENS)
}

pub fn arb_mutation() -> impl Strategy<Value = (usize, allia_test_support::Mutation)> {
    allia_test_support::arb_mutation(KEYS, TOKENS)
}

/// One argument: missing, valid, a mutated valid value, or arbitrary JSON.
pub fn arb_arg(name: &str, kind: Arg) -> BoxedStrategy<Option<Value>> {
    let valid = prop::sample::select(valid_values(name, kind));
    prop_oneof![
        1 => Just(None),
        6 => valid.clone().prop_map(Some),
        6 => (valid, prop::collection::vec(arb_mutation(), 1..3))
            .prop_map(|(v, m)| Some(mutate(v, &m))),
        2 => arb_json().prop_map(Some),
    ]
    .boxed()
}

/// The arguments of one call, as the JSON object Tauri receives.
pub fn arb_args(args: &'static [(&'static str, Arg)]) -> BoxedStrategy<Map<String, Value>> {
    let parts: Vec<_> = args.iter().map(|(n, k)| arb_arg(n, *k)).collect();
    (
        parts,
        any::<bool>(),
        prop::option::of((arb_key(), arb_json())),
    )
        .prop_map(move |(values, confirm, extra)| {
            let mut map = Map::new();
            for ((name, _), value) in args.iter().zip(values) {
                if let Some(value) = value {
                    map.insert(name.to_string(), value);
                }
            }
            // Half the time the confirmation repeats the new passphrase, so the calls
            // get past that check.
            let new = map
                .get("newPassphrase")
                .or_else(|| map.get("passphrase"))
                .cloned();
            if let (true, Some(new), true) = (confirm, new, map.contains_key("confirmation")) {
                map.insert("confirmation".into(), new);
            }
            // Tauri ignores keys a command does not take.
            if let Some((k, v)) = extra {
                if !args.iter().any(|(n, _)| *n == k) {
                    map.insert(k, v);
                }
            }
            map
        })
        .boxed()
}

/// Where `alliance_import_choose`'s generated file goes in the call (the command itself
/// takes no argument: the file comes from the open dialog).
pub const FILE: &str = "@file";

/// An alliance file for `alliance_import_choose`: a valid one, mutated, or arbitrary JSON.
pub fn arb_import_file() -> BoxedStrategy<Map<String, Value>> {
    let valid = json!({
        "format": 1,
        "profile": organisation(),
        "alliance": valid_values("", Arg::AllianceDraft)[0],
        "partners": [valid_values("", Arg::PartnerDraft)[0], valid_values("", Arg::PartnerDraft)[0]],
        "commitments": [
            { "party": { "partner": 2 }, "draft": commitments() },
            { "party": "association", "draft": { "inKind": [] } }
        ]
    });
    prop_oneof![
        1 => Just(valid.clone()),
        4 => prop::collection::vec(arb_mutation(), 1..4).prop_map(move |m| mutate(valid.clone(), &m)),
        1 => arb_json(),
    ]
    .prop_map(|file| Map::from_iter([(FILE.to_string(), file)]))
    .boxed()
}
/// What `backup_choose_file` is given: a list of damage operations on a real backup
/// (none: the backup as it is).
pub fn arb_backup_damage() -> BoxedStrategy<Map<String, Value>> {
    let op = prop_oneof![
        2 => any::<u32>().prop_map(|i| json!(["truncate", i])),
        4 => (any::<u32>(), any::<u8>()).prop_map(|(i, m)| json!(["flip", i, m])),
        1 => (any::<u32>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| json!(["insert", i, b])),
        1 => prop::collection::vec(any::<u8>(), 0..256).prop_map(|b| json!(["replace", b])),
    ];
    prop::collection::vec(op, 0..3)
        .prop_map(|ops| Map::from_iter([(FILE.to_string(), Value::Array(ops))]))
        .boxed()
}
