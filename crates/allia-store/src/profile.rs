//! The association's own profile.

use allia_core::Organisation;
use chrono::Utc;

use sqlx::AssertSqlSafe;

use crate::error::StoreResult;
use crate::organisation_columns as org;
use crate::store::Store;

impl Store {
    pub async fn profile(&self) -> StoreResult<Option<Organisation>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {} FROM profile WHERE id = 1",
            org::COLUMNS
        )))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| org::read(&r)).transpose()?)
    }

    /// Validates and saves the profile, returning it as stored (normalised).
    pub async fn save_profile(&self, profile: &Organisation) -> StoreResult<Organisation> {
        let profile = profile.validated()?;
        let updates: Vec<String> = org::COLUMNS
            .split(", ")
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        let sql = format!(
            "INSERT INTO profile (id, {}, updated_at) VALUES (1, {}, ?) \
             ON CONFLICT (id) DO UPDATE SET {}, updated_at = excluded.updated_at",
            org::COLUMNS,
            org::placeholders(),
            updates.join(", ")
        );
        org::bind(sqlx::query(AssertSqlSafe(sql.clone())), &profile)
            .bind(Utc::now())
            .execute(&self.pool)
            .await?;
        Ok(profile)
    }
}
