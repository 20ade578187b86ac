//! The rule of each step. A step is « Pas commencée » while none of its data exists,
//! « Terminée » when everything the guide asks of it is there, « En cours » between; its
//! missing list names, in French and in the guide's order, what is left to do.

use super::{AllianceFacts, AllianceStep, StepProgress, StepStatus};

/// The five steps of `facts`' alliance, in the guide's order.
pub fn progress(facts: &AllianceFacts) -> Vec<StepProgress> {
    AllianceStep::ALL
        .into_iter()
        .map(|step| {
            let (status, missing) = match step {
                AllianceStep::Diagnostic => diagnostic(facts),
                AllianceStep::Project => project(facts),
                AllianceStep::Partners => partners(facts),
                AllianceStep::Contract => contract(facts),
                AllianceStep::Collaboration => collaboration(facts),
            };
            StepProgress {
                step,
                number: step.number(),
                title: step.title().to_string(),
                status,
                status_label: status.label().to_string(),
                missing: if status == StepStatus::Done {
                    Vec::new()
                } else {
                    missing
                },
            }
        })
        .collect()
}

/// The status from whether anything is there and the list of what is missing.
fn status_of(started: bool, missing: &[impl AsRef<str>]) -> StepStatus {
    if missing.is_empty() {
        StepStatus::Done
    } else if started {
        StepStatus::InProgress
    } else {
        StepStatus::NotStarted
    }
}

/// Pushes `message` when `missing` holds.
fn need(list: &mut Vec<String>, missing: bool, message: &str) {
    if missing {
        list.push(message.to_string());
    }
}

/// Step 1, « Réaliser le diagnostic interne » (guide, section 3, étape 1: « Formaliser
/// vos besoins et vos attentes : priorités stratégiques, attentes vis-à-vis de
/// l’alliance, mode de participation » and « Analyser votre association et son
/// environnement […] grâce à une Matrice MOFF (SWOT) »).
///
/// Started by any SWOT item or any text of the needs; done when the three texts of the
/// needs are written and each of the four quadrants holds at least one item.
fn diagnostic(facts: &AllianceFacts) -> (StepStatus, Vec<String>) {
    let d = &facts.diagnostic;
    let mut missing = Vec::new();
    need(
        &mut missing,
        !d.strategic_priorities,
        "Écrivez vos priorités stratégiques.",
    );
    need(
        &mut missing,
        !d.alliance_expectations,
        "Écrivez vos attentes vis-à-vis de l’alliance.",
    );
    need(
        &mut missing,
        !d.participation_mode,
        "Décrivez le mode de participation envisagé.",
    );
    need(
        &mut missing,
        d.strengths == 0,
        "Ajoutez au moins une force.",
    );
    need(
        &mut missing,
        d.weaknesses == 0,
        "Ajoutez au moins une faiblesse.",
    );
    need(
        &mut missing,
        d.opportunities == 0,
        "Ajoutez au moins une opportunité.",
    );
    need(&mut missing, d.threats == 0, "Ajoutez au moins une menace.");
    let started = d.strengths + d.weaknesses + d.opportunities + d.threats > 0
        || d.strategic_priorities
        || d.alliance_expectations
        || d.participation_mode;
    (status_of(started, &missing), missing)
}

/// Step 2, « Formaliser le projet » (guide, section 3, étape 2: « L’élaboration d’un
/// dossier de présentation est nécessaire » — « Qualifier et quantifier le besoin
/// social. Démontrer la nécessité d’une réponse collective. Argumenter sur le projet et
/// son contexte à partir de données d’analyse. Mobiliser les acteurs clés y compris les
/// bénéficiaires dès le départ. »).
///
/// Started by any text of the dossier or any figure; done when its four texts are
/// written and at least one sourced key figure quantifies the need.
fn project(facts: &AllianceFacts) -> (StepStatus, Vec<String>) {
    let d = &facts.dossier;
    let mut missing = Vec::new();
    need(&mut missing, !d.social_need, "Qualifiez le besoin social.");
    need(
        &mut missing,
        d.figures == 0,
        "Quantifiez le besoin social\u{a0}: ajoutez au moins un chiffre clé sourcé.",
    );
    need(
        &mut missing,
        !d.collective_response,
        "Démontrez la nécessité d’une réponse collective.",
    );
    need(
        &mut missing,
        !d.argument,
        "Argumentez sur le projet et son contexte à partir de données d’analyse.",
    );
    need(
        &mut missing,
        !d.key_actors,
        "Nommez les acteurs clés à mobiliser, bénéficiaires compris.",
    );
    let started =
        d.social_need || d.collective_response || d.argument || d.key_actors || d.figures > 0;
    (status_of(started, &missing), missing)
}

/// Step 3, « Choisir les bons partenaires » (guide, section 3, étape 3: « Une sélection
/// rigoureuse des partenaires, qui réduit progressivement le champ des possibles » —
/// « Cartographier les acteurs du territoire », « Réduire la sélection sur des critères
/// objectifs », « Tester la proximité relationnelle », « essentiels avant de s’engager
/// dans la voie de la contractualisation »).
///
/// Started once the register holds an actor (the association itself aside); done when
/// the three movements of the guide have each left a trace — an actor placed on the
/// map (influence and interest), an actor scored on the criteria, an exchange logged —
/// and at least one actor is chosen (« Retenu » or « Engagé »). Interactions between
/// actors are not required: a small alliance may have none to record.
fn partners(facts: &AllianceFacts) -> (StepStatus, Vec<String>) {
    let a = &facts.actors;
    let mut missing = Vec::new();
    if a.total() == 0 {
        missing.push(
            "Cartographiez les acteurs du territoire\u{a0}: ajoutez-en au moins un dans \
             «\u{a0}Partenaires\u{a0}» et placez-le sur la carte."
                .into(),
        );
    } else {
        need(
            &mut missing,
            a.placed_on_map == 0,
            "Placez au moins un acteur sur la carte\u{a0}: son influence et son intérêt.",
        );
    }
    need(
        &mut missing,
        a.scored == 0,
        "Réduisez la sélection\u{a0}: notez au moins un acteur sur les critères.",
    );
    need(
        &mut missing,
        a.exchanges == 0,
        "Testez la proximité relationnelle\u{a0}: consignez au moins un échange avec un acteur.",
    );
    need(
        &mut missing,
        a.chosen() == 0,
        "Retenez ou engagez au moins un partenaire.",
    );
    (status_of(a.total() > 0, &missing), missing)
}

/// Step 4, « Formaliser contractuellement » (guide, section 3, étape 4: « La
/// contractualisation scelle l’alliance et définit les engagements réciproques selon le
/// type de coopération » — convention de partenariat, charte partenariale, accord de
/// consortium).
///
/// Started by a document or by the model advisor's answers (choosing the type of
/// cooperation, guide section 2); done when a contract is signed by all its parties
/// (a version « Signé »).
fn contract(facts: &AllianceFacts) -> (StepStatus, Vec<String>) {
    let d = &facts.documents;
    let mut missing = Vec::new();
    if d.signed_by_all_parties {
        return (StepStatus::Done, missing);
    }
    if d.total() == 0 {
        need(
            &mut missing,
            !facts.advisor_answered,
            "Choisissez le type de coopération\u{a0}: répondez au questionnaire de \
             «\u{a0}Modèle de partenariat\u{a0}».",
        );
        missing.push(
            "Rédigez une convention de partenariat, une charte partenariale ou un accord \
             de consortium dans «\u{a0}Documents\u{a0}»."
                .into(),
        );
    } else if d.ready_to_sign == 0 {
        missing.push(
            "Faites relire un document, puis passez-le à «\u{a0}Prêt à signer\u{a0}».".into(),
        );
    }
    missing.push("Recueillez la signature de toutes les parties sur un document.".into());
    let started = d.total() > 0 || facts.advisor_answered;
    (status_of(started, &missing), missing)
}

/// Step 5, « Créer les conditions de la collaboration » (guide, section 3, étape 5:
/// « son animation continue est nécessaire à l’implication de tous et à la fluidité des
/// relations entre partenaires » — « Favoriser la proximité et la construction de
/// liens. Construire une vision partagée de la problématique. Mettre en place le
/// pilotage. Organiser les instances. »).
///
/// The collaboration exists once a contract is signed by all its parties: before, the
/// step has not started. It is done when every engaged partner has met the association
/// since that day (an exchange logged on or after it: meeting, call, workshop, e-mail),
/// the proximity and links the guide asks to keep alive. The steering and the bodies
/// are fixed, for now, by the signed contract's clauses; when the « Gouvernance » area
/// (DOMAIN.md) records them, this rule will read them too.
fn collaboration(facts: &AllianceFacts) -> (StepStatus, Vec<String>) {
    let a = &facts.actors;
    let mut missing = Vec::new();
    if !facts.documents.signed_by_all_parties {
        missing
            .push("Faites d’abord signer un contrat par toutes ses parties (étape\u{a0}4).".into());
        return (StepStatus::NotStarted, missing);
    }
    if a.engaged == 0 {
        missing.push("Engagez au moins un partenaire.".into());
    } else if a.engaged_met_since_signature < a.engaged {
        let unmet = a.engaged - a.engaged_met_since_signature;
        missing.push(if unmet == 1 {
            "Un partenaire engagé n’a pas d’échange consigné depuis la signature\u{a0}: \
             favorisez la proximité (rencontre, appel, atelier)."
                .to_string()
        } else {
            format!(
                "{unmet}\u{a0}partenaires engagés n’ont pas d’échange consigné depuis la \
                 signature\u{a0}: favorisez la proximité (rencontre, appel, atelier)."
            )
        });
    }
    (status_of(true, &missing), missing)
}
