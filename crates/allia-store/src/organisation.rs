//! The organisation fields that the `profile` and `partner` rows share. Reading them is
//! derived (`#[sqlx(flatten)] organisation: Organisation`); writing binds them here, in
//! the order each statement names the columns: `name, acronym, legal_form, rna, siret,
//! street, postal_code, city, representative_name, representative_role, email, phone`.

use allia_core::Organisation;
use sqlx::query::Query;
use sqlx::sqlite::SqliteArguments;
use sqlx::Sqlite;

/// Binds the twelve organisation fields, in the column order above.
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
