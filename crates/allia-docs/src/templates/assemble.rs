//! From a model, the context and the user's overrides to the document: which clauses are
//! in, their numbers, their rendered text and the blocks around them.

use std::collections::HashMap;

use allia_core::ClauseOverride;
use minijinja::{context, Value};

use super::annexes;
use super::clause_engine::{ClauseEngine, Issue, RefTarget};
use super::context::{is_public_funder, DocumentContext, PROFILE_PLACEHOLDER};
use super::error::TemplateError;
use super::format::{ClauseDef, ClauseKind, Condition, Model};
use super::markup::{parse_blocks, plain_text};
use super::typography::fix_typography;
use super::{Built, Check, CheckTarget, ClauseSpan, ClauseStatus, DocumentOptions};
use crate::model::{Align, Block, Document, Metadata, Paragraph, Run, Signatory, Signatures};

/// One clause of the model with its state in this document.
pub struct Planned<'a> {
    pub def: &'a ClauseDef,
    pub status: ClauseStatus,
    pub included: bool,
    pub number: Option<u32>,
    /// The template text in force: the user's edit or the model's.
    pub text: String,
    pub edited: bool,
}

pub fn condition_holds(condition: Condition, ctx: &DocumentContext) -> bool {
    let over = |cents: i64| cents > ctx.subsidy_threshold_cents;
    match condition {
        Condition::PublicFunder => ctx.parties.iter().any(|p| is_public_funder(p)),
        // The threshold applies to what one authority grants; a context built by hand
        // may give only the total.
        Condition::SubsidyOverThreshold if ctx.subsidies.is_empty() => {
            ctx.subsidy_cents.is_some_and(over)
        }
        // The décret compares each funder's annual amount (allia-core's
        // `annual_public_subsidy`), not its total over the term.
        Condition::SubsidyOverThreshold => ctx.subsidies.iter().any(|s| over(s.annual_cents)),
        Condition::Annexes => !ctx.annexes.is_empty(),
    }
}

/// Applies the overrides, decides which clauses are in and numbers the articles.
pub fn plan<'a>(
    model: &'a Model,
    ctx: &DocumentContext,
    overrides: &[ClauseOverride],
    warnings: &mut Vec<Check>,
) -> Result<Vec<Planned<'a>>, TemplateError> {
    for o in overrides {
        if model.clause(&o.clause_id).is_none() {
            return Err(TemplateError::UnknownClause {
                clause_id: o.clause_id.clone(),
                document: model.kind.label().to_string(),
            });
        }
    }
    let mut planned = Vec::with_capacity(model.clauses.len());
    let mut next_number = 1;
    for def in &model.clauses {
        // The last override of a clause wins.
        let own = overrides.iter().rev().find(|o| o.clause_id == def.id);
        let toggle = own.and_then(|o| o.enabled);
        let (status, included) = match def.kind {
            ClauseKind::Mandatory => (ClauseStatus::Mandatory, true),
            ClauseKind::Optional { default_on } => {
                let enabled = toggle.unwrap_or(default_on);
                (
                    ClauseStatus::Optional {
                        enabled,
                        default_enabled: default_on,
                    },
                    enabled,
                )
            }
            ClauseKind::Conditional(condition) => {
                let applies = condition_holds(condition, ctx);
                (
                    ClauseStatus::Conditional {
                        applies,
                        condition: condition.name().to_string(),
                        description: condition.description(),
                    },
                    applies,
                )
            }
        };
        if toggle == Some(false) && !matches!(def.kind, ClauseKind::Optional { .. }) {
            warnings.push(Check {
                message: format!(
                    "La clause « {} » ne peut pas être retirée : elle reste dans le document.",
                    def.title
                ),
                target: Some(CheckTarget::Clause(def.id.clone())),
            });
        }
        let number = (included && def.numbered).then(|| {
            next_number += 1;
            next_number - 1
        });
        let edited_text = own.and_then(|o| o.text.clone());
        planned.push(Planned {
            def,
            status,
            included,
            number,
            edited: edited_text.is_some(),
            text: edited_text.unwrap_or_else(|| def.body.clone()),
        });
    }
    Ok(planned)
}

fn targets(planned: &[Planned<'_>]) -> HashMap<String, RefTarget> {
    planned
        .iter()
        .map(|p| {
            let target = match (p.included, p.number) {
                (false, _) => RefTarget::Removed(p.def.title.clone()),
                (true, Some(n)) => RefTarget::Article(n),
                (true, None) => RefTarget::Section(p.def.title.clone()),
            };
            (p.def.id.clone(), target)
        })
        .collect()
}

fn issue_warning(clause: &str, issue: Issue) -> String {
    match issue {
        Issue::Removed { title } => format!(
            "La clause « {clause} » renvoie à l'article « {title} », qui est retiré du document."
        ),
        Issue::Unknown { id } => {
            format!("La clause « {clause} » renvoie à une clause inconnue (« {id} »).")
        }
        Issue::Blank { label } => {
            format!("Dans la clause « {clause} », à compléter : {label}.")
        }
        Issue::MissingAnnex { id } => format!(
            "La clause « {clause} » renvoie à une annexe que le document n'a pas (« {id} »)."
        ),
    }
}

struct Session<'r> {
    engine: &'r ClauseEngine,
    base: Value,
    /// What to check, with the clause it came from.
    checks: Vec<Check>,
}

impl Session<'_> {
    fn text(
        &mut self,
        p: &Planned<'_>,
        source: &str,
        edited: bool,
        party: Option<&Value>,
    ) -> Result<String, TemplateError> {
        let ctx = match party {
            Some(party) => context! { party => party.clone(), ..self.base.clone() },
            None => self.base.clone(),
        };
        let out = self
            .engine
            .render(source, &ctx)
            .map_err(|e| TemplateError::clause_text(&p.def.id, &p.def.title, edited, &e))?;
        for issue in self.engine.take_issues() {
            self.checks.push(Check {
                message: issue_warning(&p.def.title, issue),
                target: Some(CheckTarget::Clause(p.def.id.clone())),
            });
        }
        Ok(fix_typography(&out))
    }

    fn clause(
        &mut self,
        p: &Planned<'_>,
        parties: &[Value],
        out: &mut Vec<Block>,
    ) -> Result<(), TemplateError> {
        let title = fix_typography(p.def.heading.as_deref().unwrap_or(&p.def.title));
        match p.number {
            Some(number) => out.push(Block::article(number, title)),
            None => out.push(Block::Section { text: title }),
        }
        if !p.def.per_party {
            let body = self.text(p, &p.text, p.edited, None)?;
            out.extend(parse_blocks(&body));
            return Ok(());
        }
        let number = p.number.unwrap_or_default();
        for (k, party) in parties.iter().enumerate() {
            let title = self.text(p, &p.def.item_title, false, Some(party))?;
            out.push(Block::sub_article(
                format!("{number}.{}", k + 1),
                plain_text(&title),
            ));
            let body = self.text(p, &p.text, p.edited, Some(party))?;
            out.extend(parse_blocks(&body));
        }
        Ok(())
    }
}

/// Renders the planned clauses into the document.
pub fn assemble(
    model: &Model,
    planned: &[Planned<'_>],
    ctx: &DocumentContext,
    options: &DocumentOptions,
    warnings: Vec<Check>,
) -> Result<Built, TemplateError> {
    let engine = ClauseEngine::new(targets(planned));
    for p in planned.iter().filter(|p| p.edited) {
        engine
            .check(&p.text)
            .map_err(|e| TemplateError::clause_text(&p.def.id, &p.def.title, true, &e))?;
    }
    let parties: Vec<Value> = ctx.parties.iter().map(Value::from_serialize).collect();
    let mut session = Session {
        engine: &engine,
        base: Value::from_serialize(ctx),
        checks: Vec::new(),
    };
    let alliance = fix_typography(&ctx.alliance.name);
    let label = model.kind.label().to_string();
    let mut blocks = vec![Block::Title {
        title: label.clone(),
        subtitle: Some(alliance.clone()),
    }];
    let mut agreed_done = false;
    let mut spans = Vec::new();
    for p in planned.iter().filter(|p| p.included) {
        if p.number.is_some() && !agreed_done {
            agreed_done = true;
            if !model.agreed.is_empty() {
                blocks.push(Block::Paragraph(Paragraph {
                    runs: vec![Run::bold(fix_typography(&model.agreed))],
                    align: Align::Left,
                }));
            }
        }
        let start = blocks.len();
        session.clause(p, &parties, &mut blocks)?;
        spans.push(ClauseSpan {
            clause_id: p.def.id.clone(),
            start,
            end: blocks.len(),
        });
    }
    blocks.push(Block::Signatures(Signatures::new(
        &fix_typography(&ctx.document.place),
        ctx.document.signature_date.as_deref().unwrap_or_default(),
        ctx.document.copies,
        ctx.parties
            .iter()
            .map(|party| Signatory {
                organisation: fix_typography(&party.name),
                name: fix_typography(party.representative_name.as_deref().unwrap_or("")),
                role: fix_typography(party.representative_role.as_deref().unwrap_or("")),
            })
            .collect(),
    )));
    // Annexes follow the signatures, each from a new page (French usage).
    let annex_starts = annexes::push(ctx, &mut blocks);
    let mut seen = std::collections::HashSet::new();
    let checks: Vec<Check> = warnings
        .into_iter()
        .chain(session.checks)
        .map(|check| Check {
            message: fix_typography(&check.message),
            ..check
        })
        .filter(|check| seen.insert(check.message.clone()))
        .collect();
    let warnings = checks.iter().map(|check| check.message.clone()).collect();

    let title = match ctx.document.title.as_str() {
        "" => format!("{label} — {alliance}"),
        t => fix_typography(t),
    };
    let author = ctx
        .parties
        .first()
        .filter(|p| p.is_profile && p.name != PROFILE_PLACEHOLDER)
        .map(|p| fix_typography(&p.name))
        .unwrap_or_default();
    let mut keywords = vec![label.clone(), alliance.clone()];
    keywords.extend(ctx.alliance.territory.as_deref().map(fix_typography));
    let document = Document {
        metadata: Metadata {
            title: title.clone(),
            author,
            subject: format!("{label} — {alliance}"),
            keywords,
            creation_date: options.creation_date,
            language: "fr-FR".into(),
        },
        header: Some(alliance),
        initials: options.initials,
        footer_title: title,
        blocks,
    };
    Ok(Built {
        document,
        warnings,
        checks,
        spans,
        annexes: annex_starts,
    })
}
