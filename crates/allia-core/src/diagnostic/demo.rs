//! The demo alliance's diagnostic: its needs and SWOT items ([`demo_diagnostic`]).

use super::{DiagnosticNeedsDraft, SwotItemDraft, SwotQuadrant};

/// The demo alliance's diagnostic (« Service partagé du Val de Brenne », the guide's
/// example of five associations pooling accounting, HR and communication): its needs and
/// its SWOT items, in each quadrant's order.
pub fn demo_diagnostic() -> (DiagnosticNeedsDraft, Vec<SwotItemDraft>) {
    use SwotQuadrant::*;
    let needs = DiagnosticNeedsDraft {
        strategic_priorities: Some(
            "Consacrer le temps des salariés à l’accompagnement des publics plutôt qu’aux tâches \
             administratives.\nSécuriser la paie et la comptabilité, aujourd’hui portées par une seule \
             bénévole."
                .into(),
        ),
        alliance_expectations: Some(
            "Un service partagé de comptabilité, de paie et de communication, des coûts \
             administratifs réduits de 15\u{202f}% et une voix commune auprès de la communauté de \
             communes."
                .into(),
        ),
        participation_mode: Some(
            "Membre du comité de pilotage, une demi-journée par mois\u{a0}; mise à disposition \
             de notre bureau d’accueil deux jours par semaine."
                .into(),
        ),
    };
    let item = |quadrant, text: &str, importance| SwotItemDraft {
        quadrant,
        text: text.into(),
        importance,
    };
    let items = vec![
        item(
            Strengths,
            "Vingt ans d’expertise de l’insertion sur le territoire",
            3,
        ),
        item(Strengths, "Un réseau de 120 bénévoles actifs", 2),
        item(
            Strengths,
            "Légitimité reconnue auprès des élus et des services sociaux",
            3,
        ),
        item(Strengths, "Locaux en centre-bourg, accessibles", 1),
        item(
            Weaknesses,
            "Aucune compétence en paie ni en droit social en interne",
            3,
        ),
        item(
            Weaknesses,
            "Ressources limitées\u{a0}: un seul poste administratif à mi-temps",
            3,
        ),
        item(Weaknesses, "Communication numérique quasi inexistante", 2),
        item(
            Opportunities,
            "Appel à projets FDVA «\u{a0}fonctionnement-innovation\u{a0}» 2026",
            3,
        ),
        item(
            Opportunities,
            "La communauté de communes finance la mutualisation entre associations",
            2,
        ),
        item(
            Opportunities,
            "Dynamique territoriale du projet alimentaire du Val de Brenne",
            1,
        ),
        item(
            Threats,
            "Baisse annoncée des subventions de fonctionnement",
            3,
        ),
        item(
            Threats,
            "Évolutions réglementaires de la paie (DSN, prélèvement à la source)",
            2,
        ),
        item(
            Threats,
            "Concurrence d’un cabinet comptable privé sur les petites structures",
            1,
        ),
    ];
    (needs, items)
}
