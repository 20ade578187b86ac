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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: AUTO_LOCK_DEFAULT_MINUTES,
            backup_keep: BACKUP_KEEP_DEFAULT,
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
        errors.into_result(self.clone())
    }
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
