//! Clause templates: alliance data → document model.
//!
//! Each document (convention, charte, accord de consortium) has one model file in
//! `crates/allia-docs/templates/<name>.clauses`, embedded in the program. Clause texts are
//! data: a legal adviser can reread and change them there without touching Rust.
//!
//! # Model file format
//!
//! ```text
//! # A comment (outside clause bodies).
//! @document
//! agreed: Il a été convenu ce qui suit :
//!
//! @clause resiliation
//! title: Résiliation
//! kind: optional
//! default: on
//!
//! Chaque partie peut mettre fin à la convention… (see article {{ ref("objet") }})
//! ```
//!
//! - `@document` (first, optional) sets `agreed`, the sentence printed in bold before the
//!   first numbered article.
//! - `@clause <id>` starts a clause; `id` is stable ASCII (`a-z`, `0-9`, `_`), the key of
//!   overrides and references. The `key: value` lines that follow, up to the first blank
//!   line, are its header; the rest, up to the next `@clause`, is its body.
//! - Header keys: `title` (required); `kind`: `mandatory` | `optional` | `conditional`;
//!   `default: on|off` (optional clauses, on by default); `condition: <name>`
//!   (conditional clauses, evaluated in Rust: `public_funder`, `subsidy_over_threshold`,
//!   `annexes`);
//!   `numbered: no` for an unnumbered section (parties, préambule); `heading` to print a
//!   heading other than the title; `per: party` with `item_title` (a template) to expand
//!   the clause into one sub-article « n.k » per party, the body being rendered once per
//!   party with `party` in the context.
//!
//! # Clause bodies
//!
//! A body is a [minijinja](https://docs.rs/minijinja) template (blocks trimmed, undefined
//! fields are errors) whose output is a tiny markup: a blank line separates paragraphs,
//! a line starting with `- ` is a bullet item, `**bold**` and `*italic*` style words, `\`
//! makes the next character literal. Inserted values are escaped, so data never turns into
//! markup, and `none` prints nothing. French typography (« » and no-break spaces before
//! `: ; ! ?`, `’`, `n°`, `%`, `€`) is applied to the whole output, data included.
//!
//! The context is [`DocumentContext`]: `document`, `alliance` (with the terms: `duration`,
//! `tacit_renewal`, `notice`), `parties` and `lead` (each with its commitments:
//! `financial`, `in_kind` and their totals, and `commitments_summary`, all of them in
//! one phrase, « une subvention de 30 000,00 € et mise à disposition d’une salle (valeur
//! estimée : 2 000,00 €) », none when the party has none), `party_count`, `public_funders`,
//! `subsidy_cents`, `subsidies`, `subsidy_threshold_cents`, every party's `contributions`
//! and `in_kind` in one list each with their totals, `bank` (the receiving party's
//! account; `bank.holder_of` names its holder contracted with « de », « du
//! Département »), `court`, `annexes`, `review`, `governance`, `objectives`. A later area adds a
//! field there and the clauses test it (`{% if objectives %}…{% endif %}`).
//!
//! Helpers: `ref("id")` gives the number of the article holding that clause, after the
//! optional clauses are toggled (a removed clause prints « [article supprimé : titre] »,
//! an unknown one « [article inconnu : id] », both reported as warnings); `has("id")` tells
//! whether a clause is in the document (to guard a reference to an optional clause);
//! `annex("financial")` gives « l’annexe 1 », the number the document gives that annex
//! (`financial`, `schedule` or a user's annex id; one it does not have prints « [annexe
//! absente : id] » and is reported), and `has_annex("id")` guards such a reference;
//! `blank("label")` prints « [à compléter : label] » and reports it; `amount(cents)` or `| amount` gives
//! « 1 250,00 € »; `| date` turns `2025-12-01` into « 1er décembre 2025 »; `| list_fr` joins
//! « a, b et c »; `| sentence` ends a free text with a period; `| lower_first` puts
//! the first letter in lower case unless the text starts with an acronym.
//!
//! Naming the parties (French grammar, `allia_core::designation`): each party carries its
//! `designated_name` (« le Département d’Indre-et-Loire »), `short_name` (« le
//! Département », « la MSVB », « LAQ »), their `…_start` forms for the start of a
//! sentence, and `of_name`, `of_short_name`, `to_name`, `to_short_name` contracted with
//! « de » and « à » (« du Département », « de l’Université », « au Département »).
//! `{{ party | agree("représenté") }}` agrees a participle or an adjective with the party
//! (« représenté », « représentée », « représentés », « représentées »); `{{ party |
//! pronoun }}` gives « celui-ci », « celle-ci », « ceux-ci » or « celles-ci »; `{{ party |
//! verb("contribue", "contribuent") }}` picks the form that agrees with the party's number
//! wherever a party is the subject of a verb (or owns « ses » / « leurs »); `| of` and
//! `| to` contract « de » and « à » with a party or a name, `| designated` gives a name
//! with its article, and over a list (`public_funders`, whose items are the parties'
//! names) `| of_list` gives « du Département et de la Commune de Tours » and `| names`
//! « le Département et la Commune de Tours »; `| quoted` puts a text between « » and turns
//! the quotes inside it into “ ” (« Fondation “Solidarités & Numérique” »); `|
//! upper_first` capitalises the first letter. Never write « de {{ party.name }} » by hand:
//! « de Département » is what these helpers are for.

mod annexes;
mod assemble;
mod clause_engine;
pub mod clause_shape;
pub mod context;
mod error;
pub mod fields;
mod format;
pub mod markup;
mod party;
pub mod typography;
pub mod wording;

use allia_core::{AllianceFile, ClauseOverride, DocumentKind, UserAnnex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use context::DocumentContext;
pub use error::TemplateError;

use crate::model::Document;

/// What the user chose for one document, besides the alliance's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentOptions {
    pub kind: DocumentKind,
    /// Document title (PDF metadata and footer).
    pub title: String,
    pub overrides: Vec<ClauseOverride>,
    /// « Fait à … »; the profile's city when absent.
    pub place: Option<String>,
    pub signature_date: Option<NaiveDate>,
    /// Number of originals; one per party when absent.
    pub copies: Option<u32>,
    pub creation_date: NaiveDate,
    pub version: u32,
    /// An area for the signatories' initials (« Paraphes ») in the footer of every page
    /// but the signature page.
    #[serde(default)]
    pub initials: bool,
    /// Annexes the user lists by title, printed after the generated ones and numbered
    /// on from them (the document's settings).
    #[serde(default)]
    pub annexes: Vec<UserAnnex>,
}

impl DocumentOptions {
    /// Default options for a kind of document: model texts, no date, no place.
    pub fn new(kind: DocumentKind, title: impl Into<String>, creation_date: NaiveDate) -> Self {
        DocumentOptions {
            kind,
            title: title.into(),
            overrides: Vec::new(),
            place: None,
            signature_date: None,
            copies: None,
            creation_date,
            version: 1,
            initials: false,
            annexes: Vec::new(),
        }
    }
}

/// Whether a clause is in the document, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ClauseStatus {
    Mandatory,
    Optional {
        enabled: bool,
        default_enabled: bool,
    },
    /// Included when its condition holds on the alliance's data.
    Conditional {
        applies: bool,
        /// The condition's name (`public_funder`, `subsidy_over_threshold`).
        condition: String,
        /// When it applies, in French.
        description: String,
    },
}

/// One clause as the document builder lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClauseView {
    pub id: String,
    /// Article number when the clause is in the document and numbered.
    pub number: Option<String>,
    pub title: String,
    /// How the clause list names it: « Article 3 — Durée », or the title alone when the
    /// clause is unnumbered or left out.
    pub heading: String,
    pub status: ClauseStatus,
    /// Expands into one sub-article per party.
    pub per_party: bool,
    /// The model's template text (what « Rétablir » restores).
    pub model_text: String,
    /// The template text in force (the user's edit or the model's).
    pub text: String,
    pub edited: bool,
}

/// A document ready for the typesetter, and what the user should check.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub document: Document,
    /// French sentences: missing data, references to removed clauses, ignored toggles.
    pub warnings: Vec<String>,
    /// The same sentences as `warnings`, in the same order, each with where it is fixed
    /// (so the builder can link to it).
    pub checks: Vec<Check>,
    /// Where each included clause is in `document.blocks`, in order.
    pub spans: Vec<ClauseSpan>,
    /// Where each annex's title is in `document.blocks`, in order (the PDFs attached
    /// to the user's annexes go after their title page, `crate::annex_pdf`).
    pub annexes: Vec<AnnexStart>,
}

/// Something to check before signing: one of [`Built::warnings`] and where it is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub message: String,
    /// Where the person fixes it: a clause of the document, or data kept in another area
    /// (the association's profile, a partner). `None` when no one place fixes it.
    pub target: Option<CheckTarget>,
}

impl Check {
    /// The model's id of the clause the item is about, when it is about a clause.
    pub fn clause_id(&self) -> Option<&str> {
        match &self.target {
            Some(CheckTarget::Clause(id)) => Some(id),
            _ => None,
        }
    }
}

/// Where an « À vérifier » item is fixed, so the builder links to it (issue 8: a link to
/// its clause or field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckTarget {
    /// A clause of the document: its model id, as in [`ClauseView::id`].
    Clause(String),
    /// The association's profile (« Profil de mon association »), at `field` when one
    /// field is missing, else at its top.
    Profile(Option<OrganisationField>),
    /// A partner of the alliance: its position in [`AllianceFile::partners`] (the file
    /// carries no ids: the shell matches it to the stored partner), at `field`.
    Partner {
        index: usize,
        field: Option<OrganisationField>,
    },
}

/// A field of an organisation's form (the profile's or a partner's) a check points to.
/// Serialised as the form's field name (`representativeName`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum OrganisationField {
    Name,
    RepresentativeName,
}

/// The blocks `start..end` of [`Built::document`] a clause printed (its heading first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseSpan {
    pub clause_id: String,
    pub start: usize,
    pub end: usize,
}

/// The block of [`Built::document`] that titles an annex (« Annexe 3 — Statuts »).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexStart {
    /// `financial`, `schedule`, or the id of the user's annex (`UserAnnex::id`).
    pub annex_id: String,
    pub block: usize,
}

/// « [à compléter] » passages left in one clause of a built document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseBlanks {
    /// The clause; `None` for text outside every clause (title, signature block).
    pub clause_id: Option<String>,
    pub count: usize,
}

impl Built {
    /// The « [à compléter] » blanks (with or without a label, see [`context::BLANK`]) the
    /// text still holds, per clause in print order, only where there is one.
    pub fn blanks(&self) -> Vec<ClauseBlanks> {
        let needle = context::BLANK.trim_end_matches(']');
        let count = |range: std::ops::Range<usize>| -> usize {
            self.document.blocks[range]
                .iter()
                .map(|block| block.text().matches(needle).count())
                .sum()
        };
        let len = self.document.blocks.len();
        let mut result = Vec::new();
        let mut covered = 0;
        for span in &self.spans {
            let (start, end) = (span.start.min(len), span.end.min(len));
            let n = count(start..end);
            covered += n;
            if n > 0 {
                result.push(ClauseBlanks {
                    clause_id: Some(span.clause_id.clone()),
                    count: n,
                });
            }
        }
        let outside = count(0..len) - covered;
        if outside > 0 {
            result.push(ClauseBlanks {
                clause_id: None,
                count: outside,
            });
        }
        result
    }
}

/// The clauses of a document, in order and numbered, with their state. Texts are not
/// rendered, so an edit with an error can still be listed, fixed or reset.
pub fn clauses(
    file: &AllianceFile,
    options: &DocumentOptions,
) -> Result<Vec<ClauseView>, TemplateError> {
    let model = format::model(options.kind)?;
    let (ctx, _) = DocumentContext::from_file(file, options);
    let planned = assemble::plan(&model, &ctx, &options.overrides, &mut Vec::new())?;
    Ok(planned
        .into_iter()
        .map(|p| {
            // As the document prints it (typographic apostrophes); numbered clauses print
            // their title, unnumbered sections a heading the list does not need.
            let title = typography::fix_typography(&p.def.title);
            ClauseView {
                id: p.def.id.clone(),
                number: p.number.map(|n| n.to_string()),
                heading: match p.number {
                    Some(n) => wording::article_heading(n, &title),
                    None => title.clone(),
                },
                title,
                status: p.status,
                per_party: p.def.per_party,
                model_text: p.def.body.clone(),
                text: p.text,
                edited: p.edited,
            }
        })
        .collect())
}

/// Checks a clause text the person wants to save, before it is stored: it must parse,
/// read only fields the document has (in every branch, not only the one today's data
/// takes) and render with the alliance's data, the clause included. Only a problem of
/// this clause refuses it; the document's other problems (a missing alliance name…)
/// are reported where they are.
///
/// # Errors
/// [`TemplateError::ClauseText`] (with the French reason) when the text cannot be
/// rendered; [`TemplateError::UnknownClause`] when the model has no such clause.
pub fn check_clause_edit(
    file: &AllianceFile,
    options: &DocumentOptions,
    clause_id: &str,
    text: &str,
) -> Result<(), TemplateError> {
    let model = format::model(options.kind)?;
    let Some(def) = model.clause(clause_id) else {
        return Err(TemplateError::UnknownClause {
            clause_id: clause_id.to_string(),
            document: options.kind.label().to_string(),
        });
    };
    // Only what the clause editor writes is stored, so a stored text is one it can show.
    if let Err(problem) = clause_shape::check(&model, text) {
        return Err(TemplateError::refused_edit(
            &def.id,
            &def.title,
            &clause_shape::refusal(def, problem),
        ));
    }
    let engine = clause_engine::ClauseEngine::new(std::collections::HashMap::new());
    let unknown = engine
        .unknown_names(text)
        .map_err(|e| TemplateError::clause_text(&def.id, &def.title, true, &e))?;
    if let Some(name) = unknown.first() {
        return Err(TemplateError::unknown_field(&def.id, &def.title, name));
    }
    // Rendered in the document as it would print, with an optional clause switched on
    // so that its text is rendered too.
    let mut options = options.clone();
    options.overrides.retain(|o| o.clause_id != clause_id);
    options.overrides.push(ClauseOverride {
        clause_id: clause_id.to_string(),
        enabled: matches!(def.kind, format::ClauseKind::Optional { .. }).then_some(true),
        text: Some(text.to_string()),
    });
    let (ctx, _) = DocumentContext::from_file(file, &options);
    match build_with(&ctx, &options, Vec::new()) {
        Err(e) if e.clause_id() == Some(clause_id) => Err(e),
        _ => Ok(()),
    }
}

/// Whether `text` is the model's text of a clause, its typography aside (apostrophes,
/// spaces before `: ; ! ?`, see [`clause_shape::typography_key`]): saving it is no edit, so
/// the clause shows « Texte modifié » only while its text differs from the model's.
pub fn is_model_text(kind: DocumentKind, clause_id: &str, text: &str) -> bool {
    format::model(kind)
        .ok()
        .and_then(|model| {
            // Typography aside: the editor shows the model with French typography.
            let key = clause_shape::typography_key;
            model
                .clause(clause_id)
                .map(|def| key(&def.body) == key(text))
        })
        .unwrap_or(false)
}

/// Builds the document from the alliance file.
pub fn build(file: &AllianceFile, options: &DocumentOptions) -> Result<Built, TemplateError> {
    if file.alliance.name.trim().is_empty() {
        return Err(TemplateError::MissingAllianceName);
    }
    let (ctx, warnings) = DocumentContext::from_file(file, options);
    let mut built = build_with(&ctx, options, warnings)?;
    // Characters no font of the PDF can draw are « À vérifier » items too (issue 10).
    crate::unprintable::add_checks(&mut built, Some(file), options);
    Ok(built)
}

/// Builds the document from a context (for data the alliance file does not hold yet,
/// such as a subsidy amount).
pub fn build_from_context(
    ctx: &DocumentContext,
    options: &DocumentOptions,
) -> Result<Built, TemplateError> {
    if ctx.alliance.name.trim().is_empty() {
        return Err(TemplateError::MissingAllianceName);
    }
    let mut built = build_with(ctx, options, Vec::new())?;
    crate::unprintable::add_checks(&mut built, None, options);
    Ok(built)
}

fn build_with(
    ctx: &DocumentContext,
    options: &DocumentOptions,
    mut warnings: Vec<Check>,
) -> Result<Built, TemplateError> {
    let model = format::model(options.kind)?;
    let planned = assemble::plan(&model, ctx, &options.overrides, &mut warnings)?;
    assemble::assemble(&model, &planned, ctx, options, warnings)
}
