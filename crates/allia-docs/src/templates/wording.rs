//! The fixed wording of every document, resolved once here when a document model is
//! built: the PDF, the DOCX and the in-app preview print the model's text and never
//! rebuild it. The PDF's wording is the reference.

use allia_core::commitment::{AnnualBasis, AnnualSubsidy};
use allia_core::{ContributionNature, PaymentSchedule};

use super::typography::{format_amount, format_date, join_fr};
use crate::model::Signatory;

/// What is printed where the place or the date is left to be filled in by hand.
pub const BLANK_TO_FILL: &str = "……………………";

/// Under each signatory's name, above the signature.
pub const APPROVAL: &str = "Lu et approuvé";

/// Beside the boxes where each signatory initials every page but the one they sign.
pub const INITIALS: &str = "Paraphes";

/// « Article 3 — Durée », or « Article 3 » when the title is blank.
pub fn article_heading(number: u32, title: &str) -> String {
    heading(&format!("Article {number}"), title)
}

/// « 5.2 — Engagements de la Mairie », or « 5.2 » when the title is blank.
pub fn sub_article_heading(number: &str, title: &str) -> String {
    heading(number, title)
}

fn heading(label: &str, title: &str) -> String {
    if title.trim().is_empty() {
        label.to_string()
    } else {
        format!("{label} — {title}")
    }
}

/// « Fait à Tours, le 26 novembre 2026, en 2 exemplaires originaux. »; a blank place or
/// date becomes [`BLANK_TO_FILL`], one copy « en un exemplaire original ».
pub fn signature_sentence(place: &str, date: &str, copies: u32) -> String {
    let or_blank = |text: &str| {
        if text.trim().is_empty() {
            BLANK_TO_FILL.to_string()
        } else {
            text.to_string()
        }
    };
    let copies = match copies {
        1 => "en un exemplaire original".to_string(),
        n => format!("en {n} exemplaires originaux"),
    };
    format!(
        "Fait à {}, le {}, {copies}.",
        or_blank(place),
        or_blank(date)
    )
}

/// Title of the generated annex listing each party's commitments.
pub const ANNEX_FINANCIAL_TITLE: &str = "Engagements financiers et apports en nature";
/// Title of the generated annex listing the dated payments.
pub const ANNEX_SCHEDULE_TITLE: &str = "Calendrier des versements";

/// « Annexe 1 — Engagements financiers et apports en nature »; a no-break space keeps
/// « Annexe » and its number on one line.
pub fn annex_heading(number: u32, title: &str) -> String {
    heading(&format!("Annexe\u{a0}{number}"), title)
}

/// Columns of a party's table in the commitments annex.
pub const ANNEX_FINANCIAL_COLUMNS: [&str; 4] =
    ["Nature", "Montant", "Valeur en nature", "Versement"];
/// Columns of the summary table of the commitments annex.
pub const ANNEX_SUMMARY_COLUMNS: [&str; 4] = [
    "Partie",
    "Contributions financières",
    "Apports en nature",
    "Total",
];
/// Columns of the payment calendar.
pub const ANNEX_SCHEDULE_COLUMNS: [&str; 4] = ["Date", "Partie", "Nature", "Montant"];
/// Heading of the summary table of the commitments annex.
pub const ANNEX_SUMMARY: &str = "Récapitulatif";
/// Last row of a party's table.
pub const TOTAL: &str = "Total";
/// Last row of the summary and of the calendar.
pub const GRAND_TOTAL: &str = "Total général";
/// Under a user's annex title, when a PDF is attached (« {} » is its file name): only the
/// PDF export carries the file, so the same text in the DOCX does not claim it is there.
pub fn annex_attached(file_name: &str) -> String {
    format!("Document joint à la version PDF : {file_name}.")
}
/// Under a user's annex title, when no PDF is attached.
pub const ANNEX_TO_ATTACH: &str = "Document à joindre à chaque exemplaire original.";

/// « Versement » of a contribution paid at signature.
pub const AT_SIGNATURE_CELL: &str = "À la signature";
/// « Versement » of a contribution paid on receipts.
pub const ON_RECEIPTS_CELL: &str = "Sur justificatifs";
/// « Valeur en nature » of a contribution in kind given no value.
pub const NOT_VALUED: &str = "Non valorisé";

/// « Versement » of a contribution paid once on a date: « Le 1er mars 2027 ».
pub fn one_instalment_cell(date: &str) -> String {
    if date.is_empty() {
        format!("Le {BLANK_TO_FILL}")
    } else {
        format!("Le {date}")
    }
}

/// « Versement » of a contribution paid in several instalments: « En 3 versements
/// (annexe 2) ».
pub fn instalments_cell(count: usize, schedule_annex: Option<u32>) -> String {
    match schedule_annex {
        Some(n) => format!("En {count} versements (annexe\u{a0}{n})"),
        None => format!("En {count} versements"),
    }
}

/// A nature with the budget line it is charged to: « Subvention (imputation
/// budgétaire : programme 163) ».
pub fn with_budget_line(nature: &str, line: &str) -> String {
    format!("{nature} (imputation budgétaire : {line})")
}

/// A contribution's nature with its indefinite article, always feminine so that what
/// follows agrees (« versée », « imputée »).
pub fn nature_phrase(nature: ContributionNature) -> &'static str {
    match nature {
        ContributionNature::Subsidy => "une subvention",
        ContributionNature::FinancialSponsorship => "une contribution au titre du mécénat",
        ContributionNature::MembershipFee => "une cotisation",
        ContributionNature::CostSharing => "une participation aux frais",
    }
}

/// « une », « deux »… « douze », then digits: how many times a sum is paid.
fn times(n: usize) -> String {
    const WORDS: [&str; 12] = [
        "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze",
    ];
    match n.checked_sub(1).and_then(|k| WORDS.get(k)) {
        Some(word) => (*word).to_string(),
        None => n.to_string(),
    }
}

/// How a contribution is paid, after « versée »: « à la signature », « sur présentation
/// des justificatifs de dépenses », « en une fois, le 1er mars 2027 », « en deux fois :
/// 15 000,00 € le 1er mars 2027 et 15 000,00 € le 1er septembre 2027 ».
pub fn schedule_words(schedule: &PaymentSchedule) -> String {
    match schedule {
        PaymentSchedule::AtSignature => "à la signature".into(),
        PaymentSchedule::OnReceipts => "sur présentation des justificatifs de dépenses".into(),
        PaymentSchedule::Instalments { instalments } => {
            let dated = |date: Option<chrono::NaiveDate>| match date {
                Some(d) => format!("le {}", format_date(d)),
                None => format!("le {BLANK_TO_FILL}"),
            };
            match instalments.as_slice() {
                [] => "à la signature".into(),
                [one] => format!("en une fois, {}", dated(one.date)),
                many => {
                    let parts: Vec<String> = many
                        .iter()
                        .map(|i| format!("{} {}", format_amount(i.amount_cents), dated(i.date)))
                        .collect();
                    format!("en {} fois : {}", times(many.len()), join_fr(&parts))
                }
            }
        }
    }
}

/// A count in words up to ten (« deux », « dix »), in digits above (« 18 »): the one rule
/// every document applies to durations and notices (a French typographic custom for
/// small numbers in running text).
pub fn count_words(n: u32) -> String {
    const WORDS: [&str; 10] = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    ];
    match n.checked_sub(1).and_then(|k| WORDS.get(k as usize)) {
        Some(word) => (*word).to_string(),
        None => n.to_string(),
    }
}

/// A duration in months: whole years from two years on (« deux ans »), else months
/// (« un mois », « six mois », « 18 mois »); numbers in words up to ten ([`count_words`]).
pub fn duration_words(months: u32) -> String {
    match months {
        m if m >= 24 && m.is_multiple_of(12) => format!("{} ans", count_words(m / 12)),
        m => format!("{} mois", count_words(m)),
    }
}

/// A notice as a noun phrase: « préavis d’un mois », « préavis de trois mois »,
/// « préavis de 18 mois » ([`count_words`]).
pub fn notice_words(months: u32) -> String {
    match months {
        0 => "préavis de moins d’un mois".into(),
        1 => "préavis d’un mois".into(),
        m => format!("préavis de {} mois", count_words(m)),
    }
}

/// How a funder's annual subsidy was reckoned, in the words of the 23 000 € clause
/// (between parentheses after « d’un montant annuel de … »): « versements du 15 décembre
/// 2025 au 15 janvier 2026, sur un total de 60 000,00 € » for a dated schedule's busiest
/// twelve months; `None` when the annual amount is the total (money without dates and
/// contributions in kind count whole: they may all be given within one year).
pub fn annual_basis(subsidy: &AnnualSubsidy) -> Option<String> {
    if subsidy.annual_cents == subsidy.total_cents {
        return None;
    }
    let total = format_amount(subsidy.total_cents);
    Some(match subsidy.basis {
        AnnualBasis::TwelveMonths { from, to } if from == to => {
            format!(
                "versement du {}, sur un total de {total}",
                format_date(from)
            )
        }
        AnnualBasis::TwelveMonths { from, to } => format!(
            "versements du {} au {}, sur un total de {total}",
            format_date(from),
            format_date(to)
        ),
        AnnualBasis::Whole => format!("sur un total de {total}"),
    })
}

/// The part of a funder's subsidy given in kind, after its amount in the 23 000 € clause:
/// « dont 10 000,00 € en nature », « apportée en nature » when it is all in kind; `None`
/// when there is none. Contributions in kind are subsidies (loi n° 2000-321, article 9-1).
pub fn subsidy_in_kind(subsidy: &AnnualSubsidy) -> Option<String> {
    match subsidy.in_kind_cents {
        cents if cents <= 0 => None,
        cents if cents >= subsidy.total_cents => Some("apportée en nature".into()),
        cents => Some(format!("dont {} en nature", format_amount(cents))),
    }
}

/// Signatories side by side: rows of three, but four make two rows of two (a lone
/// fourth would look forgotten).
pub fn signatory_rows(signatories: Vec<Signatory>) -> Vec<Vec<Signatory>> {
    let per_row = if signatories.len() == 4 { 2 } else { 3 };
    let mut rows = Vec::with_capacity(signatories.len().div_ceil(per_row));
    let mut signatories = signatories.into_iter().peekable();
    while signatories.peek().is_some() {
        rows.push(signatories.by_ref().take(per_row).collect());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signatories(n: usize) -> Vec<Signatory> {
        (0..n)
            .map(|k| Signatory {
                organisation: format!("Partie {k}"),
                name: String::new(),
                role: String::new(),
            })
            .collect()
    }

    #[test]
    fn headings() {
        assert_eq!(article_heading(3, "Durée"), "Article 3 — Durée");
        assert_eq!(article_heading(3, "  "), "Article 3");
        assert_eq!(
            sub_article_heading("5.2", "De la Mairie"),
            "5.2 — De la Mairie"
        );
        assert_eq!(sub_article_heading("5.2", ""), "5.2");
    }

    #[test]
    fn sentences() {
        assert_eq!(
            signature_sentence("Tours", "26 novembre 2026", 2),
            "Fait à Tours, le 26 novembre 2026, en 2 exemplaires originaux."
        );
        assert_eq!(
            signature_sentence(" ", "", 1),
            "Fait à ……………………, le ……………………, en un exemplaire original."
        );
    }

    #[test]
    fn schedules_and_notices() {
        use allia_core::Instalment;
        let d = |y, m, j| chrono::NaiveDate::from_ymd_opt(y, m, j);
        assert_eq!(
            schedule_words(&PaymentSchedule::AtSignature),
            "à la signature"
        );
        let two = PaymentSchedule::Instalments {
            instalments: vec![
                Instalment {
                    date: d(2027, 3, 1),
                    amount_cents: 1_500_000,
                },
                Instalment {
                    date: d(2027, 9, 1),
                    amount_cents: 1_500_000,
                },
            ],
        };
        assert_eq!(
            schedule_words(&two),
            "en deux fois : 15\u{202f}000,00\u{202f}€ le 1er mars 2027 et \
             15\u{202f}000,00\u{202f}€ le 1er septembre 2027"
        );
        assert_eq!(times(13), "13");
        assert_eq!(notice_words(1), "préavis d’un mois");
        assert_eq!(notice_words(3), "préavis de trois mois");
        assert_eq!(notice_words(10), "préavis de dix mois");
        assert_eq!(notice_words(18), "préavis de 18 mois");
        assert_eq!(count_words(1), "un");
        assert_eq!(count_words(11), "11");
        // « Annexe » and its number never part at a line end.
        assert_eq!(
            annex_heading(2, ANNEX_SCHEDULE_TITLE),
            "Annexe\u{a0}2 — Calendrier des versements"
        );
        assert_eq!(
            instalments_cell(3, Some(2)),
            "En 3 versements (annexe\u{a0}2)"
        );
    }

    #[test]
    fn rows_of_three_but_two_by_two_for_four() {
        let shape = |n| -> Vec<usize> {
            signatory_rows(signatories(n))
                .iter()
                .map(Vec::len)
                .collect()
        };
        assert_eq!(shape(0), Vec::<usize>::new());
        assert_eq!(shape(1), vec![1]);
        assert_eq!(shape(3), vec![3]);
        assert_eq!(shape(4), vec![2, 2]);
        assert_eq!(shape(5), vec![3, 2]);
        assert_eq!(shape(7), vec![3, 3, 1]);
    }
}
