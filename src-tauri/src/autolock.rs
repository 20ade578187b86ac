//! The auto-lock, enforced from Rust whatever screen is shown: after the delay set in
//! Paramètres without activity, and when the computer wakes from sleep (and when the
//! desktop session is locked: `session_lock`). The web view reports activity
//! (`vault_touch`); it is warned shortly before an inactivity lock by `VaultLockSoon`
//! (the forms keep their drafts then, and « Je suis là » counts as activity) and told
//! of the lock by the `VaultLocked` event. Nothing postpones the lock but activity.

use std::time::{Duration, Instant, SystemTime};

use allia_store::BackupReason;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

use crate::state::AppState;

/// How often the countdown is checked.
const TICK: Duration = Duration::from_secs(5);
/// A wall clock ahead of the monotonic clock by more than this means the machine
/// slept: Linux's CLOCK_MONOTONIC and macOS's uptime clock stop during sleep.
const SLEEP_GAP: Duration = Duration::from_secs(30);
/// How long before the inactivity lock the warning comes (issue 8: one minute).
const WARNING_LEAD: Duration = Duration::from_secs(60);

/// Why the vault was locked without being asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LockCause {
    Inactivity,
    Sleep,
    /// The desktop session was locked (`session_lock`: D-Bus on Linux, polled on Windows
    /// and macOS).
    SessionLocked,
}

/// Sent to the web view when Rust locked the vault.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct VaultLocked {
    pub cause: LockCause,
    /// The French notice to show on the unlock screen.
    pub message: String,
}

/// Sent to the web view once per quiet spell, [`warning_lead`] before the inactivity
/// lock: the screen says so (« Je suis là » counts as activity) and the forms keep their
/// drafts. The lock still comes at the set delay if nothing happens.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct VaultLockSoon {
    /// Seconds left before the lock, about [`warning_lead`] (within one tick, 5 s).
    pub seconds_left: u32,
    /// The French warning to show and announce.
    pub message: String,
}

/// How long before the lock the warning comes: one minute, or half the delay when the
/// delay is under two minutes (a one-minute delay warns after 30 s without activity,
/// not at every keystroke).
pub fn warning_lead(limit: Duration) -> Duration {
    WARNING_LEAD.min(limit / 2)
}

/// Whether the lock is near enough to warn: `idle` since the last activity against
/// `limit`, the delay.
pub fn should_warn(idle: Duration, limit: Duration) -> bool {
    idle < limit && idle + warning_lead(limit) >= limit
}

/// The warning's French text for a lead of `seconds`.
fn warning(seconds: u64) -> String {
    if seconds >= 60 {
        "Le coffre se verrouille dans une minute…".to_string()
    } else {
        format!("Le coffre se verrouille dans {seconds}\u{a0}secondes…")
    }
}

/// The delay in force: the settings' minutes; in a build with the `e2e-hooks` feature
/// (never a release bundle), `ALLIA_E2E_AUTOLOCK_SECONDS` replaces it so an end-to-end
/// test sees the lock within seconds.
fn lock_delay(minutes: u32) -> Duration {
    #[cfg(feature = "e2e-hooks")]
    if let Some(seconds) = std::env::var("ALLIA_E2E_AUTOLOCK_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return Duration::from_secs(seconds.max(1));
    }
    Duration::from_secs(u64::from(minutes) * 60)
}

/// Whether to lock now: `idle` since the last activity against `limit`; `wall` and
/// `monotonic` the time elapsed on each clock since the previous tick.
pub fn should_lock(
    idle: Duration,
    limit: Duration,
    wall: Duration,
    monotonic: Duration,
) -> Option<LockCause> {
    if wall > monotonic + SLEEP_GAP {
        Some(LockCause::Sleep)
    } else if idle >= limit {
        Some(LockCause::Inactivity)
    } else {
        None
    }
}

fn notice(cause: LockCause, minutes: u32, backup_failure: Option<String>) -> String {
    let mut text = match cause {
        LockCause::Inactivity => format!(
            "Allia a été verrouillé automatiquement après {minutes}\u{a0}minute{} sans activité.",
            if minutes > 1 { "s" } else { "" }
        ),
        LockCause::Sleep => {
            "Allia a été verrouillé pendant la mise en veille de l’ordinateur.".to_string()
        }
        LockCause::SessionLocked => {
            "Allia a été verrouillé avec la session de l’ordinateur.".to_string()
        }
    };
    if let Some(failure) = backup_failure {
        text.push_str(" La sauvegarde automatique a échoué : ");
        text.push_str(&failure);
    }
    text
}

/// Starts the countdown task for the app's lifetime.
pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut wall_before = SystemTime::now();
        let mut mono_before = Instant::now();
        // The activity the last warning was about: one warning per quiet spell.
        let mut warned_for: Option<Instant> = None;
        loop {
            tokio::time::sleep(TICK).await;
            let wall = SystemTime::now()
                .duration_since(wall_before)
                .unwrap_or_default();
            let monotonic = mono_before.elapsed();
            wall_before = SystemTime::now();
            mono_before = Instant::now();
            let state = app.state::<AppState>();
            let minutes = state.auto_lock_minutes.lock().map(|m| *m).unwrap_or(10);
            let last = state.last_activity.lock().map(|last| *last).ok();
            let idle = last.map(|last| last.elapsed()).unwrap_or_default();
            let limit = lock_delay(minutes);
            if let Some(cause) = should_lock(idle, limit, wall, monotonic) {
                lock_now(&app, cause).await;
                continue;
            }
            // Busy vault (a re-key under way): no warning this tick rather than waiting.
            let open = state.vault.try_lock().is_ok_and(|vault| vault.is_some());
            if open && should_warn(idle, limit) && warned_for != last {
                warned_for = last;
                let lead = warning_lead(limit);
                let _ = VaultLockSoon {
                    seconds_left: u32::try_from(limit.saturating_sub(idle).as_secs())
                        .unwrap_or(u32::MAX),
                    message: warning(lead.as_secs()),
                }
                .emit(&app);
            }
        }
    });
}

/// Locks the vault if it is open (automatic backup, printed copies deleted) and tells
/// the web view why with `VaultLocked`; does nothing when it is already locked.
pub async fn lock_now(app: &AppHandle, cause: LockCause) {
    let state = app.state::<AppState>();
    if state.vault.lock().await.is_none() {
        return;
    }
    let minutes = state.auto_lock_minutes.lock().map(|m| *m).unwrap_or(10);
    let failure = state.lock(BackupReason::Lock).await;
    let _ = VaultLocked {
        cause,
        message: notice(cause, minutes, failure),
    }
    .emit(app);
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);
    const SEC: Duration = Duration::from_secs(1);

    #[test]
    fn locks_after_the_delay_or_a_sleep() {
        let tick = Duration::from_secs(5);
        assert_eq!(should_lock(9 * MIN, 10 * MIN, tick, tick), None);
        assert_eq!(
            should_lock(10 * MIN, 10 * MIN, tick, tick),
            Some(LockCause::Inactivity)
        );
        // Two hours of wall time in five seconds of monotonic time: the machine slept.
        assert_eq!(
            should_lock(Duration::ZERO, 10 * MIN, 120 * MIN, tick),
            Some(LockCause::Sleep)
        );
        // A busy machine that ticks late is not asleep.
        assert_eq!(should_lock(MIN, 10 * MIN, 20 * tick, 20 * tick), None);
    }

    #[test]
    fn warns_once_the_lock_is_a_minute_away() {
        assert!(!should_warn(8 * MIN, 10 * MIN));
        assert!(should_warn(9 * MIN, 10 * MIN));
        assert!(should_warn(9 * MIN + 30 * SEC, 10 * MIN));
        assert!(!should_warn(10 * MIN, 10 * MIN), "locked, not warned");
        // A one-minute delay warns after 30 seconds, not at once.
        assert_eq!(warning_lead(MIN), 30 * SEC);
        assert!(!should_warn(10 * SEC, MIN));
        assert!(should_warn(30 * SEC, MIN));
        assert_eq!(warning(60), "Le coffre se verrouille dans une minute…");
        assert_eq!(
            warning(30),
            "Le coffre se verrouille dans 30\u{a0}secondes…"
        );
    }

    #[test]
    fn notices_in_french() {
        assert_eq!(
            notice(LockCause::Inactivity, 1, None),
            "Allia a été verrouillé automatiquement après 1\u{a0}minute sans activité."
        );
        assert!(notice(LockCause::Sleep, 10, Some("Disque plein.".into()))
            .ends_with("a échoué : Disque plein."));
        assert_eq!(
            notice(LockCause::SessionLocked, 10, None),
            "Allia a été verrouillé avec la session de l’ordinateur."
        );
    }
}
