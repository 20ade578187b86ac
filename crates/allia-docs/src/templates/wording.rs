//! The fixed wording of every document, resolved once here when a document model is
//! built: the PDF, the DOCX and the in-app preview print the model's text and never
//! rebuild it. The PDF's wording is the reference.

use crate::model::Signatory;

/// What is printed where the place or the date is left to be filled in by hand.
pub const BLANK_TO_FILL: &str = "……………………";

/// Under each signatory's name, above the signature.
pub const APPROVAL: &str = "Lu et approuvé";

/// Beside the boxes where each signatory initials every page but the last.
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
