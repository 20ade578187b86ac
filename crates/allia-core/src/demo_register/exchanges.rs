//! The proximity log: the demo's exchanges with its actors and their friction points.

use chrono::NaiveDate;

use super::{BANQUE, CABINET, COLLECTIF, COMMUNAUTE, CRESS, DEPARTEMENT, DLA, GROUPEMENT};
use crate::actors::{ExchangeEntryDraft, ExchangeKind};
use crate::demo::DemoExchange;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    // Literal dates of the demo, all valid.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The proximity log: exchanges with the candidates and with the actor set aside, some
/// with the friction points they revealed.
pub(crate) fn exchanges() -> Vec<DemoExchange> {
    use ExchangeKind::*;
    let entries: [(usize, NaiveDate, ExchangeKind, &str, &[&str]); 10] = [
        (
            CABINET,
            day(2026, 6, 12),
            Meeting,
            "Présentation du projet au cabinet : il redoute de perdre ses clients associatifs et ne souhaite pas s’associer.",
            &["Concurrence directe sur la tenue de comptabilité"],
        ),
        (
            CRESS,
            day(2026, 9, 2),
            Email,
            "Demande de retours d’expérience d’autres services partagés en région.",
            &[],
        ),
        (
            COMMUNAUTE,
            day(2026, 9, 15),
            Meeting,
            "Rencontre avec le vice-président chargé de la vie associative : la communauté de communes soutiendrait un service ouvert aux associations du territoire.",
            &["Souhaite ouvrir le service à toutes les associations du territoire, pas aux seuls membres"],
        ),
        (
            COMMUNAUTE,
            day(2026, 10, 6),
            Call,
            "Calendrier du budget 2027 : dossier de subvention à déposer avant le 15 janvier.",
            &[],
        ),
        (
            GROUPEMENT,
            day(2026, 10, 20),
            Workshop,
            "Atelier sur la paie mutualisée avec la responsable du groupement et l’ADRV.",
            &[
                "Coût d’adhésion au groupement jugé élevé par les petites associations",
                "Qui encadre au quotidien la comptable partagée ?",
            ],
        ),
        (
            DEPARTEMENT,
            day(2026, 10, 28),
            Email,
            "Envoi du dossier de présentation au service de la vie associative.",
            &[],
        ),
        (
            DLA,
            day(2026, 11, 4),
            Call,
            "Un second accompagnement DLA est possible en 2027 sur la gouvernance du service.",
            &[],
        ),
        (
            BANQUE,
            day(2026, 11, 12),
            Meeting,
            "Présentation du projet au chargé d’affaires ESS de l’agence.",
            &["Demande une caution des associations membres pour le prêt"],
        ),
        (
            COLLECTIF,
            day(2026, 11, 18),
            Workshop,
            "Atelier de recueil des besoins : douze associations présentes, la paie arrive en tête.",
            &[],
        ),
        (
            GROUPEMENT,
            day(2026, 11, 24),
            Call,
            "Accord de principe pour porter l’emploi de la comptable à partir de mars.",
            &[],
        ),
    ];
    entries
        .into_iter()
        .map(|(actor, date, kind, notes, frictions)| DemoExchange {
            actor,
            draft: ExchangeEntryDraft {
                date,
                kind,
                notes: Some(notes.into()),
                friction_points: frictions.iter().map(|f| f.to_string()).collect(),
            },
        })
        .collect()
}
