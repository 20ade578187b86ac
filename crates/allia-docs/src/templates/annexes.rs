//! The annexes printed after the signatures, each from a new page: « Annexe 1 —
//! Engagements financiers et apports en nature » (a table per party and a summary),
//! « Annexe 2 — Calendrier des versements » (every payment with its date) when a
//! contribution is paid in dated instalments, then a page per annex the user lists (its
//! PDF, if any, follows that page in the exported file, `crate::annex_pdf`).
//!
//! They are built from the context's commitments (read once from the alliance file), with
//! the existing blocks (sections, sub-articles, tables), so the PDF, the DOCX and the
//! preview lay them out like the rest of the document. Every total is a sum of integer
//! cents: the rows of a table always add up to its total.

use chrono::NaiveDate;

use super::context::{
    AnnexInfo, ContributionInfo, DocumentContext, Party, ANNEX_FINANCIAL, ANNEX_SCHEDULE,
};
use super::typography::{fix_typography, format_amount};
use super::wording;
use super::AnnexStart;
use crate::model::{Align, Block, Paragraph, Run, Table};

/// Pushes the blocks of every annex of the document, in order (none when it has no
/// annex), and says where each annex's title went.
pub fn push(ctx: &DocumentContext, out: &mut Vec<Block>) -> Vec<AnnexStart> {
    let mut starts = Vec::with_capacity(ctx.annexes.len());
    for annex in &ctx.annexes {
        out.push(Block::PageBreak);
        starts.push(AnnexStart {
            annex_id: annex.id.clone(),
            block: out.len(),
        });
        out.push(Block::Section {
            text: fix_typography(&annex.heading),
        });
        match annex.id.as_str() {
            ANNEX_FINANCIAL if annex.generated => commitments(ctx, out),
            ANNEX_SCHEDULE if annex.generated => calendar(ctx, out),
            _ => user_annex(annex, out),
        }
    }
    starts
}

fn plain(text: impl Into<String>) -> Vec<Run> {
    vec![Run::plain(text)]
}

fn bold(text: impl Into<String>) -> Vec<Run> {
    vec![Run::bold(text)]
}

/// A heading inside an annex (a party's name, « Récapitulatif »): printed like a
/// sub-article, without a number, and kept with the table that follows it.
fn sub_heading(text: &str) -> Block {
    let text = fix_typography(text);
    Block::SubArticle {
        number: String::new(),
        title: text.clone(),
        heading: text,
    }
}

fn table(header: [&str; 4], widths: [f32; 4], rows: Vec<Vec<Vec<Run>>>) -> Block {
    Block::Table(Table {
        header: header.iter().map(|h| (*h).to_string()).collect(),
        rows,
        widths: widths.to_vec(),
    })
}

/// What the « Versement » column says about a contribution.
fn schedule_cell(c: &ContributionInfo, schedule_annex: Option<u32>) -> String {
    match c.instalments.as_slice() {
        [] if c.schedule_kind == "on_receipts" => wording::ON_RECEIPTS_CELL.to_string(),
        [] => wording::AT_SIGNATURE_CELL.to_string(),
        [one] => wording::one_instalment_cell(&one.date),
        many => wording::instalments_cell(many.len(), schedule_annex),
    }
}

fn nature_cell(c: &ContributionInfo) -> String {
    match &c.budget_line {
        Some(line) => fix_typography(&wording::with_budget_line(&c.nature_label, line)),
        None => c.nature_label.clone(),
    }
}

fn party_table(party: &Party, schedule_annex: Option<u32>) -> Block {
    let mut rows: Vec<Vec<Vec<Run>>> = party
        .financial
        .iter()
        .map(|c| {
            vec![
                plain(nature_cell(c)),
                plain(c.amount.clone()),
                Vec::new(),
                plain(schedule_cell(c, schedule_annex)),
            ]
        })
        .collect();
    rows.extend(party.in_kind.iter().map(|k| {
        vec![
            plain(fix_typography(&k.description)),
            Vec::new(),
            plain(
                k.value
                    .clone()
                    .unwrap_or_else(|| wording::NOT_VALUED.to_string()),
            ),
            Vec::new(),
        ]
    }));
    rows.push(vec![
        bold(wording::TOTAL),
        bold(format_amount(party.financial_total_cents)),
        bold(format_amount(party.in_kind_total_cents)),
        Vec::new(),
    ]);
    table(wording::ANNEX_FINANCIAL_COLUMNS, [2.9, 1.5, 1.9, 2.7], rows)
}

/// Annexe « Engagements financiers et apports en nature »: the table of each party that
/// commits something, then the summary of every party with the grand total.
fn commitments(ctx: &DocumentContext, out: &mut Vec<Block>) {
    let schedule_annex = ctx.annex(ANNEX_SCHEDULE).map(|a| a.number);
    // A table for each party that commits something; the summary lists them all.
    for party in ctx.parties.iter().filter(|p| p.has_commitments()) {
        out.push(sub_heading(&party.name));
        out.push(party_table(party, schedule_annex));
    }
    out.push(sub_heading(wording::ANNEX_SUMMARY));
    let mut rows: Vec<Vec<Vec<Run>>> = ctx
        .parties
        .iter()
        .map(|p| {
            vec![
                plain(fix_typography(&p.name)),
                plain(format_amount(p.financial_total_cents)),
                plain(format_amount(p.in_kind_total_cents)),
                plain(format_amount(p.total_cents)),
            ]
        })
        .collect();
    rows.push(vec![
        bold(wording::GRAND_TOTAL),
        bold(format_amount(ctx.financial_total_cents)),
        bold(format_amount(ctx.in_kind_total_cents)),
        bold(format_amount(ctx.total_cents)),
    ]);
    out.push(table(
        wording::ANNEX_SUMMARY_COLUMNS,
        [3.4, 2.2, 2.0, 1.8],
        rows,
    ));
}

/// When a payment falls, for the calendar's order: at signature first, then the dated
/// instalments by date, then the payments on receipts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum When {
    AtSignature,
    On(Option<NaiveDate>),
    OnReceipts,
}

/// Annexe « Calendrier des versements »: every payment of every party, in time order,
/// and their total (the parties' financial contributions together).
fn calendar(ctx: &DocumentContext, out: &mut Vec<Block>) {
    let mut payments: Vec<(When, &ContributionInfo, String, i64)> = Vec::new();
    for c in &ctx.contributions {
        if c.instalments.is_empty() {
            let (when, label) = if c.schedule_kind == "on_receipts" {
                (When::OnReceipts, wording::ON_RECEIPTS_CELL)
            } else {
                (When::AtSignature, wording::AT_SIGNATURE_CELL)
            };
            payments.push((when, c, label.to_string(), c.amount_cents));
        } else {
            for i in &c.instalments {
                let date = if i.date.is_empty() {
                    wording::BLANK_TO_FILL.to_string()
                } else {
                    i.date.clone()
                };
                payments.push((When::On(i.on), c, date, i.amount_cents));
            }
        }
    }
    // Stable: payments on the same date keep the parties' order.
    payments.sort_by_key(|(when, ..)| *when);
    let total: i64 = payments
        .iter()
        .map(|(.., cents)| *cents)
        .fold(0, i64::saturating_add);
    let mut rows: Vec<Vec<Vec<Run>>> = payments
        .into_iter()
        .map(|(_, c, date, cents)| {
            vec![
                plain(date),
                plain(fix_typography(&c.party_name)),
                plain(c.nature_label.clone()),
                plain(format_amount(cents)),
            ]
        })
        .collect();
    rows.push(vec![
        bold(wording::GRAND_TOTAL),
        Vec::new(),
        Vec::new(),
        bold(format_amount(total)),
    ]);
    out.push(table(
        wording::ANNEX_SCHEDULE_COLUMNS,
        [2.4, 3.6, 2.2, 1.8],
        rows,
    ));
}

/// A user's annex: its title (the section heading) and what is joined.
fn user_annex(annex: &AnnexInfo, out: &mut Vec<Block>) {
    let text = match &annex.file_name {
        Some(file) => wording::annex_attached(file),
        None => wording::ANNEX_TO_ATTACH.to_string(),
    };
    out.push(Block::Paragraph(Paragraph {
        runs: vec![Run::italic(fix_typography(&text))],
        align: Align::Left,
    }));
}
