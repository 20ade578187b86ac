//! User settings stored in the vault.

use serde::{Deserialize, Serialize};

use crate::validation::ValidationErrors;

pub const AUTO_LOCK_DEFAULT_MINUTES: u32 = 10;
const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=240;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Minutes without input before the vault locks itself.
    pub auto_lock_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            auto_lock_minutes: AUTO_LOCK_DEFAULT_MINUTES,
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
    fn auto_lock_range() {
        for bad in [0, 241] {
            let err = Settings {
                auto_lock_minutes: bad,
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
