//! User settings, kept in the vault as one JSON value (`setting` table, key `settings`),
//! and the vault's own demo alliance id (key `demo_alliance_id`).

use allia_core::Settings;
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::Store;

const SETTINGS_KEY: &str = "settings";

/// The id of this vault's demo alliance (plain text), made at random when « Charger
/// l’exemple » first stores it, so that two vaults' demos are different alliances.
const DEMO_ALLIANCE_KEY: &str = "demo_alliance_id";

/// The id this vault remembers for its demo alliance, if any (the alliance may have
/// been deleted since).
pub(crate) async fn demo_alliance_id(conn: &mut SqliteConnection) -> StoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM setting WHERE key = ?")
            .bind(DEMO_ALLIANCE_KEY)
            .fetch_optional(conn)
            .await?,
    )
}

/// Remembers `id` as this vault's demo alliance.
pub(crate) async fn remember_demo_alliance_id(
    conn: &mut SqliteConnection,
    id: &str,
) -> StoreResult<()> {
    sqlx::query("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(DEMO_ALLIANCE_KEY)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The settings; unknown or older content falls back to the defaults rather than
/// locking the user out.
pub(crate) async fn get(conn: &mut SqliteConnection) -> StoreResult<Settings> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM setting WHERE key = ?")
        .bind(SETTINGS_KEY)
        .fetch_optional(conn)
        .await?;
    Ok(value
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// Writes already-validated settings.
pub(crate) async fn save(conn: &mut SqliteConnection, settings: &Settings) -> StoreResult<()> {
    sqlx::query("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(SETTINGS_KEY)
        .bind(Json(settings))
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    pub async fn settings(&self) -> StoreResult<Settings> {
        get(&mut *self.conn().await?).await
    }

    pub async fn save_settings(&self, settings: &Settings) -> StoreResult<Settings> {
        let settings = settings.validated()?;
        save(&mut *self.conn().await?, &settings).await?;
        Ok(settings)
    }

    /// Changes « Taille du texte » only (percent, one of `TEXT_SCALE_STEPS`), the other
    /// settings read and written back in the same transaction so that a screen holding
    /// older settings cannot undo them. Errors: `Validation` on `textScalePercent`.
    pub async fn set_text_scale(&self, percent: u32) -> StoreResult<Settings> {
        let mut tx = self.begin_write().await?;
        let settings = Settings {
            text_scale_percent: percent,
            ..get(&mut tx).await?
        }
        .validated()?;
        save(&mut tx, &settings).await?;
        tx.commit().await?;
        Ok(settings)
    }
}
