//! The association's own profile: one row, `id = 1`.

use allia_core::Organisation;
use chrono::Utc;
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::organisation;
use crate::store::Store;

/// The profile, if one was saved.
pub(crate) async fn get(conn: &mut SqliteConnection) -> StoreResult<Option<Organisation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM profile WHERE id = 1",
        organisation::COLUMNS
    )))
    .fetch_optional(conn)
    .await?)
}

/// Writes the (already validated) profile over the one saved, if any.
pub(crate) async fn save(conn: &mut SqliteConnection, profile: &Organisation) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO profile (id, {columns}, updated_at) VALUES (1, {values}, ?) \
         ON CONFLICT (id) DO UPDATE SET {excluded}, updated_at = excluded.updated_at",
        columns = organisation::COLUMNS,
        values = organisation::PLACEHOLDERS,
        excluded = organisation::EXCLUDED,
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql));
    organisation::bind(query, profile)
        .bind(Utc::now())
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    pub async fn profile(&self) -> StoreResult<Option<Organisation>> {
        get(&mut *self.conn().await?).await
    }

    /// Validates and saves the profile, returning it as stored (normalised).
    pub async fn save_profile(&self, profile: &Organisation) -> StoreResult<Organisation> {
        let profile = profile.validated()?;
        save(&mut *self.conn().await?, &profile).await?;
        Ok(profile)
    }
}
