//! The demo alliance's dossier de présentation (« Service partagé du Val de Brenne », the
//! guide's example of five associations pooling accounting, HR and communication). The
//! figures are invented but plausible, each with its year and its source.

use super::{DossierTexts, FigureDraft, FigureSourceKind};

/// The demo's texts and its key figures, in table order.
pub fn demo_dossier() -> (DossierTexts, Vec<FigureDraft>) {
    let texts = DossierTexts {
        social_need: Some(
            "Sur le Val de Brenne, les petites associations employeuses portent l’essentiel de \
             l’accompagnement de proximité (sport, insertion, culture, aide aux familles), mais leurs \
             responsables bénévoles passent une part croissante de leur temps en paie, comptabilité \
             et déclarations.\nCe temps manque auprès des publics\u{a0}: files d’attente pour \
             l’accompagnement, activités suspendues faute d’encadrants, bénévoles qui s’épuisent et \
             ne sont pas remplacés."
                .into(),
        ),
        collective_response: Some(
            "Aucune des cinq associations n’a seule le volume pour employer un comptable ou un \
             chargé de communication, ni pour négocier un logiciel de paie.\nEnsemble, elles \
             atteignent un temps plein partagé, une expertise continue (plus de dépendance à une \
             seule bénévole) et un interlocuteur unique pour la communauté de communes."
                .into(),
        ),
        argument: Some(
            "Les chiffres ci-dessus montrent un territoire rural où les associations employeuses \
             sont petites et où le temps administratif déborde sur l’activité.\nLe service partagé \
             vise 15\u{a0}% de coûts administratifs en moins avant juillet 2026 et libère du temps \
             de salariés pour les publics\u{a0}; il s’appuie sur les locaux de Familles en Marche et \
             l’expérience de paie de l’Atelier Solidaire."
                .into(),
        ),
        key_actors: Some(
            "Les cinq associations membres et leurs bénévoles responsables\u{a0}; les personnes \
             accompagnées, associées dès le départ par un questionnaire et deux réunions \
             publiques\u{a0}; la communauté de communes du Val de Brenne (ingénierie, soutien au \
             démarrage)\u{a0}; le Département d’Indre-et-Loire\u{a0}; le Dispositif local \
             d’accompagnement (DLA)\u{a0}; un expert-comptable du territoire pour la supervision."
                .into(),
        ),
    };
    let figure = |label: &str,
                  value: &str,
                  unit: Option<&str>,
                  year: i32,
                  source_kind: FigureSourceKind,
                  source: &str,
                  link: Option<&str>| FigureDraft {
        label: label.into(),
        value: value.into(),
        unit: unit.map(str::to_string),
        year,
        source_kind,
        source: source.into(),
        link: link.map(str::to_string),
    };
    let figures = vec![
        figure(
            "Habitants de la communauté de communes",
            "23480",
            Some("habitants"),
            2021,
            FigureSourceKind::Insee,
            "Recensement de la population, populations légales 2021",
            Some("https://www.insee.fr/fr/statistiques/7725600"),
        ),
        figure(
            "Associations employeuses sur le territoire",
            "212",
            Some("associations"),
            2023,
            FigureSourceKind::OpenData,
            "Répertoire national des associations croisé avec les déclarations d’employeurs, data.gouv.fr",
            Some("https://www.data.gouv.fr/fr/datasets/repertoire-national-des-associations/"),
        ),
        figure(
            "Associations employeuses de moins de 3 salariés",
            "68",
            Some("%"),
            2022,
            FigureSourceKind::Insee,
            "Flores (emploi salarié localisé), Indre-et-Loire",
            Some("https://www.insee.fr/fr/metadonnees/source/serie/s1065"),
        ),
        figure(
            "Temps administratif des responsables bénévoles",
            "9.5",
            Some("heures par semaine"),
            2025,
            FigureSourceKind::OwnSurvey,
            "Questionnaire auprès des cinq associations membres, 32 répondants, octobre 2025",
            None,
        ),
        figure(
            "Personnes accompagnées chaque année par les cinq associations",
            "1850",
            Some("personnes"),
            2024,
            FigureSourceKind::OwnSurvey,
            "Rapports d’activité 2024 des associations membres",
            None,
        ),
        figure(
            "Coût administratif moyen par association",
            "18400",
            Some("€ par an"),
            2024,
            FigureSourceKind::Other,
            "Comptes annuels 2024 des associations membres, compilés par la trésorière de SIB",
            None,
        ),
    ];
    (texts, figures)
}
