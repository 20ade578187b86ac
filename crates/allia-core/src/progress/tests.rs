//! The step rule at each boundary: nothing, the first trace, one thing short of done,
//! done.

use super::*;

fn step(facts: &AllianceFacts, step: AllianceStep) -> StepProgress {
    progress(facts)
        .into_iter()
        .find(|s| s.step == step)
        .expect("every step is listed")
}

fn full_diagnostic() -> DiagnosticFacts {
    DiagnosticFacts {
        strengths: 2,
        weaknesses: 1,
        opportunities: 1,
        threats: 3,
        strategic_priorities: true,
        alliance_expectations: true,
        participation_mode: true,
    }
}

fn full_dossier() -> DossierFacts {
    DossierFacts {
        social_need: true,
        collective_response: true,
        argument: true,
        key_actors: true,
        figures: 1,
    }
}

fn full_register() -> ActorFacts {
    ActorFacts {
        identified: 3,
        retained: 1,
        engaged: 2,
        dismissed: 1,
        placed_on_map: 4,
        scored: 3,
        interactions: 2,
        exchanges: 5,
        engaged_met_since_signature: 2,
        ..ActorFacts::default()
    }
}

fn signed() -> DocumentFacts {
    DocumentFacts {
        signed: 1,
        signed_by_all_parties: true,
        ..DocumentFacts::default()
    }
}

#[test]
fn an_empty_alliance_has_five_steps_not_started_in_the_guides_order() {
    let steps = progress(&AllianceFacts::default());
    let numbers: Vec<u8> = steps.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(steps[0].title, "Réaliser le diagnostic interne");
    assert_eq!(steps[4].title, "Créer les conditions de la collaboration");
    for s in &steps {
        assert_eq!(s.status, StepStatus::NotStarted, "{}", s.title);
        assert_eq!(s.status_label, "Pas commencée");
        assert!(!s.missing.is_empty(), "{} says what to do", s.title);
    }
    let json = serde_json::to_value(&steps[0]).expect("json");
    assert_eq!(json["step"], "diagnostic");
    assert_eq!(json["status"], "not_started");
    assert_eq!(json["statusLabel"], "Pas commencée");
}

#[test]
fn step_1_starts_with_one_item_and_ends_with_every_quadrant_and_the_needs() {
    let mut facts = AllianceFacts::default();
    let s = step(&facts, AllianceStep::Diagnostic);
    assert_eq!(s.status, StepStatus::NotStarted);
    assert_eq!(s.missing.len(), 7);

    facts.diagnostic.weaknesses = 1;
    let s = step(&facts, AllianceStep::Diagnostic);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.status_label, "En cours");
    assert!(!s
        .missing
        .contains(&"Ajoutez au moins une faiblesse.".to_string()));
    assert!(s
        .missing
        .contains(&"Ajoutez au moins une force.".to_string()));

    // A text of the needs alone also starts it.
    let needs_only = AllianceFacts {
        diagnostic: DiagnosticFacts {
            participation_mode: true,
            ..DiagnosticFacts::default()
        },
        ..AllianceFacts::default()
    };
    assert_eq!(
        step(&needs_only, AllianceStep::Diagnostic).status,
        StepStatus::InProgress
    );

    // Every quadrant but the needs unwritten: still in progress, the needs listed first.
    facts.diagnostic = DiagnosticFacts {
        strategic_priorities: false,
        ..full_diagnostic()
    };
    let s = step(&facts, AllianceStep::Diagnostic);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing, ["Écrivez vos priorités stratégiques."]);

    // Needs written, one quadrant empty.
    facts.diagnostic = DiagnosticFacts {
        threats: 0,
        ..full_diagnostic()
    };
    let s = step(&facts, AllianceStep::Diagnostic);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing, ["Ajoutez au moins une menace."]);

    facts.diagnostic = full_diagnostic();
    let s = step(&facts, AllianceStep::Diagnostic);
    assert_eq!(s.status, StepStatus::Done);
    assert_eq!(s.status_label, "Terminée");
    assert!(s.missing.is_empty());
}

#[test]
fn step_2_needs_the_four_texts_and_a_sourced_figure() {
    let mut facts = AllianceFacts::default();
    assert_eq!(
        step(&facts, AllianceStep::Project).status,
        StepStatus::NotStarted
    );

    facts.dossier.figures = 1;
    let s = step(&facts, AllianceStep::Project);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing.len(), 4);
    assert_eq!(s.missing[0], "Qualifiez le besoin social.");

    facts.dossier = DossierFacts {
        figures: 0,
        ..full_dossier()
    };
    let s = step(&facts, AllianceStep::Project);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(
        s.missing,
        ["Quantifiez le besoin social\u{a0}: ajoutez au moins un chiffre clé sourcé."]
    );

    facts.dossier = DossierFacts {
        key_actors: false,
        ..full_dossier()
    };
    assert_eq!(
        step(&facts, AllianceStep::Project).missing,
        ["Nommez les acteurs clés à mobiliser, bénéficiaires compris."]
    );

    facts.dossier = full_dossier();
    assert_eq!(step(&facts, AllianceStep::Project).status, StepStatus::Done);
}

#[test]
fn step_3_needs_the_map_the_scores_an_exchange_and_a_chosen_partner() {
    let mut facts = AllianceFacts::default();
    let s = step(&facts, AllianceStep::Partners);
    assert_eq!(s.status, StepStatus::NotStarted);
    assert!(s.missing[0].starts_with("Cartographiez les acteurs du territoire"));

    // One identified actor, nothing else: in progress, four things left.
    facts.actors.identified = 1;
    let s = step(&facts, AllianceStep::Partners);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing.len(), 4);
    assert!(s.missing[0].starts_with("Placez au moins un acteur sur la carte"));

    // A vault before the register: every partner engaged, nothing mapped.
    facts.actors = ActorFacts {
        engaged: 3,
        ..ActorFacts::default()
    };
    let s = step(&facts, AllianceStep::Partners);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing.len(), 3);
    assert!(!s.missing.iter().any(|m| m.starts_with("Retenez")));

    // Each condition alone is missing.
    for (actors, expected) in [
        (
            ActorFacts {
                placed_on_map: 0,
                ..full_register()
            },
            "Placez au moins un acteur",
        ),
        (
            ActorFacts {
                scored: 0,
                ..full_register()
            },
            "Réduisez la sélection",
        ),
        (
            ActorFacts {
                exchanges: 0,
                ..full_register()
            },
            "Testez la proximité relationnelle",
        ),
        (
            ActorFacts {
                retained: 0,
                engaged: 0,
                ..full_register()
            },
            "Retenez ou engagez",
        ),
    ] {
        facts.actors = actors;
        let s = step(&facts, AllianceStep::Partners);
        assert_eq!(s.status, StepStatus::InProgress, "{expected}");
        assert_eq!(s.missing.len(), 1, "{expected}");
        assert!(s.missing[0].starts_with(expected), "{:?}", s.missing);
    }

    // « Retenu » is enough to have chosen; interactions are not required.
    facts.actors = ActorFacts {
        engaged: 0,
        retained: 1,
        interactions: 0,
        ..full_register()
    };
    assert_eq!(
        step(&facts, AllianceStep::Partners).status,
        StepStatus::Done
    );
}

#[test]
fn step_4_starts_with_the_advisor_or_a_document_and_ends_signed_by_all() {
    let mut facts = AllianceFacts::default();
    let s = step(&facts, AllianceStep::Contract);
    assert_eq!(s.status, StepStatus::NotStarted);
    assert_eq!(s.missing.len(), 3);
    assert!(s.missing[0].contains("Modèle de partenariat"));

    facts.advisor_answered = true;
    let s = step(&facts, AllianceStep::Contract);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing.len(), 2);
    assert!(s.missing[0].starts_with("Rédigez une convention"));

    // A draft without the advisor: in progress, review then signatures.
    facts.advisor_answered = false;
    facts.documents.draft = 1;
    let s = step(&facts, AllianceStep::Contract);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(
        s.missing,
        [
            "Faites relire un document, puis passez-le à «\u{a0}Prêt à signer\u{a0}».",
            "Recueillez la signature de toutes les parties sur un document.",
        ]
    );

    // Ready to sign (some parties may have signed): only the signatures are left.
    facts.documents = DocumentFacts {
        draft: 1,
        ready_to_sign: 1,
        ..DocumentFacts::default()
    };
    assert_eq!(
        step(&facts, AllianceStep::Contract).missing,
        ["Recueillez la signature de toutes les parties sur un document."]
    );

    // Signed by all, even while an amendment is a new draft version.
    facts.documents = DocumentFacts {
        draft: 1,
        signed_by_all_parties: true,
        ..DocumentFacts::default()
    };
    let s = step(&facts, AllianceStep::Contract);
    assert_eq!(s.status, StepStatus::Done);
    assert!(s.missing.is_empty());
}

#[test]
fn step_5_starts_at_the_signature_and_ends_when_every_partner_was_met_since() {
    let mut facts = AllianceFacts {
        actors: full_register(),
        ..AllianceFacts::default()
    };
    let s = step(&facts, AllianceStep::Collaboration);
    assert_eq!(s.status, StepStatus::NotStarted, "nothing signed yet");
    assert!(s.missing[0].contains("étape\u{a0}4"));

    facts.documents = signed();
    facts.actors.engaged_met_since_signature = 0;
    let s = step(&facts, AllianceStep::Collaboration);
    assert_eq!(s.status, StepStatus::InProgress);
    assert!(
        s.missing[0].starts_with("2\u{a0}partenaires engagés n’ont pas"),
        "{:?}",
        s.missing
    );

    facts.actors.engaged_met_since_signature = 1;
    let s = step(&facts, AllianceStep::Collaboration);
    assert_eq!(s.status, StepStatus::InProgress);
    assert!(s.missing[0].starts_with("Un partenaire engagé n’a pas"));

    facts.actors.engaged_met_since_signature = 2;
    let s = step(&facts, AllianceStep::Collaboration);
    assert_eq!(s.status, StepStatus::Done);
    assert!(s.missing.is_empty());

    // Signed, but nobody engaged (the association alone): in progress.
    facts.actors = ActorFacts::default();
    let s = step(&facts, AllianceStep::Collaboration);
    assert_eq!(s.status, StepStatus::InProgress);
    assert_eq!(s.missing, ["Engagez au moins un partenaire."]);
}

#[test]
fn every_message_follows_french_typography() {
    let mut all = Vec::new();
    let mut everything_missing = AllianceFacts::default();
    everything_missing.actors.identified = 1;
    for facts in [AllianceFacts::default(), everything_missing] {
        all.extend(progress(&facts).into_iter().flat_map(|s| s.missing));
    }
    for message in &all {
        assert!(!message.contains('\''), "typographic apostrophe: {message}");
        assert!(
            !message.contains(" :"),
            "no plain space before a colon: {message}"
        );
        assert!(
            !message.contains("« ") && !message.contains(" »"),
            "{message}"
        );
        assert!(message.ends_with('.'), "one sentence: {message}");
    }
}
