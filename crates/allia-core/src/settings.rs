//! User settings stored in the vault.

use serde::{Deserialize, Serialize};

use crate::validation::ValidationErrors;

pub const AUTO_LOCK_DEFAULT_MINUTES: u32 = 10;
const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=240;
/// Automatic backups kept besides one per month for a year.
pub const BACKUP_KEEP_DEFAULT: u32 = 10;
const BACKUP_KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=100;

fn backup_keep_default() -> u32 {
    BACKUP_KEEP_DEFAULT
}

/// The text sizes offered under « Taille du texte », in percent of the normal size,
/// smallest first. The whole window is zoomed by this factor (WCAG 1.4.4 asks that
/// text can be resized up to 200 % without loss of content or function).
pub const TEXT_SCALE_STEPS: [u32; 5] = [100, 125, 150, 175, 200];
/// The normal size, in percent.
pub const TEXT_SCALE_DEFAULT_PERCENT: u32 = 100;

fn text_scale_default() -> u32 {
    TEXT_SCALE_DEFAULT_PERCENT
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Minutes without input before the vault locks itself.
    pub auto_lock_minutes: u32,
    /// How many of the newest automatic backups are kept (plus one per month for a
    /// year). Absent from settings saved before it existed: the default.
    #[serde(default = "backup_keep_default")]
    pub backup_keep: u32,
    /// « Taille du texte »: the window's zoom in percent, one of [`TEXT_SCALE_STEPS`].
    /// Absent from settings saved before it existed: 100.
    #[serde(default = "text_scale_default")]
    pub text_scale_percent: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: AUTO_LOCK_DEFAULT_MINUTES,
            backup_keep: BACKUP_KEEP_DEFAULT,
            text_scale_percent: TEXT_SCALE_DEFAULT_PERCENT,
        }
    }
}

impl Settings {
    pub fn validated(&self) -> Result<Settings, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !AUTO_LOCK_RANGE.contains(&self.auto_lock_minutes) {
            errors.push(
                "autoLockMinutes",
                format!(
                    "Choisissez un délai entre {} et {} minutes.",
                    AUTO_LOCK_RANGE.start(),
                    AUTO_LOCK_RANGE.end()
                ),
            );
        }
        if !BACKUP_KEEP_RANGE.contains(&self.backup_keep) {
            errors.push(
                "backupKeep",
                format!(
                    "Choisissez un nombre de sauvegardes entre {} et {}.",
                    BACKUP_KEEP_RANGE.start(),
                    BACKUP_KEEP_RANGE.end()
                ),
            );
        }
        if !TEXT_SCALE_STEPS.contains(&self.text_scale_percent) {
            errors.push("textScalePercent", text_scale_message());
        }
        errors.into_result(self.clone())
    }
}

/// `percent` when it is one of [`TEXT_SCALE_STEPS`]; otherwise the same validation error
/// as a saved setting's, on `textScalePercent` (for a size applied before the vault is
/// open, not saved).
pub fn text_scale_checked(percent: u32) -> Result<u32, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if !TEXT_SCALE_STEPS.contains(&percent) {
        errors.push("textScalePercent", text_scale_message());
    }
    errors.into_result(percent)
}

/// « Choisissez une taille de texte parmi 100 %, 125 %, … et 200 %. », listing the steps
/// with a narrow no-break space before each « % ».
fn text_scale_message() -> String {
    let steps: Vec<String> = TEXT_SCALE_STEPS
        .iter()
        .map(|step| format!("{step}\u{202f}%"))
        .collect();
    let (last, first) = steps
        .split_last()
        .map_or((String::new(), &[][..]), |(last, first)| {
            (last.clone(), first)
        });
    format!(
        "Choisissez une taille de texte parmi {} et {last}.",
        first.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_ten_minutes() {
        assert_eq!(Settings::default().auto_lock_minutes, 10);
        assert!(Settings::default().validated().is_ok());
    }

    #[test]
    fn settings_saved_before_backup_keep_read_with_its_default() {
        let old: Settings = serde_json::from_str(r#"{"autoLockMinutes":25}"#).expect("old json");
        assert_eq!(old.auto_lock_minutes, 25);
        assert_eq!(old.backup_keep, 10);
        let err = Settings {
            backup_keep: 0,
            ..Settings::default()
        }
        .validated()
        .expect_err("range");
        assert_eq!(err.0[0].field, "backupKeep");
    }

    #[test]
    fn settings_saved_before_text_scale_read_at_normal_size() {
        let old: Settings =
            serde_json::from_str(r#"{"autoLockMinutes":25,"backupKeep":4}"#).expect("old json");
        assert_eq!(old.text_scale_percent, 100);
        assert_eq!(old.backup_keep, 4);
        assert!(old.validated().is_ok());
        let json = serde_json::to_string(&Settings {
            text_scale_percent: 150,
            ..old
        })
        .expect("json");
        assert!(json.contains(r#""textScalePercent":150"#), "{json}");
    }

    #[test]
    fn text_scale_only_among_the_steps() {
        for good in TEXT_SCALE_STEPS {
            let settings = Settings {
                text_scale_percent: good,
                ..Settings::default()
            };
            assert_eq!(
                settings.validated().expect("a step").text_scale_percent,
                good
            );
        }
        for bad in [0, 99, 110, 201, 250, u32::MAX] {
            let err = Settings {
                text_scale_percent: bad,
                ..Settings::default()
            }
            .validated()
            .expect_err("not a step");
            assert_eq!(err.0.len(), 1);
            assert_eq!(err.0[0].field, "textScalePercent");
            assert_eq!(
                err.0[0].message,
                "Choisissez une taille de texte parmi 100\u{202f}%, 125\u{202f}%, 150\u{202f}%, 175\u{202f}% et 200\u{202f}%."
            );
            assert_eq!(text_scale_checked(bad).expect_err("not a step"), err);
        }
        assert_eq!(text_scale_checked(125).expect("a step"), 125);
    }

    #[test]
    fn auto_lock_range() {
        for bad in [0, 241] {
            let err = Settings {
                auto_lock_minutes: bad,
                ..Settings::default()
            }
            .validated()
            .expect_err("range");
            assert_eq!(err.0[0].field, "autoLockMinutes");
            assert_eq!(
                err.0[0].message,
                "Choisissez un délai entre 1 et 240 minutes."
            );
        }
    }
}
