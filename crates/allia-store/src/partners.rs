//! The actors of an alliance, stored in the `partner` table: the actor register (issue
//! 11) keeps every organisation once, and a partner is an actor whose relation reached
//! « Engagé » (allia-core's [`allia_core::partner::is_partner`]). What reads « the
//! partners » ([`list`]: documents, commitments, the partners list, the alliance file's
//! templates input) sees only those; the register reads every actor ([`list_actors`]).
//! The register's own operations (status moves, promotion, links, logs, scores) are in
//! `crate::actors`.

use allia_core::actors::{ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, MapCategory};
use allia_core::partner::is_partner;
use allia_core::partner::own_association_taken_message;
use allia_core::validation::is_record_id;
use allia_core::{
    lookalikes, suspicion, ActorType, Lookalike, Organisation, Partner, PartnerDraft, PartnerRole,
    Suspicion, ValidationErrors,
};
use chrono::{DateTime, Utc};
use sqlx::query::Query;
use sqlx::sqlite::{Sqlite, SqliteArguments};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::organisation;
use crate::store::{ensure_found, new_id, Store};

/// Why an actor that is not « Engagé » cannot be the association itself.
const OWN_ASSOCIATION_NOT_ENGAGED: &str = "Votre association est partenaire de son alliance\u{a0}: passez d’abord cet acteur à «\u{a0}Engagé\u{a0}».";

/// One `partner` row.
#[derive(sqlx::FromRow)]
struct PartnerRow {
    id: String,
    alliance_id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[sqlx(flatten)]
    organisation: Organisation,
    actor_type: ActorType,
    role: PartnerRole,
    resources: Option<String>,
    #[sqlx(json)]
    resource_tags: Vec<String>,
    own_association: bool,
    pipeline_status: ActorPipelineStatus,
    dismissal_reason: Option<String>,
    map_category: Option<MapCategory>,
    influence: Option<u8>,
    nuisance: Option<u8>,
    interest: Option<u8>,
    expectations: Option<String>,
    scope: Option<String>,
    synergies: Option<String>,
}

impl From<PartnerRow> for Partner {
    fn from(row: PartnerRow) -> Partner {
        Partner {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: PartnerDraft {
                organisation: row.organisation,
                actor_type: row.actor_type,
                role: row.role,
                resources: row.resources,
                resource_tags: row.resource_tags,
                own_association: row.own_association,
                pipeline: ActorPipeline {
                    status: row.pipeline_status,
                    dismissal_reason: row.dismissal_reason,
                },
                // Described for the map once it has a category (the migration's rule).
                assessment: row.map_category.map(|category| ActorAssessmentDraft {
                    category,
                    expectations: row.expectations,
                    influence: row.influence,
                    nuisance: row.nuisance,
                    interest: row.interest,
                    scope: row.scope,
                    synergies: row.synergies,
                }),
            },
        }
    }
}

/// The register's columns of `partner` (migration `20261205000001_actor_register`), in
/// the order [`bind_actor`] binds them.
pub(crate) const ACTOR_COLUMNS: &str = "pipeline_status, dismissal_reason, map_category, \
     influence, nuisance, interest, expectations, scope, synergies";

/// One `?` per column of [`ACTOR_COLUMNS`].
pub(crate) const ACTOR_PLACEHOLDERS: &str = "?, ?, ?, ?, ?, ?, ?, ?, ?";

/// `column = ?` for each column of [`ACTOR_COLUMNS`], for an `UPDATE`.
const ACTOR_ASSIGNMENTS: &str = "pipeline_status = ?, dismissal_reason = ?, \
     map_category = ?, influence = ?, nuisance = ?, interest = ?, expectations = ?, \
     scope = ?, synergies = ?";

/// Binds the draft's pipeline and map fields in the order of [`ACTOR_COLUMNS`]; without
/// an assessment every map column is NULL.
pub(crate) fn bind_actor<'q>(
    query: Query<'q, Sqlite, SqliteArguments>,
    draft: &'q PartnerDraft,
) -> Query<'q, Sqlite, SqliteArguments> {
    let a = draft.assessment.as_ref();
    query
        .bind(draft.pipeline.status)
        .bind(&draft.pipeline.dismissal_reason)
        .bind(a.map(|a| a.category))
        .bind(a.and_then(|a| a.influence))
        .bind(a.and_then(|a| a.nuisance))
        .bind(a.and_then(|a| a.interest))
        .bind(a.and_then(|a| a.expectations.as_deref()))
        .bind(a.and_then(|a| a.scope.as_deref()))
        .bind(a.and_then(|a| a.synergies.as_deref()))
}

/// `SELECT … FROM partner`, every column of [`PartnerRow`].
fn select() -> String {
    format!(
        "SELECT id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         own_association, {ACTOR_COLUMNS}, created_at, updated_at FROM partner",
        organisation::COLUMNS
    )
}

/// The partners of one alliance (its actors at « Engagé », [`is_partner`]), in the
/// order they were added: what the documents, the commitments and the partners list
/// read.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Partner>> {
    let rows: Vec<PartnerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{} WHERE alliance_id = ? AND pipeline_status = 'engaged' ORDER BY created_at, rowid",
        select()
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    let partners: Vec<Partner> = rows.into_iter().map(Partner::from).collect();
    debug_assert!(partners.iter().all(|p| is_partner(&p.draft)));
    Ok(partners)
}

/// Every actor of one alliance, partners included, in the order they were added: the
/// register's list.
pub(crate) async fn list_actors(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Partner>> {
    let rows: Vec<PartnerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{} WHERE alliance_id = ? ORDER BY created_at, rowid",
        select()
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Partner::from).collect())
}

/// One partner; `NotFound` for an unknown id or one not shaped like the vault's.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Partner> {
    if !is_record_id(id) {
        return Err(StoreError::NotFound(Entity::Partner));
    }
    let row: Option<PartnerRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{} WHERE id = ?", select())))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(Partner::from)
        .ok_or(StoreError::NotFound(Entity::Partner))
}

/// Inserts an already-validated actor with its id and dates as given (an alliance file's
/// record, kept as it was).
pub(crate) async fn insert_with_id(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    record: &Partner,
) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO partner (id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         own_association, {ACTOR_COLUMNS}, created_at, updated_at) \
         VALUES (?, ?, {}, ?, ?, ?, ?, ?, {ACTOR_PLACEHOLDERS}, ?, ?)",
        organisation::COLUMNS,
        organisation::PLACEHOLDERS
    );
    let draft = &record.draft;
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&record.id)
        .bind(alliance_id);
    let query = organisation::bind(query, &draft.organisation)
        .bind(draft.actor_type)
        .bind(draft.role)
        .bind(&draft.resources)
        .bind(Json(&draft.resource_tags))
        .bind(draft.own_association);
    bind_actor(query, draft)
        .bind(record.created_at)
        .bind(record.updated_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Inserts already-validated actors (partners when « Engagé ») of an existing alliance;
/// returns their new ids.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    drafts: &[PartnerDraft],
) -> StoreResult<Vec<String>> {
    let mut ids = Vec::with_capacity(drafts.len());
    let now = Utc::now();
    let insert_sql = format!(
        "INSERT INTO partner (id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         own_association, {ACTOR_COLUMNS}, created_at, updated_at) \
         VALUES (?, ?, {}, ?, ?, ?, ?, ?, {ACTOR_PLACEHOLDERS}, ?, ?)",
        organisation::COLUMNS,
        organisation::PLACEHOLDERS
    );
    for draft in drafts {
        let id = new_id();
        let query = sqlx::query(sqlx::AssertSqlSafe(insert_sql.as_str()))
            .bind(&id)
            .bind(alliance_id);
        let query = organisation::bind(query, &draft.organisation)
            .bind(draft.actor_type)
            .bind(draft.role)
            .bind(&draft.resources)
            .bind(Json(&draft.resource_tags))
            .bind(draft.own_association);
        bind_actor(query, draft)
            .bind(now)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Rewrites an already-validated actor, its pipeline and map fields included (the
/// register's rules on status moves are checked by the callers that need them).
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &PartnerDraft,
) -> StoreResult<()> {
    let sql = format!(
        "UPDATE partner SET {}, actor_type = ?, role = ?, resources = ?, resource_tags = ?, \
         own_association = ?, {ACTOR_ASSIGNMENTS}, updated_at = ? WHERE id = ?",
        organisation::ASSIGNMENTS
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql));
    let query = organisation::bind(query, &draft.organisation)
        .bind(draft.actor_type)
        .bind(draft.role)
        .bind(&draft.resources)
        .bind(Json(&draft.resource_tags))
        .bind(draft.own_association);
    let done = bind_actor(query, draft)
        .bind(Utc::now())
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Partner)
}

/// The rule « one own association per alliance » against what is stored: refuses, on
/// `ownAssociation`, a draft marked as the association when another partner of
/// `alliance_id` (other than `editing`) already is; several drafts marked at once are
/// refused by allia-core's rule (`partners.N.ownAssociation`). The unique index of the
/// migration holds it too, whatever writes the table.
pub(crate) async fn ensure_one_own_association(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    editing: Option<&str>,
    drafts: &[PartnerDraft],
) -> StoreResult<()> {
    allia_core::partner::check_own_association(drafts)?;
    if !drafts.iter().any(|d| d.own_association) {
        return Ok(());
    }
    let holder: Option<String> = sqlx::query_scalar(
        "SELECT name FROM partner WHERE alliance_id = ? AND own_association = 1 \
         AND id IS NOT ? LIMIT 1",
    )
    .bind(alliance_id)
    .bind(editing)
    .fetch_optional(conn)
    .await?;
    match holder {
        Some(name) => {
            let mut errors = ValidationErrors::default();
            errors.push("ownAssociation", own_association_taken_message(&name));
            Err(errors.into())
        }
        None => Ok(()),
    }
}

pub(crate) async fn delete(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    let done = sqlx::query("DELETE FROM partner WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Partner)
}

impl Store {
    /// The partners of one alliance (its actors at « Engagé »), in the order they were
    /// added; the register's other actors are `Store::actors`'.
    pub async fn partners(&self, alliance_id: &str) -> StoreResult<Vec<Partner>> {
        list(&mut *self.conn().await?, alliance_id).await
    }

    /// One partner, or any actor of the register, by id; `NotFound` for an unknown id or
    /// one not shaped like the vault's.
    pub async fn partner(&self, id: &str) -> StoreResult<Partner> {
        get(&mut *self.conn().await?, id).await
    }

    pub async fn create_partner(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
    ) -> StoreResult<Partner> {
        let ids = self
            .create_partners(alliance_id, std::slice::from_ref(draft))
            .await?;
        let id = ids.first().ok_or(StoreError::NotFound(Entity::Partner))?;
        self.partner(id).await
    }

    /// Validates every draft first, then inserts them all in one transaction. Each
    /// comes at the status its draft says (« Engagé » by default: a partner); only an
    /// actor « Engagé » may be the association itself.
    pub async fn create_partners(
        &self,
        alliance_id: &str,
        drafts: &[PartnerDraft],
    ) -> StoreResult<Vec<String>> {
        let drafts = drafts
            .iter()
            .map(PartnerDraft::validated)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(i) = drafts
            .iter()
            .position(|d| d.own_association && !is_partner(d))
        {
            let mut errors = ValidationErrors::default();
            errors.push(
                if drafts.len() == 1 {
                    "ownAssociation".to_string()
                } else {
                    format!("partners.{}.ownAssociation", i + 1)
                },
                OWN_ASSOCIATION_NOT_ENGAGED,
            );
            return Err(errors.into());
        }
        let mut tx = self.begin().await?;
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        ensure_one_own_association(&mut tx, alliance_id, None, &drafts).await?;
        let ids = insert(&mut tx, alliance_id, &drafts).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Validates and rewrites a partner (any actor of the register); marking it as the
    /// association is refused while another partner of its alliance is
    /// ([`ensure_one_own_association`]) or while it is not « Engagé ». Its pipeline
    /// status stays as stored, whatever the draft says: it changes through
    /// `Store::move_actor` and `Store::promote_actor`, which apply the pipeline's rule.
    pub async fn update_partner(&self, id: &str, draft: &PartnerDraft) -> StoreResult<Partner> {
        let draft = draft.validated()?;
        let mut tx = self.begin().await?;
        let stored = get(&mut tx, id).await?;
        let alliance_id = stored.alliance_id;
        let draft = PartnerDraft {
            pipeline: stored.draft.pipeline,
            ..draft
        };
        if draft.own_association && !is_partner(&draft) {
            let mut errors = ValidationErrors::default();
            errors.push("ownAssociation", OWN_ASSOCIATION_NOT_ENGAGED);
            return Err(errors.into());
        }
        ensure_one_own_association(
            &mut tx,
            &alliance_id,
            Some(id),
            std::slice::from_ref(&draft),
        )
        .await?;
        update(&mut tx, id, &draft).await?;
        let partner = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(partner)
    }

    /// What a partner or register actor being added to `alliance_id` (or edited, when
    /// `editing` names it) looks like among the alliance's actors, whatever their status
    /// (one organisation is one row of the register: a partner typed again may be an
    /// actor already spotted, to promote instead), and the association's profile
    /// (allia-core's [`allia_core::lookalikes`]: same SIRET, SIREN or RNA, or the same
    /// name with the same city or without a city to tell them apart): asked before
    /// saving, never merged. The draft is compared as typed (not validated): an
    /// unfinished form is asked about too.
    pub async fn partner_lookalikes(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
        editing: Option<&str>,
    ) -> StoreResult<Vec<Lookalike>> {
        let mut conn = self.conn().await?;
        crate::alliances::ensure_exists(&mut conn, alliance_id).await?;
        let profile = crate::profile::get(&mut conn).await?;
        let actors = list_actors(&mut conn, alliance_id).await?;
        Ok(lookalikes(draft, editing, profile.as_ref(), &actors))
    }

    /// Which of `organisations` (e.g. the partners of a file being imported, by index)
    /// look like the association's own profile, and why ([`allia_core::suspicion`]);
    /// empty when the vault has no profile yet. For the import's question « is this
    /// partner your association? ».
    pub async fn own_association_suspicions(
        &self,
        organisations: &[Organisation],
    ) -> StoreResult<Vec<(usize, Suspicion)>> {
        let Some(profile) = self.profile().await? else {
            return Ok(Vec::new());
        };
        Ok(organisations
            .iter()
            .enumerate()
            .filter_map(|(i, o)| suspicion(o, &profile).map(|s| (i, s)))
            .collect())
    }

    /// Deletes a partner, as [`Store::delete_actor`] does any actor: refused while a
    /// contract that is no longer a draft names it.
    pub async fn delete_partner(&self, id: &str) -> StoreResult<()> {
        self.delete_actor(id).await
    }
}

#[cfg(test)]
mod migration_tests {
    use sqlx::migrate::Migrator;
    use sqlx::Connection;

    use crate::vault::{Vault, VaultPaths, MIGRATOR};
    use crate::KdfParams;

    /// The migration that adds the link.
    const LINK: i64 = 20261202000001;

    /// Rows written in the schema before the link: the profile « Comité des fêtes »
    /// (Saunay, SIRET 80012345700015, RNA W372011111) and, per alliance, partners named
    /// `(alliance, id, name, rna, siret, created_at)`.
    async fn old_vault(dir: &std::path::Path, partners: &[(&str, &str, &str, &str, &str, &str)]) {
        let before = Migrator::with_migrations(
            MIGRATOR
                .iter()
                .filter(|m| m.version < LINK)
                .cloned()
                .collect(),
        );
        let (vault, _) =
            Vault::create_with_migrator(dir, "phrase de test", KdfParams::default(), &before)
                .await
                .expect("create before the link");
        let mut conn = vault.connection().await.expect("conn");
        sqlx::query(
            "INSERT INTO profile (id, name, rna, siret, city, updated_at) VALUES \
             (1, 'Comité des fêtes', 'W372011111', '80012345700015', 'Saunay', \
             '2026-11-01T10:00:00Z')",
        )
        .execute(&mut conn)
        .await
        .expect("profile");
        for alliance in ["a1", "a2", "a3", "a4", "a5"] {
            sqlx::query(
                "INSERT INTO alliance (id, name, status, created_at, updated_at) \
                 VALUES (?, ?, 'active', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')",
            )
            .bind(alliance)
            .bind(format!("Alliance {alliance}"))
            .execute(&mut conn)
            .await
            .expect("alliance");
        }
        for (alliance, id, name, rna, siret, created) in partners {
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            sqlx::query(
                "INSERT INTO partner (id, alliance_id, name, rna, siret, actor_type, role, \
                 created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'association', 'member', ?, ?)",
            )
            .bind(id)
            .bind(alliance)
            .bind(name)
            .bind(opt(rna))
            .bind(opt(siret))
            .bind(created)
            .bind(created)
            .execute(&mut conn)
            .await
            .expect("partner");
        }
        conn.close().await.expect("close");
        vault.close().await;
    }

    #[tokio::test]
    async fn the_migration_links_the_profile_by_identifier_then_by_exact_name() {
        let t = "2026-11-01T10:00:00Z";
        let later = "2026-11-02T10:00:00Z";
        let dir = tempfile::tempdir().expect("tempdir");
        old_vault(
            dir.path(),
            &[
                // a1: rw-04, a homonym with another RNA, and the profile by SIREN.
                ("a1", "h1", "Comité des fêtes", "W372022222", "", t),
                ("a1", "s1", "CDF Saunay", "", "80012345700023", later),
                // a2: the profile by RNA under another name.
                (
                    "a2",
                    "r2",
                    "Comité des fêtes de Saunay",
                    "W372011111",
                    "",
                    t,
                ),
                // a3: the same name, no identifier: linked (what the vaults relied on);
                // a name differing in case only is not the same name.
                ("a3", "c3", "COMITÉ DES FÊTES", "", "", t),
                ("a3", "n3", "Comité des fêtes", "", "", later),
                // a4: the same name but another SIREN: two organisations.
                ("a4", "x4", "Comité des fêtes", "", "41234567800011", t),
                // a5: an exact name after an identifier match: the identifier wins.
                ("a5", "n5", "Comité des fêtes", "", "", t),
                ("a5", "r5", "Fêtes de Saunay", "w372011111", "", later),
            ],
        )
        .await;

        let vault = Vault::unlock(dir.path(), "phrase de test")
            .await
            .expect("unlock migrates");
        let store = vault.store();
        let mut linked = Vec::new();
        for alliance in ["a1", "a2", "a3", "a4", "a5"] {
            for p in store.partners(alliance).await.expect("partners") {
                if p.draft.own_association {
                    linked.push(p.id);
                }
            }
        }
        assert_eq!(linked, ["s1", "r2", "n3", "r5"]);
        vault.close().await;

        // The backup taken before the migrations ran holds the vault as it was.
        let backups = crate::backup::list(&VaultPaths::new(dir.path()));
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert!(
            backups[0]
                .file_name
                .contains(&format!("avant-migration-{LINK}")),
            "{}",
            backups[0].file_name
        );
    }

    #[tokio::test]
    async fn the_index_refuses_a_second_link_whatever_writes_the_table() {
        let dir = tempfile::tempdir().expect("tempdir");
        let t = "2026-11-01T10:00:00Z";
        old_vault(
            dir.path(),
            &[
                ("a1", "p1", "Comité des fêtes", "W372011111", "", t),
                ("a1", "p2", "Autre", "", "", t),
            ],
        )
        .await;
        let vault = Vault::unlock(dir.path(), "phrase de test")
            .await
            .expect("unlock migrates");
        let mut conn = vault.connection().await.expect("conn");
        let second = sqlx::query("UPDATE partner SET own_association = 1 WHERE id = 'p2'")
            .execute(&mut conn)
            .await;
        assert!(second.is_err(), "the unique index refuses a second link");
        conn.close().await.expect("close");
        vault.close().await;
    }
}
