//! User settings, kept in the vault.

use allia_core::Settings;

use crate::error::StoreResult;
use crate::store::Store;

const SETTINGS_KEY: &str = "settings";

impl Store {
    pub async fn settings(&self) -> StoreResult<Settings> {
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM setting WHERE key = ?")
            .bind(SETTINGS_KEY)
            .fetch_optional(&self.pool)
            .await?;
        // Unknown or older content falls back to defaults rather than locking the user out.
        Ok(value
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    pub async fn save_settings(&self, settings: &Settings) -> StoreResult<Settings> {
        let settings = settings.validated()?;
        let json = serde_json::to_string(&settings)
            .map_err(|e| crate::StoreError::CorruptData(e.to_string()))?;
        sqlx::query("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(SETTINGS_KEY)
            .bind(json)
            .execute(&self.pool)
            .await?;
        Ok(settings)
    }
}
