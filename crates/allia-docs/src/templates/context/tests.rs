//! Unit tests of the context's words: durations, review dates, courts.

use super::*;

#[test]
fn durations_and_reviews() {
    assert_eq!(duration_words(12), "12 mois");
    assert_eq!(duration_words(24), "2 ans");
    assert_eq!(duration_words(36), "3 ans");
    assert_eq!(duration_words(18), "18 mois");
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
