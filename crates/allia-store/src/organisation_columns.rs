//! The organisation columns shared by the `profile` and `partner` tables.

use allia_core::Organisation;
use sqlx::query::Query;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Row, Sqlite};

pub(crate) const COLUMNS: &str =
    "name, acronym, legal_form, rna, siret, street, postal_code, city, \
     representative_name, representative_role, email, phone";
pub(crate) const COUNT: usize = 12;

pub(crate) fn bind<'q>(
    query: Query<'q, Sqlite, SqliteArguments>,
    org: &'q Organisation,
) -> Query<'q, Sqlite, SqliteArguments> {
    query
        .bind(&org.name)
        .bind(&org.acronym)
        .bind(&org.legal_form)
        .bind(&org.rna)
        .bind(&org.siret)
        .bind(&org.street)
        .bind(&org.postal_code)
        .bind(&org.city)
        .bind(&org.representative_name)
        .bind(&org.representative_role)
        .bind(&org.email)
        .bind(&org.phone)
}

pub(crate) fn read(row: &SqliteRow) -> Result<Organisation, sqlx::Error> {
    Ok(Organisation {
        name: row.try_get("name")?,
        acronym: row.try_get("acronym")?,
        legal_form: row.try_get("legal_form")?,
        rna: row.try_get("rna")?,
        siret: row.try_get("siret")?,
        street: row.try_get("street")?,
        postal_code: row.try_get("postal_code")?,
        city: row.try_get("city")?,
        representative_name: row.try_get("representative_name")?,
        representative_role: row.try_get("representative_role")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
    })
}

/// `?, ?, …` for the organisation columns.
pub(crate) fn placeholders() -> String {
    ["?"; COUNT].join(", ")
}
