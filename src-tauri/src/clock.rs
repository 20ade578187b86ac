//! Today's date as the person's computer sees it, for the rules that depend on it (an
//! exchange dated in the future, a SMART deadline already past, where an indicator
//! stands on its trajectory).

/// The person's date today, in the computer's time zone. In a build with the `e2e-hooks`
/// feature (never a release), `ALLIA_E2E_TODAY=YYYY-MM-DD` fixes it, so that an
/// end-to-end test of a rule about time gives the same answer every day.
pub fn today() -> chrono::NaiveDate {
    #[cfg(feature = "e2e-hooks")]
    if let Some(day) = std::env::var("ALLIA_E2E_TODAY")
        .ok()
        .and_then(|v| chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
    {
        return day;
    }
    chrono::Local::now().date_naive()
}
