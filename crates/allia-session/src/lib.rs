//! Whether the screen of the desktop session running Allia is locked, for the vault's
//! auto-lock: a locked session locks the vault (docs/security.md, « Secrets in memory »).
//!
//! Windows and macOS are asked by polling, which needs no window procedure and no
//! notification observer:
//! - **Windows** (10 and later): `WTSQuerySessionInformationW(…, WTSSessionInfoEx)` for
//!   the current session; `SessionFlags` is `WTS_SESSIONSTATE_LOCK` while the lock screen
//!   shows (Microsoft Learn, `WTSINFOEX_LEVEL1_W`). Windows 7 reported the flag inverted;
//!   Tauri 2's WebView2 needs Windows 10, so that case cannot occur.
//! - **macOS**: `CGSessionCopyCurrentDictionary()` holds `CGSSessionScreenIsLocked` =
//!   true while the screen is locked, and no such key otherwise.
//!
//! Linux is not polled here: its desktops announce the lock on D-Bus, which the app
//! listens to directly.

/// What the operating system says of the session's screen right now; `None` when it
/// cannot say (no graphical session, an unsupported platform, a failed call).
pub fn screen_locked() -> Option<bool> {
    platform::screen_locked()
}

/// Turns successive readings of [`screen_locked`] into lock events: a reading of
/// « locked » after one of « unlocked » (or after the first reading) is an event; staying
/// locked is not a new one, and an unknown reading changes nothing.
///
/// The first reading counts when it is « locked » because the app may start, or wake,
/// behind a lock screen: locking the vault then is what the user expects.
#[derive(Debug, Default, Clone)]
pub struct LockEdges {
    last: Option<bool>,
}

impl LockEdges {
    /// A detector that has seen nothing yet.
    pub fn new() -> LockEdges {
        LockEdges::default()
    }

    /// Feeds one reading; `true` when the session has just become locked.
    pub fn observe(&mut self, reading: Option<bool>) -> bool {
        let Some(locked) = reading else {
            return false;
        };
        let was_locked = self.last.replace(locked).unwrap_or(false);
        locked && !was_locked
    }
}

#[cfg(windows)]
#[allow(unsafe_code)]
mod platform {
    use std::mem::size_of;
    use std::ptr::null_mut;

    use windows_sys::core::PWSTR;
    use windows_sys::Win32::System::RemoteDesktop::{
        WTSFreeMemory, WTSQuerySessionInformationW, WTSSessionInfoEx, WTSINFOEXW,
        WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, WTS_SESSIONSTATE_LOCK,
        WTS_SESSIONSTATE_UNLOCK,
    };

    pub fn screen_locked() -> Option<bool> {
        let mut buffer: PWSTR = null_mut();
        let mut bytes: u32 = 0;
        // SAFETY: both out-parameters point to live locals; the call only writes them.
        let ok = unsafe {
            WTSQuerySessionInformationW(
                WTS_CURRENT_SERVER_HANDLE,
                WTS_CURRENT_SESSION,
                WTSSessionInfoEx,
                &mut buffer,
                &mut bytes,
            )
        };
        if ok == 0 || buffer.is_null() {
            return None;
        }
        let flags = if usize::try_from(bytes).is_ok_and(|n| n >= size_of::<WTSINFOEXW>()) {
            // SAFETY: on success the buffer holds `bytes` bytes written by the call, at
            // least one `WTSINFOEXW` (checked above); `read_unaligned` needs no alignment
            // and the struct is plain data (`Copy`).
            let info = unsafe { buffer.cast::<WTSINFOEXW>().read_unaligned() };
            if info.Level == 1 {
                // SAFETY: level 1 is the union's only member, and `Level == 1` says so.
                Some(unsafe { info.Data.WTSInfoExLevel1.SessionFlags })
            } else {
                None
            }
        } else {
            None
        };
        // SAFETY: the buffer was allocated by WTSQuerySessionInformationW, is freed once,
        // and is not used afterwards.
        unsafe { WTSFreeMemory(buffer.cast()) };
        match u32::try_from(flags?).ok()? {
            WTS_SESSIONSTATE_LOCK => Some(true),
            WTS_SESSIONSTATE_UNLOCK => Some(false),
            _ => None,
        }
    }
}

#[cfg(target_os = "macos")]
#[allow(unsafe_code)]
mod platform {
    use objc2_core_foundation::{CFBoolean, CFDictionary, CFRetained, CFString, CFType};
    use objc2_core_graphics::CGSessionCopyCurrentDictionary;

    /// The session dictionary's key present (true) while the screen is locked.
    const SCREEN_IS_LOCKED: &str = "CGSSessionScreenIsLocked";

    pub fn screen_locked() -> Option<bool> {
        // No graphical session (a login over SSH, a daemon): no dictionary.
        let session = CGSessionCopyCurrentDictionary()?;
        // SAFETY: the session dictionary maps CFString keys to CF objects (CGSession.h:
        // « a dictionary of key-value pairs », keys `kCGSession…` strings); `CFType` is
        // the base of every CF object, so no value is misread: each is type-checked
        // by `downcast_ref` before use.
        let session: CFRetained<CFDictionary<CFString, CFType>> =
            unsafe { CFRetained::cast_unchecked(session) };
        let key = CFString::from_static_str(SCREEN_IS_LOCKED);
        match session.get(&key) {
            None => Some(false),
            Some(value) => value.downcast_ref::<CFBoolean>().map(|flag| flag.as_bool()),
        }
    }
}

#[cfg(not(any(windows, target_os = "macos")))]
mod platform {
    pub fn screen_locked() -> Option<bool> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_after_unlocked_is_one_event() {
        let mut edges = LockEdges::new();
        assert!(!edges.observe(Some(false)));
        assert!(edges.observe(Some(true)));
        assert!(
            !edges.observe(Some(true)),
            "staying locked is not a new lock"
        );
        assert!(!edges.observe(Some(false)));
        assert!(edges.observe(Some(true)), "each new lock is seen");
    }

    #[test]
    fn starting_behind_the_lock_screen_locks() {
        let mut edges = LockEdges::new();
        assert!(edges.observe(Some(true)));
        assert!(!edges.observe(Some(true)));
    }

    #[test]
    fn unknown_readings_change_nothing() {
        let mut edges = LockEdges::new();
        assert!(!edges.observe(None));
        assert!(!edges.observe(Some(false)));
        assert!(!edges.observe(None));
        assert!(
            edges.observe(Some(true)),
            "a lock after an unknown reading still counts"
        );
        assert!(!edges.observe(None));
        assert!(
            !edges.observe(Some(true)),
            "an unknown reading does not reset « locked »"
        );
    }

    /// Linux is answered on D-Bus by the app, never here.
    #[cfg(target_os = "linux")]
    #[test]
    fn linux_is_not_polled() {
        assert_eq!(screen_locked(), None);
    }

    /// On Windows and macOS the call answers; a test machine's screen is not locked
    /// while tests run (a CI runner without a graphical session answers « unknown »).
    #[cfg(any(windows, target_os = "macos"))]
    #[test]
    fn the_test_machine_screen_is_not_locked() {
        assert_ne!(screen_locked(), Some(true));
    }

    /// By hand on a Windows or macOS desktop: run with `--ignored --nocapture`, then lock
    /// the screen within 60 s (Windows + L, or Ctrl + Cmd + Q) and unlock it.
    #[cfg(any(windows, target_os = "macos"))]
    #[test]
    #[ignore = "needs a person to lock the screen"]
    fn locking_the_screen_by_hand_is_seen() {
        let mut edges = LockEdges::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let mut seen = false;
        while std::time::Instant::now() < deadline && !seen {
            seen = edges.observe(screen_locked());
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        assert!(seen, "no lock seen in 60 s");
    }
}
