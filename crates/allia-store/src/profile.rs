//! The association's own profile: one row, `id = 1`.

use allia_core::Organisation;
use chrono::Utc;
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::organisation;
use crate::store::Store;

/// The profile, if one was saved.
pub(crate) async fn get(conn: &mut SqliteConnection) -> StoreResult<Option<Organisation>> {
    Ok(sqlx::query_as(
        "SELECT name, acronym, legal_form, rna, siret, street, postal_code, city, \
         representative_name, representative_role, email, phone FROM profile WHERE id = 1",
    )
    .fetch_optional(conn)
    .await?)
}

/// Writes the (already validated) profile over the one saved, if any.
pub(crate) async fn save(conn: &mut SqliteConnection, profile: &Organisation) -> StoreResult<()> {
    let query = sqlx::query(
        "INSERT INTO profile (id, name, acronym, legal_form, rna, siret, street, postal_code, city, \
         representative_name, representative_role, email, phone, updated_at) \
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, acronym = excluded.acronym, \
         legal_form = excluded.legal_form, rna = excluded.rna, siret = excluded.siret, \
         street = excluded.street, postal_code = excluded.postal_code, city = excluded.city, \
         representative_name = excluded.representative_name, \
         representative_role = excluded.representative_role, email = excluded.email, \
         phone = excluded.phone, updated_at = excluded.updated_at",
    );
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
