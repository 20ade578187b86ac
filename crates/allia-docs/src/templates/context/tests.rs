//! Unit tests of the context's words: durations, review dates, courts.

use chrono::NaiveDate;

use super::build::{court_words, next_review};
use crate::templates::wording;

#[test]
fn durations_and_reviews() {
    // Numbers in words up to ten, as the notices (`wording::notice_words`).
    assert_eq!(wording::duration_words(12), "12 mois");
    assert_eq!(wording::duration_words(6), "six mois");
    assert_eq!(wording::duration_words(24), "deux ans");
    assert_eq!(wording::duration_words(36), "trois ans");
    assert_eq!(wording::duration_words(18), "18 mois");
    assert_eq!(wording::notice_words(3), "préavis de trois mois");
    assert_eq!(wording::notice_words(1), "préavis d’un mois");
    let d = |y, m, j| NaiveDate::from_ymd_opt(y, m, j).expect("date");
    assert_eq!(
        next_review(Some(d(2025, 12, 1)), d(2027, 3, 1), 12),
        Some(d(2027, 12, 1))
    );
    assert_eq!(next_review(None, d(2026, 1, 5), 12), Some(d(2027, 1, 5)));
}

#[test]
fn courts_read_with_their_article() {
    assert_eq!(
        court_words("Tribunal judiciaire de Lyon"),
        "le tribunal judiciaire de Lyon"
    );
    assert_eq!(
        court_words("cour d’appel de Bourges"),
        "la cour d’appel de Bourges"
    );
    assert_eq!(
        court_words("le tribunal judiciaire de Tours"),
        "le tribunal judiciaire de Tours"
    );
}
