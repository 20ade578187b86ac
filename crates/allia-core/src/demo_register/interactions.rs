//! The links between the demo's actors.

use super::{
    ADRV, BANQUE, BENEVOLAT, CABINET, COLLECTIF, COMMUNAUTE, CRESS, CULTURE, DDETS, DEPARTEMENT,
    DLA, GROUPEMENT, JARDINS, JOURNAL, MSVB, SPORT, UNIVERSITE,
};
use crate::actors::InteractionKind;
use crate::demo::DemoInteraction;

/// The links between the demo's actors: every kind of the guide at least once.
pub(crate) fn interactions() -> Vec<DemoInteraction> {
    use InteractionKind::*;
    [
        (
            DEPARTEMENT,
            Finances,
            ADRV,
            "Tarification de l’aide à domicile (APA).",
        ),
        (
            COMMUNAUTE,
            Finances,
            SPORT,
            "Subvention annuelle et mise à disposition du complexe sportif.",
        ),
        (
            COMMUNAUTE,
            Finances,
            MSVB,
            "Convention pluriannuelle d’objectifs 2024-2026.",
        ),
        (
            DDETS,
            Finances,
            SPORT,
            "Un poste FONJEP pour l’animateur d’insertion.",
        ),
        (
            BANQUE,
            Finances,
            GROUPEMENT,
            "Prêt de trésorerie au démarrage du groupement.",
        ),
        (
            MSVB,
            CooperatesWith,
            JARDINS,
            "Ateliers de quartier communs depuis 2022.",
        ),
        (
            CULTURE,
            CooperatesWith,
            SPORT,
            "La Fête du Val, organisée ensemble chaque mois de juin.",
        ),
        (MSVB, IsMemberOf, CRESS, "Adhérente depuis 2021."),
        (
            ADRV,
            IsMemberOf,
            GROUPEMENT,
            "Une assistante RH à temps partiel par le groupement.",
        ),
        (
            COLLECTIF,
            IsMemberOf,
            BENEVOLAT,
            "Plusieurs associations du collectif y recrutent leurs bénévoles.",
        ),
        (
            CABINET,
            CompetesWith,
            MSVB,
            "Propose la tenue de comptes aux associations du territoire.",
        ),
        (
            DLA,
            Advises,
            MSVB,
            "Accompagnement DLA sur la mutualisation en 2025.",
        ),
        (
            BENEVOLAT,
            Advises,
            JARDINS,
            "Recrutement et fidélisation des bénévoles.",
        ),
        (
            UNIVERSITE,
            Advises,
            COMMUNAUTE,
            "Diagnostic territorial de l’ESS du Castelrenaudais.",
        ),
        (
            JOURNAL,
            Advises,
            CULTURE,
            "Relais des programmes culturels dans l’agenda local.",
        ),
    ]
    .into_iter()
    .map(|(from, kind, to, note)| DemoInteraction {
        from,
        to,
        kind,
        note: Some(note.into()),
    })
    .collect()
}
