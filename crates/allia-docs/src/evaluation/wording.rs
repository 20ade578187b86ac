//! Every word the evaluation report prints that is not the alliance's own text or a label
//! of allia-core's closed lists (purposes, levels, statuses, decisions, which are written
//! once there).

/// The document's title, also the PDF's.
pub const TITLE: &str = "Rapport d’évaluation";
/// The PDF's subject.
pub const SUBJECT: &str = "Évaluation de l’impact de l’alliance\u{a0}: indicateurs, trajectoires, analyse des écarts et décisions";

/// « Finalités de l’évaluation » and what it prints without any.
pub const PURPOSES: &str = "Finalités de l’évaluation";
pub const NO_PURPOSE: &str = "Aucune finalité n’a été choisie.";

/// « Questions évaluatives » and what it prints without any.
pub const QUESTIONS: &str = "Questions évaluatives";
pub const NO_QUESTION: &str = "Aucune question évaluative n’a été écrite.";

/// The indicators' table.
pub const INDICATORS: &str = "Indicateurs";
pub const NO_INDICATOR: &str = "Aucun indicateur n’a été défini.";
/// The table's header, in column order.
pub const TABLE_HEADER: [&str; 7] = [
    "Indicateur",
    "Niveau",
    "Unité",
    "Référence",
    "Cible",
    "Dernière valeur",
    "Statut",
];
/// The relative widths of the table's columns: at 10 pt, a date « 31/12/2026 » holds on
/// one line of the figures' columns, « bénéficiaires » on one of the unit's.
pub const TABLE_WIDTHS: [f32; 7] = [2.2, 1.15, 1.5, 1.45, 1.45, 1.45, 1.3];
/// A cell with nothing to show (no measurement yet).
pub const NONE: &str = "—";
/// The heading of the status rule, printed under the table.
pub const STATUS_RULE: &str = "Comment le statut est établi\u{a0}: ";

/// The key indicators' charts.
pub const KEY_INDICATORS: &str = "Indicateurs clés";
pub const NO_KEY_INDICATOR: &str =
    "Aucun indicateur n’est marqué comme indicateur clé\u{a0}: le rapport trace le graphique des seuls indicateurs clés.";
/// The legend of each series.
pub const SERIES_MEASURED: &str = "Valeurs mesurées";
pub const SERIES_TRAJECTORY: &str = "Trajectoire prévue";
pub const SERIES_BASELINE: &str = "Valeur de référence";
pub const SERIES_TARGET: &str = "Cible";
pub const TODAY: &str = "Date du rapport";
/// Before the objective an indicator measures.
pub const MEASURES: &str = "Objectif mesuré\u{a0}: ";
/// Before an indicator's status.
pub const STATUS: &str = "Statut\u{a0}: ";

/// The gap analyses.
pub const GAPS: &str = "Analyse des écarts et décisions";
pub const NO_GAP_ANALYSIS: &str = "Aucune analyse des écarts n’a encore été enregistrée.";
/// Before the gap of each indicator of the objective.
pub const GAP_TO_TARGET: &str = "Écart entre la cible et la dernière valeur";
pub const NO_INDICATOR_FOR_OBJECTIVE: &str = "Aucun indicateur ne mesure cet objectif.";
pub const POSITIVE: &str = "Facteurs positifs";
pub const NEGATIVE: &str = "Facteurs négatifs";
pub const NO_FACTOR: &str = "aucun noté.";
pub const DECISION: &str = "Décision\u{a0}: ";
/// The heading of an analysis whose objective is no longer in the alliance.
pub const UNKNOWN_OBJECTIVE: &str = "Objectif introuvable";

/// « Analyse du 1er décembre 2026 ».
pub fn analysis_of(date: &str) -> String {
    format!("Analyse du {date}")
}

/// « le 1er décembre 2026 », under the title.
pub fn dated(date: &str) -> String {
    format!("le {date}")
}

/// One indicator's gap, for the analysis of its objective: « Bénéficiaires accompagnés :
/// cible 150 bénéficiaires au 31 décembre 2026, dernière valeur 120 bénéficiaires au
/// 1er novembre 2026, reste 30 bénéficiaires (En retard). »
pub fn indicator_gap(
    name: &str,
    target: &str,
    target_date: &str,
    latest: Option<(&str, &str)>,
    gap: Option<&str>,
    status: &str,
) -> String {
    let latest = match latest {
        Some((value, date)) => format!("dernière valeur {value} au {date}"),
        None => "pas encore de mesure".to_string(),
    };
    let gap = gap.map(|g| format!(", {g}")).unwrap_or_default();
    format!("{name}\u{a0}: cible {target} au {target_date}, {latest}{gap} ({status}).")
}

/// The gap once the target is reached or passed.
pub const REACHED: &str = "cible atteinte";

/// The gap still to go: « reste 30 bénéficiaires ».
pub fn remaining(quantity: &str) -> String {
    format!("reste {quantity}")
}
