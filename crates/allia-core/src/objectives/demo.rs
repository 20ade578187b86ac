//! The demo alliance's objectives (issue 12, item 9): the guide's own SMART example
//! (section 4, « Réduire de 15 % les coûts administratifs… ») with its fields, a shared
//! vision at 2030, three strategic objectives with their expected impacts and priority
//! scores on the four default criteria, seven operational objectives across the demo's
//! five partners and the four dimensions (and one the alliance names), and two strategic
//! gaps. Partners are named by their index in `demo::demo_alliance().partners` (0 Maison
//! des Solidarités, 1 Jardins partagés, 2 Culture pour tous, 3 Aide à domicile rurale,
//! 4 Sport et Insertion); the store gives the ids.

use chrono::NaiveDate;

use super::kinds::CooperationDimension;
use super::records::{ObjectivesFrameDraft, OperationalObjectiveDraft, StrategicObjectiveDraft};

/// The guide's SMART example, word for word (guide section 4).
pub const GUIDE_SMART_EXAMPLE: &str = "Réduire de 15\u{a0}% les coûts administratifs des 5 associations membres de l’alliance avant juillet 2026 en mutualisant les fonctions comptabilité, RH et communication via la création d’un service partagé opérationnel au 1er décembre 2025";

/// An operational objective of the demo: its draft without ids (the strategic
/// objective's and the partners' are the store's), its partners and its responsible
/// partner by index.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOperational {
    /// `strategic_objective_id` and `partner_ids` empty, `owner_partner_id` `None`.
    pub draft: OperationalObjectiveDraft,
    pub partners: Vec<usize>,
    pub owner: Option<usize>,
}

/// A strategic objective of the demo with its operational objectives, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoStrategic {
    pub draft: StrategicObjectiveDraft,
    pub operational: Vec<DemoOperational>,
}

/// A strategic gap of the demo: the strategic objective and the partner by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoGap {
    pub strategic: usize,
    pub partner: usize,
    pub description: &'static str,
}

/// The demo's objectives.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoObjectives {
    pub frame: ObjectivesFrameDraft,
    /// In their order; the operational objectives in order under each. Read in this
    /// order they are the overview's: 3 under the first, 2 under the second, 2 under the
    /// third.
    pub strategic: Vec<DemoStrategic>,
    pub gaps: Vec<DemoGap>,
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[allow(clippy::too_many_arguments)]
fn operational(
    wording: &str,
    dimension: CooperationDimension,
    partners: &[usize],
    owner: usize,
    (baseline, target, unit): (Option<f64>, f64, &str),
    scope: &str,
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
) -> DemoOperational {
    DemoOperational {
        draft: OperationalObjectiveDraft {
            strategic_objective_id: String::new(),
            wording: wording.into(),
            dimension,
            custom_dimension: None,
            partner_ids: Vec::new(),
            baseline_value: baseline,
            target_value: Some(target),
            unit: Some(unit.into()),
            scope: Some(scope.into()),
            owner_partner_id: None,
            owner_person: None,
            start_date: start,
            due_date: due,
        },
        partners: partners.to_vec(),
        owner: Some(owner),
    }
}

fn strategic(
    title: &str,
    description: &str,
    impacts: &[&str],
    scores: [u8; 4],
    operational: Vec<DemoOperational>,
) -> DemoStrategic {
    let criteria = [
        "need_urgency",
        "collective_value",
        "feasibility",
        "partner_buy_in",
    ];
    DemoStrategic {
        draft: StrategicObjectiveDraft {
            title: title.into(),
            description: Some(description.into()),
            expected_impacts: impacts.iter().map(|i| i.to_string()).collect(),
            priority_scores: criteria
                .iter()
                .zip(scores)
                .map(|(c, s)| (c.to_string(), s))
                .collect(),
        },
        operational,
    }
}

/// The demo alliance's objectives (see the module's documentation).
pub fn demo_objectives() -> DemoObjectives {
    use CooperationDimension::*;
    const ALL: [usize; 5] = [0, 1, 2, 3, 4];
    let mut governance = operational(
        "Réunir le comité de pilotage de l’alliance 4 fois par an avec les présidents des 5 associations, de janvier 2026 à décembre 2027",
        Other,
        &ALL,
        4,
        (Some(1.0), 4.0, "réunions par an"),
        "les 5 présidents",
        day(2026, 1, 1),
        day(2027, 12, 31),
    );
    governance.draft.custom_dimension = Some("Gouvernance".into());
    governance.draft.owner_person = Some("Nadia Roux".into());
    let mut smart = operational(
        GUIDE_SMART_EXAMPLE,
        Pooling,
        &ALL,
        0,
        (None, 15.0, "%"),
        "les 5 associations membres de l’alliance",
        day(2025, 12, 1),
        day(2026, 6, 30),
    );
    smart.draft.owner_person = Some("Claire Moreau".into());
    DemoObjectives {
        frame: ObjectivesFrameDraft {
            vision: Some(
                "En 2030, les associations du Val de Brenne partagent un service commun qui leur libère du temps pour les habitants\u{a0}: une comptabilité, une paie et une communication mutualisées, et un accompagnement sans rupture des personnes isolées du territoire.\nL’alliance est reconnue par les collectivités comme l’interlocutrice des solidarités de proximité."
                    .into(),
            ),
            horizon_year: Some(2030),
            ..ObjectivesFrameDraft::default()
        },
        strategic: vec![
            strategic(
                "Mutualiser les fonctions support des associations membres",
                "Un service partagé porté par la Maison des Solidarités prend en charge la comptabilité, la paie et la communication des cinq associations.",
                &[
                    "Des coûts administratifs réduits pour chaque association",
                    "Des salariés recentrés sur leur cœur de mission",
                    "Une gestion plus sûre (paie, comptes, obligations légales)",
                ],
                [5, 4, 4, 4],
                vec![
                    smart,
                    operational(
                        "Passer les 5 associations sur un logiciel de paie commun avant le 31 mars 2027, avec une seule gestionnaire de paie",
                        Pooling,
                        &[0, 3, 4],
                        3,
                        (Some(0.0), 5.0, "associations"),
                        "les salariés des 5 associations",
                        day(2026, 9, 1),
                        day(2027, 3, 31),
                    ),
                    operational(
                        "Publier une lettre d’information commune chaque trimestre, diffusée à 2\u{a0}000 foyers du Val de Brenne dès janvier 2027",
                        Communication,
                        &[2, 0, 4],
                        2,
                        (Some(0.0), 2000.0, "foyers"),
                        "les foyers des 5 communes",
                        day(2026, 10, 1),
                        day(2027, 12, 31),
                    ),
                ],
            ),
            strategic(
                "Développer une offre commune d’accompagnement des habitants isolés",
                "Les associations croisent leurs activités (visites à domicile, jardins, culture, sport) pour proposer un parcours unique aux personnes isolées.",
                &[
                    "Moins d’habitants isolés sur le Val de Brenne",
                    "Un parcours sans rupture d’une association à l’autre",
                ],
                [4, 5, 3, 4],
                vec![
                    operational(
                        "Accompagner 120 habitants isolés par an dans un parcours commun aux associations d’ici décembre 2027",
                        JointActivity,
                        &[0, 3, 2],
                        0,
                        (Some(40.0), 120.0, "habitants accompagnés"),
                        "les habitants isolés des 5 communes",
                        day(2026, 1, 1),
                        day(2027, 12, 31),
                    ),
                    operational(
                        "Ouvrir 4 ateliers intergénérationnels de jardinage et de culture dans 4 communes d’ici juin 2027",
                        JointActivity,
                        &[1, 2],
                        1,
                        (Some(0.0), 4.0, "ateliers"),
                        "4 communes du Val de Brenne",
                        day(2026, 3, 1),
                        day(2027, 6, 30),
                    ),
                ],
            ),
            strategic(
                "Consolider et diversifier les financements de l’alliance",
                "Des demandes communes et pluriannuelles plutôt que cinq dossiers concurrents auprès des mêmes financeurs.",
                &[
                    "Des financements pluriannuels sécurisés",
                    "Moins de dépendance à une seule subvention",
                ],
                [3, 4, 3, 3],
                vec![
                    operational(
                        "Obtenir 60\u{a0}000\u{a0}€ de financements pluriannuels communs auprès de 3 financeurs d’ici décembre 2027",
                        Funding,
                        &ALL,
                        0,
                        (Some(0.0), 60000.0, "€"),
                        "l’alliance",
                        day(2026, 6, 1),
                        day(2027, 12, 31),
                    ),
                    governance,
                ],
            ),
        ],
        gaps: vec![
            DemoGap {
                strategic: 0,
                partner: 3,
                description: "Craint que la paie mutualisée fasse perdre la souplesse des plannings d’intervention à domicile\u{a0}: souhaite garder la main sur les variables de paie.",
            },
            DemoGap {
                strategic: 2,
                partner: 1,
                description: "Préfère garder ses propres demandes de subvention auprès de la commune plutôt que des dossiers communs, de peur de perdre sa visibilité.",
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_of_the_demo_is_valid_and_names_existing_partners() {
        let demo = demo_objectives();
        demo.frame.validated().expect("frame");
        assert_eq!(demo.strategic.len(), 3);
        let operational: Vec<&DemoOperational> =
            demo.strategic.iter().flat_map(|s| &s.operational).collect();
        assert!(operational.len() >= 6);
        for s in &demo.strategic {
            s.draft.validated().expect("strategic");
        }
        let fake = "00000000-0000-4000-8000-000000000000";
        for o in &operational {
            assert!(o.partners.iter().all(|p| *p < 5));
            let mut draft = o.draft.clone();
            draft.strategic_objective_id = fake.into();
            draft.partner_ids = vec![fake.into()];
            draft.owner_partner_id = o.owner.map(|_| fake.to_string());
            let draft = draft.validated().expect("operational");
            // Each passes the five letters while it runs.
            let check = crate::objectives::check_smart(
                &draft,
                NaiveDate::from_ymd_opt(2026, 1, 15).expect("day"),
            );
            assert!(check.passed, "{}: {:?}", draft.wording, check.letters);
        }
        // Across the partners and the dimensions.
        for p in 0..5 {
            assert!(operational.iter().any(|o| o.partners.contains(&p)), "{p}");
        }
        for d in [
            CooperationDimension::Pooling,
            CooperationDimension::JointActivity,
            CooperationDimension::Funding,
            CooperationDimension::Communication,
        ] {
            assert!(operational.iter().any(|o| o.draft.dimension == d), "{d:?}");
        }
        // The guide's example first, with its fields.
        let first = &operational[0];
        assert_eq!(first.draft.wording, GUIDE_SMART_EXAMPLE);
        assert_eq!(first.draft.target_value, Some(15.0));
        assert_eq!(first.partners.len(), 5);
        assert!(demo.gaps.iter().all(|g| g.strategic < 3 && g.partner < 5));
    }
}
