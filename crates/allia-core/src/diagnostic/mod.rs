//! The association's internal diagnostic, step 1 of the guide's « Construire une alliance
//! en 5 étapes » (« Diagnostic interne »): its needs and expectations of the alliance, and
//! a MOFF / SWOT matrix of short items in four quadrants, each with an importance 1–3 and
//! a position in its quadrant.
//!
//! This file holds the quadrants, the needs and the SWOT items with their limits;
//! `reorder.rs` the items' reorder rule, `demo.rs` the demo alliance's diagnostic.

mod demo;
mod reorder;

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

pub use demo::demo_diagnostic;
pub use reorder::{compact, move_item, SwotMoveError, SwotPlace};

#[cfg(test)]
mod tests;
