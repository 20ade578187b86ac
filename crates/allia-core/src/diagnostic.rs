//! The association's internal diagnostic, step 1 of the guide's « Construire une alliance
//! en 5 étapes » (« Diagnostic interne »): its needs and expectations of the alliance, and
//! a MOFF / SWOT matrix of short items in four quadrants, each with an importance 1–3 and
//! a position in its quadrant.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validation::{optional_multiline_text, text, ValidationErrors};

/// The four quadrants of the « Matrice MOFF / SWOT » (DOMAIN.md): Forces and Faiblesses
/// describe the association (internal), Opportunités and Menaces its environment
/// (external).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum SwotQuadrant {
    #[default]
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl SwotQuadrant {
    /// The matrix's reading order: internal first (Forces, Faiblesses), then external.
    pub const ALL: [SwotQuadrant; 4] = [
        Self::Strengths,
        Self::Weaknesses,
        Self::Opportunities,
        Self::Threats,
    ];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Strengths => "Forces",
            Self::Weaknesses => "Faiblesses",
            Self::Opportunities => "Opportunités",
            Self::Threats => "Menaces",
        }
    }

    /// Whether the quadrant describes the association itself (Forces, Faiblesses).
    pub fn is_internal(self) -> bool {
        matches!(self, Self::Strengths | Self::Weaknesses)
    }

    /// « Interne » or « Externe », the matrix's row label.
    pub fn side_label(self) -> &'static str {
        if self.is_internal() {
            "Interne"
        } else {
            "Externe"
        }
    }

    /// The guide's prompts for the quadrant (step 1), shown in an empty quadrant.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Strengths => "Expertise, moyens, réseau, légitimité.",
            Self::Weaknesses => "Manque de compétences, ressources limitées.",
            Self::Opportunities => "Financements, appels à projets, dynamique territoriale.",
            Self::Threats => "Concurrence, évolutions réglementaires.",
        }
    }
}

/// Longest text of one need, in characters.
pub const NEEDS_TEXT_MAX: usize = 5000;
/// Longest SWOT item, in characters: a short phrase that fits a quarter of an A4 page.
pub const SWOT_TEXT_MAX: usize = 300;
/// Most items in one quadrant, so that the one-page PDF stays one page.
pub const SWOT_ITEMS_PER_QUADRANT_MAX: usize = 12;
/// The importance scale: 1 (secondaire) to 3 (majeure).
pub const IMPORTANCE_MIN: u8 = 1;
pub const IMPORTANCE_MAX: u8 = 3;

/// The importance of an item in words, so that it never rests on colour alone.
pub fn importance_label(importance: u8) -> &'static str {
    match importance {
        0 | 1 => "Secondaire",
        2 => "Importante",
        _ => "Majeure",
    }
}

/// What the association writes about its needs (guide, step 1: « Identifier les
/// besoins et attentes de votre association »). Every text optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticNeedsDraft {
    /// Priorités stratégiques.
    #[serde(default)]
    pub strategic_priorities: Option<String>,
    /// Attentes vis-à-vis de l'alliance.
    #[serde(default)]
    pub alliance_expectations: Option<String>,
    /// Mode de participation envisagé.
    #[serde(default)]
    pub participation_mode: Option<String>,
}

impl DiagnosticNeedsDraft {
    /// Cleans each text ([`crate::text::clean_multiline`]) and checks its length; field
    /// errors in French on `strategicPriorities`, `allianceExpectations`,
    /// `participationMode`.
    pub fn validated(&self) -> Result<DiagnosticNeedsDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let draft = DiagnosticNeedsDraft {
            strategic_priorities: optional_multiline_text(
                &mut errors,
                "strategicPriorities",
                &self.strategic_priorities,
                NEEDS_TEXT_MAX,
            ),
            alliance_expectations: optional_multiline_text(
                &mut errors,
                "allianceExpectations",
                &self.alliance_expectations,
                NEEDS_TEXT_MAX,
            ),
            participation_mode: optional_multiline_text(
                &mut errors,
                "participationMode",
                &self.participation_mode,
                NEEDS_TEXT_MAX,
            ),
        };
        errors.into_result(draft)
    }

    /// Whether nothing is written.
    pub fn is_empty(&self) -> bool {
        self.strategic_priorities.is_none()
            && self.alliance_expectations.is_none()
            && self.participation_mode.is_none()
    }
}

/// The stored needs of one alliance (one record per alliance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticNeeds {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: DiagnosticNeedsDraft,
}

/// What the user edits about one SWOT item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SwotItemDraft {
    pub quadrant: SwotQuadrant,
    /// A short phrase, one line, at most [`SWOT_TEXT_MAX`] characters.
    pub text: String,
    /// 1 (secondaire) to 3 (majeure).
    pub importance: u8,
}

impl Default for SwotItemDraft {
    fn default() -> Self {
        SwotItemDraft {
            quadrant: SwotQuadrant::Strengths,
            text: String::new(),
            importance: 2,
        }
    }
}

impl SwotItemDraft {
    /// Cleans the text ([`crate::text::clean`]: one line) and checks it is written and
    /// short, and that the importance is 1, 2 or 3; field errors in French on `text`,
    /// `importance`.
    pub fn validated(&self) -> Result<SwotItemDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let text = text(
            &mut errors,
            "text",
            &self.text,
            Some("le texte de l’élément"),
            SWOT_TEXT_MAX,
        );
        if !(IMPORTANCE_MIN..=IMPORTANCE_MAX).contains(&self.importance) {
            errors.push(
                "importance",
                "L’importance va de 1 (secondaire) à 3 (majeure).",
            );
        }
        errors.into_result(SwotItemDraft {
            quadrant: self.quadrant,
            text,
            importance: self.importance,
        })
    }
}

/// A stored SWOT item: `position` counts from 0 within its quadrant, with no gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SwotItem {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub position: u32,
    pub draft: SwotItemDraft,
}

/// One alliance's diagnostic: its needs, if written, and its SWOT items in quadrant
/// order ([`SwotQuadrant::ALL`]), then by position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub needs: Option<DiagnosticNeeds>,
    pub items: Vec<SwotItem>,
}

impl Diagnostic {
    /// The items of one quadrant, by position.
    pub fn quadrant(&self, quadrant: SwotQuadrant) -> Vec<&SwotItem> {
        let mut items: Vec<&SwotItem> = self
            .items
            .iter()
            .filter(|i| i.draft.quadrant == quadrant)
            .collect();
        items.sort_by_key(|i| i.position);
        items
    }
}

/// Where one item sits: what the reorder rule reads and returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwotPlace {
    pub id: String,
    pub quadrant: SwotQuadrant,
    pub position: u32,
}

/// Why a move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SwotMoveError {
    #[error("Cet élément du diagnostic n’existe plus.")]
    UnknownItem,
    #[error("Ce quadrant compte déjà {max} éléments, le plus qu’une page puisse montrer.")]
    QuadrantFull { max: usize },
}

/// The reorder rule: moves item `id` to `index` (0-based, clamped to the end) among
/// the items of quadrant `to`, which may be its own quadrant or another, and gives every
/// item its new place, positions dense from 0 in each quadrant in their former order
/// otherwise. Returns the places of all items, in [`SwotQuadrant::ALL`] order then by
/// position.
///
/// # Errors
/// [`SwotMoveError::UnknownItem`] when `id` is not among `items`;
/// [`SwotMoveError::QuadrantFull`] when `to` is another quadrant that already holds
/// [`SWOT_ITEMS_PER_QUADRANT_MAX`] items.
pub fn move_item(
    items: &[SwotPlace],
    id: &str,
    to: SwotQuadrant,
    index: usize,
) -> Result<Vec<SwotPlace>, SwotMoveError> {
    let moved = items
        .iter()
        .find(|p| p.id == id)
        .ok_or(SwotMoveError::UnknownItem)?;
    let mut out = Vec::with_capacity(items.len());
    for quadrant in SwotQuadrant::ALL {
        let mut ids: Vec<(u32, &str)> = items
            .iter()
            .filter(|p| p.quadrant == quadrant && p.id != id)
            .map(|p| (p.position, p.id.as_str()))
            .collect();
        ids.sort();
        let mut ordered: Vec<&str> = ids.into_iter().map(|(_, id)| id).collect();
        if quadrant == to {
            if moved.quadrant != to && ordered.len() >= SWOT_ITEMS_PER_QUADRANT_MAX {
                return Err(SwotMoveError::QuadrantFull {
                    max: SWOT_ITEMS_PER_QUADRANT_MAX,
                });
            }
            ordered.insert(index.min(ordered.len()), id);
        }
        out.extend(ordered.into_iter().enumerate().map(|(i, id)| SwotPlace {
            id: id.to_string(),
            quadrant,
            position: u32::try_from(i).unwrap_or(u32::MAX),
        }));
    }
    Ok(out)
}

/// Dense positions after an item left: the places of `items` in each quadrant
/// renumbered from 0 in their order.
pub fn compact(items: &[SwotPlace]) -> Vec<SwotPlace> {
    let mut out = Vec::with_capacity(items.len());
    for quadrant in SwotQuadrant::ALL {
        let mut ids: Vec<(u32, &str)> = items
            .iter()
            .filter(|p| p.quadrant == quadrant)
            .map(|p| (p.position, p.id.as_str()))
            .collect();
        ids.sort();
        out.extend(ids.into_iter().enumerate().map(|(i, (_, id))| SwotPlace {
            id: id.to_string(),
            quadrant,
            position: u32::try_from(i).unwrap_or(u32::MAX),
        }));
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: &str, quadrant: SwotQuadrant, position: u32) -> SwotPlace {
        SwotPlace {
            id: id.into(),
            quadrant,
            position,
        }
    }

    fn sample() -> Vec<SwotPlace> {
        use SwotQuadrant::*;
        vec![
            place("a", Strengths, 0),
            place("b", Strengths, 1),
            place("c", Strengths, 2),
            place("d", Threats, 0),
        ]
    }

    fn ids_of(places: &[SwotPlace], q: SwotQuadrant) -> Vec<(String, u32)> {
        places
            .iter()
            .filter(|p| p.quadrant == q)
            .map(|p| (p.id.clone(), p.position))
            .collect()
    }

    #[test]
    fn moving_within_a_quadrant_keeps_positions_dense() {
        let out = move_item(&sample(), "c", SwotQuadrant::Strengths, 0).expect("accepted");
        assert_eq!(
            ids_of(&out, SwotQuadrant::Strengths),
            vec![("c".into(), 0), ("a".into(), 1), ("b".into(), 2)]
        );
        let out = move_item(&sample(), "a", SwotQuadrant::Strengths, 1).expect("accepted");
        assert_eq!(
            ids_of(&out, SwotQuadrant::Strengths),
            vec![("b".into(), 0), ("a".into(), 1), ("c".into(), 2)]
        );
    }

    #[test]
    fn moving_between_quadrants_closes_the_gap_and_opens_a_place() {
        let out = move_item(&sample(), "b", SwotQuadrant::Threats, 0).expect("accepted");
        assert_eq!(
            ids_of(&out, SwotQuadrant::Strengths),
            vec![("a".into(), 0), ("c".into(), 1)]
        );
        assert_eq!(
            ids_of(&out, SwotQuadrant::Threats),
            vec![("b".into(), 0), ("d".into(), 1)]
        );
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn an_index_past_the_end_puts_the_item_last_even_in_an_empty_quadrant() {
        let out = move_item(&sample(), "a", SwotQuadrant::Strengths, 99).expect("accepted");
        assert_eq!(
            ids_of(&out, SwotQuadrant::Strengths),
            vec![("b".into(), 0), ("c".into(), 1), ("a".into(), 2)]
        );
        let out = move_item(&sample(), "d", SwotQuadrant::Opportunities, 5).expect("accepted");
        assert_eq!(
            ids_of(&out, SwotQuadrant::Opportunities),
            vec![("d".into(), 0)]
        );
        assert!(ids_of(&out, SwotQuadrant::Threats).is_empty());
    }

    #[test]
    fn gaps_in_stored_positions_are_closed() {
        use SwotQuadrant::*;
        let items = vec![place("a", Weaknesses, 3), place("b", Weaknesses, 7)];
        let out = move_item(&items, "b", Weaknesses, 0).expect("accepted");
        assert_eq!(
            ids_of(&out, Weaknesses),
            vec![("b".into(), 0), ("a".into(), 1)]
        );
        assert_eq!(
            ids_of(&compact(&items), Weaknesses),
            vec![("a".into(), 0), ("b".into(), 1)]
        );
    }

    #[test]
    fn an_unknown_item_or_a_full_quadrant_is_refused() {
        assert_eq!(
            move_item(&sample(), "zz", SwotQuadrant::Strengths, 0),
            Err(SwotMoveError::UnknownItem)
        );
        let full: Vec<SwotPlace> = (0..SWOT_ITEMS_PER_QUADRANT_MAX)
            .map(|i| place(&format!("f{i}"), SwotQuadrant::Threats, i as u32))
            .chain([place("x", SwotQuadrant::Strengths, 0)])
            .collect();
        assert!(matches!(
            move_item(&full, "x", SwotQuadrant::Threats, 0),
            Err(SwotMoveError::QuadrantFull { .. })
        ));
        // Within the full quadrant itself a move is fine.
        assert!(move_item(&full, "f3", SwotQuadrant::Threats, 0).is_ok());
    }

    #[test]
    fn an_item_needs_a_short_text_and_an_importance_from_1_to_3() {
        let ok = SwotItemDraft {
            quadrant: SwotQuadrant::Opportunities,
            text: "  Appel à projets\u{a0}FDVA\n2027 ".into(),
            importance: 3,
        }
        .validated()
        .expect("accepted");
        assert_eq!(ok.text, "Appel à projets\u{a0}FDVA 2027");
        let err = SwotItemDraft {
            quadrant: SwotQuadrant::Threats,
            text: " ".into(),
            importance: 0,
        }
        .validated()
        .expect_err("refused");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["text", "importance"]);
        assert_eq!(err.0[0].message, "Indiquez le texte de l’élément.");
        let long = SwotItemDraft {
            text: "x".repeat(SWOT_TEXT_MAX + 1),
            ..SwotItemDraft::default()
        }
        .validated()
        .expect_err("refused");
        assert!(long.0[0].message.contains("caractères"), "{long:?}");
    }

    #[test]
    fn needs_keep_their_line_breaks_and_refuse_control_characters() {
        let ok = DiagnosticNeedsDraft {
            strategic_priorities: Some("Ligne 1\r\nLigne 2".into()),
            alliance_expectations: Some("   ".into()),
            participation_mode: None,
        }
        .validated()
        .expect("accepted");
        assert_eq!(ok.strategic_priorities.as_deref(), Some("Ligne 1\nLigne 2"));
        assert_eq!(ok.alliance_expectations, None);
        let err = DiagnosticNeedsDraft {
            participation_mode: Some("a\u{7}b".into()),
            ..Default::default()
        }
        .validated()
        .expect_err("refused");
        assert_eq!(err.0[0].field, "participationMode");
        assert!(err.0[0].message.contains("U+0007"));
    }

    #[test]
    fn quadrants_carry_domain_labels_and_sides() {
        let labels: Vec<&str> = SwotQuadrant::ALL.iter().map(|q| q.label()).collect();
        assert_eq!(labels, ["Forces", "Faiblesses", "Opportunités", "Menaces"]);
        assert!(SwotQuadrant::Weaknesses.is_internal());
        assert_eq!(SwotQuadrant::Threats.side_label(), "Externe");
        assert_eq!(importance_label(3), "Majeure");
    }

    #[test]
    fn the_demo_diagnostic_is_valid_and_fills_every_quadrant() {
        let (needs, items) = demo_diagnostic();
        assert!(needs.validated().is_ok());
        for q in SwotQuadrant::ALL {
            let n = items.iter().filter(|i| i.quadrant == q).count();
            assert!((3..=4).contains(&n), "{q:?}: {n}");
        }
        for i in &items {
            assert_eq!(i.validated().as_ref(), Ok(i));
        }
    }
}
