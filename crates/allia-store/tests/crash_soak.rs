//! Crash soak: a writer process commits transactions in a loop on a real encrypted vault
//! and is killed with SIGKILL (TerminateProcess on Windows) at a random moment; after each
//! kill the vault must unlock, pass `PRAGMA quick_check` and `PRAGMA cipher_integrity_check`,
//! and hold every transaction the writer reported committed (issue 6, item 5).
//!
//! The `crash_soak` test re-executes this test binary as the writer (`writer_process`,
//! ignored in normal runs). The writer prints `committed …` on stdout only after a commit
//! has returned, so a reported commit that is missing afterwards is a lost commit.
//!
//! Environment:
//! - `ALLIA_SOAK_KILLS=N`: number of kills (default 10), spread over the modes.
//! - `ALLIA_SOAK_SEED=N`: replays a run (decimal or `0x…`); printed at the start otherwise.
//! - `ALLIA_SOAK_REPORT=path`: writes a Markdown report of the run there.
//! - `ALLIA_SOAK_COMMAND=…`: the command line the report says produced it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use allia_core::{
    AllianceDraft, AllianceFile, DocumentKind, DocumentSettings, Organisation, PartnerDraft,
};
use allia_store::{KdfParams, Vault};
use sqlx::{Connection, Row, SqliteConnection};

const PASSPHRASE: &str = "phrase de test du banc d’endurance";
/// The writer's test name, for `--exact`.
const WRITER_TEST: &str = "writer_process";
/// Starts every message of the writer to the parent on its stdout.
const MARKER: &str = "[soak] ";
const ROLE_VAR: &str = "ALLIA_SOAK_ROLE";
const DIR_VAR: &str = "ALLIA_SOAK_DIR";
const MODE_VAR: &str = "ALLIA_SOAK_MODE";
const TRIAL_VAR: &str = "ALLIA_SOAK_TRIAL";
const FILE_VAR: &str = "ALLIA_SOAK_FILE";
const EXPORTS_VAR: &str = "ALLIA_SOAK_EXPORTS";
/// Backup mode: at most one automatic backup per this interval. Their names carry the
/// time to the second, and pruning has to choose among more than `keep` (10) backups
/// of one second: a retention question, not what this soak measures.
const AUTOMATIC_INTERVAL: Duration = Duration::from_millis(250);
/// Default number of kills: what every `cargo test` (and so `cargo xtask test`) runs.
const DEFAULT_KILLS: usize = 10;
/// The kill lands this long after the writer has unlocked the vault (inclusive bounds).
const DELAY_MS: (u64, u64) = (50, 1500);
/// How long the writer may take to unlock: generous for a loaded 2-core CI machine.
const READY_TIMEOUT: Duration = Duration::from_secs(120);
/// Partners inserted per transaction in `write` mode: enough text to span several pages.
const PARTNER_BATCH: i64 = 8;
/// `write` mode: alliances of one run kept before the oldest is deleted again.
const LIVE_ALLIANCES: usize = 20;

// ---------------------------------------------------------------------------------------
// Modes and what the writer reports
// ---------------------------------------------------------------------------------------

/// What the writer does until it is killed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Alliances (autocommit), batches of partners and documents (transactions).
    Write,
    /// Imports of the demo alliance's file (alliance + partners in one transaction).
    Import,
    /// An alliance, then a backup of the vault to a chosen folder (`Vault::backup_to`),
    /// and every few rounds an automatic backup (`Vault::backup_now`, which prunes).
    Backup,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Write => "write",
            Mode::Import => "import",
            Mode::Backup => "backup",
        }
    }

    fn parse(text: &str) -> Option<Mode> {
        [Mode::Write, Mode::Import, Mode::Backup]
            .into_iter()
            .find(|m| m.name() == text)
    }

    /// How `kills` are spread over the modes: a fifth each to import and backup (at
    /// least one each once there are 3 kills), the rest to plain writes: 10 → 6/2/2,
    /// 100 → 60/20/20.
    fn plan(kills: usize) -> Vec<(Mode, usize)> {
        let special = if kills >= 3 { (kills / 5).max(1) } else { 0 };
        vec![
            (Mode::Write, kills - 2 * special),
            (Mode::Import, special),
            (Mode::Backup, special),
        ]
    }
}

/// One transaction the writer reported committed (one `committed …` line), or a delete it
/// is about to make (`intent delete …`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Commit {
    Alliance {
        id: String,
        name: String,
    },
    Partners {
        alliance_id: String,
        count: i64,
    },
    Document {
        id: String,
        alliance_id: String,
    },
    /// Not a commit: said before a delete, so that a delete committed but killed before
    /// it is reported is not taken for lost data. The alliance may be there or not.
    DeleteIntent {
        id: String,
    },
    /// An alliance deleted, with its partners and documents (cascade).
    Delete {
        id: String,
    },
    Import {
        alliance_id: String,
    },
    /// A backup written by `backup_to` in the export folder (file name).
    Export {
        file: String,
    },
    /// An automatic backup in the vault's `backups/` folder (file name).
    Automatic {
        file: String,
    },
}

impl Commit {
    fn line(&self) -> String {
        match self {
            Commit::Alliance { id, name } => format!("committed alliance {id} {name}"),
            Commit::Partners { alliance_id, count } => {
                format!("committed partners {alliance_id} {count}")
            }
            Commit::Document { id, alliance_id } => {
                format!("committed document {id} {alliance_id}")
            }
            Commit::DeleteIntent { id } => format!("intent delete {id}"),
            Commit::Delete { id } => format!("committed delete {id}"),
            Commit::Import { alliance_id } => format!("committed import {alliance_id}"),
            Commit::Export { file } => format!("committed export {file}"),
            Commit::Automatic { file } => format!("committed automatic {file}"),
        }
    }

    fn parse(line: &str) -> Option<Commit> {
        if let Some(id) = line.strip_prefix("intent delete ") {
            return Some(Commit::DeleteIntent { id: id.to_owned() });
        }
        let mut words = line.strip_prefix("committed ")?.split(' ');
        let kind = words.next()?;
        let first = words.next()?.to_owned();
        let second = words.next();
        Some(match (kind, second) {
            ("alliance", Some(name)) => Commit::Alliance {
                id: first,
                name: name.to_owned(),
            },
            ("partners", Some(count)) => Commit::Partners {
                alliance_id: first,
                count: count.parse().ok()?,
            },
            ("document", Some(alliance_id)) => Commit::Document {
                id: first,
                alliance_id: alliance_id.to_owned(),
            },
            ("delete", None) => Commit::Delete { id: first },
            ("import", None) => Commit::Import { alliance_id: first },
            ("export", None) => Commit::Export { file: first },
            ("automatic", None) => Commit::Automatic { file: first },
            _ => return None,
        })
    }

    fn is_commit(&self) -> bool {
        !matches!(self, Commit::DeleteIntent { .. })
    }
}

// ---------------------------------------------------------------------------------------
// The writer process
// ---------------------------------------------------------------------------------------

/// The writer's entry point, run by `crash_soak` in a child process with `ALLIA_SOAK_ROLE=writer`.
/// It loops until it is killed; without that variable it returns at once.
#[test]
#[ignore = "the writer process of crash_soak, started by it"]
fn writer_process() {
    if std::env::var(ROLE_VAR).as_deref() != Ok("writer") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Err(error) = runtime.block_on(write_until_killed()) {
        panic!("soak writer failed: {error}");
    }
}

/// Prints one message for the parent and flushes it at once: a line still in a buffer at
/// the kill would be a commit the parent never hears of (harmless, but it weakens the
/// check). The marker finds it after libtest's own `test writer_process ... `, which the
/// first message shares a line with.
fn tell_parent(message: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{MARKER}{message}").expect("stdout");
    out.flush().expect("flush stdout");
}

/// The message in one line of the writer's stdout, if it carries one.
fn message(line: &str) -> Option<&str> {
    line.find(MARKER).map(|at| &line[at + MARKER.len()..])
}

async fn write_until_killed() -> Result<(), String> {
    let var = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set"));
    let dir = PathBuf::from(var(DIR_VAR)?);
    let mode_name = var(MODE_VAR)?;
    let mode = Mode::parse(&mode_name).ok_or(format!("unknown mode {mode_name}"))?;
    let trial = var(TRIAL_VAR)?;
    let vault = Vault::unlock(&dir, PASSPHRASE)
        .await
        .map_err(|e| format!("unlock: {e}"))?;
    tell_parent("ready");
    let store = vault.store();
    match mode {
        Mode::Write => {
            let filler =
                "Prêt de salle, comptabilité partagée, mutualisation d’un poste. ".repeat(6);
            let mut live = std::collections::VecDeque::new();
            for n in 0u64.. {
                let name = format!("soak-t{trial}-n{n}");
                let alliance = store
                    .create_alliance(&AllianceDraft {
                        name: name.clone(),
                        ..Default::default()
                    })
                    .await
                    .map_err(|e| format!("create alliance {name}: {e}"))?;
                tell_parent(
                    &Commit::Alliance {
                        id: alliance.id.clone(),
                        name,
                    }
                    .line(),
                );
                let partners: Vec<PartnerDraft> = (0..PARTNER_BATCH)
                    .map(|k| PartnerDraft {
                        organisation: Organisation {
                            name: format!("Partenaire {n}-{k}"),
                            ..Default::default()
                        },
                        resources: Some(format!("{k} {filler}")),
                        resource_tags: vec!["locaux".into(), format!("lot {n}")],
                        ..Default::default()
                    })
                    .collect();
                let ids = store
                    .create_partners(&alliance.id, &partners)
                    .await
                    .map_err(|e| format!("create partners: {e}"))?;
                tell_parent(
                    &Commit::Partners {
                        alliance_id: alliance.id.clone(),
                        count: i64::try_from(ids.len()).map_err(|e| e.to_string())?,
                    }
                    .line(),
                );
                let document = store
                    .create_document(
                        &alliance.id,
                        DocumentKind::PartnershipAgreement,
                        &DocumentSettings {
                            title: format!("Convention {n}"),
                            ..Default::default()
                        },
                    )
                    .await
                    .map_err(|e| format!("create document: {e}"))?;
                tell_parent(
                    &Commit::Document {
                        id: document.id,
                        alliance_id: alliance.id.clone(),
                    }
                    .line(),
                );
                // Deleting an older alliance keeps the vault small over 100 kills and
                // adds cascading deletes to the transactions that must survive.
                live.push_back(alliance.id);
                if live.len() > LIVE_ALLIANCES {
                    if let Some(id) = live.pop_front() {
                        tell_parent(&Commit::DeleteIntent { id: id.clone() }.line());
                        store
                            .delete_alliance(&id)
                            .await
                            .map_err(|e| format!("delete alliance {id}: {e}"))?;
                        tell_parent(&Commit::Delete { id }.line());
                    }
                }
            }
        }
        Mode::Import => {
            let path = PathBuf::from(var(FILE_VAR)?);
            let bytes = std::fs::read(&path).map_err(|e| format!("read {path:?}: {e}"))?;
            let file: AllianceFile =
                serde_json::from_slice(&bytes).map_err(|e| format!("parse {path:?}: {e}"))?;
            loop {
                let alliance = store
                    .import_alliance(&file)
                    .await
                    .map_err(|e| format!("import: {e}"))?;
                tell_parent(
                    &Commit::Import {
                        alliance_id: alliance.id,
                    }
                    .line(),
                );
            }
        }
        Mode::Backup => {
            let exports = PathBuf::from(var(EXPORTS_VAR)?);
            let mut last_automatic = Instant::now();
            for n in 0u64.. {
                let name = format!("soak-t{trial}-n{n}");
                let alliance = store
                    .create_alliance(&AllianceDraft {
                        name: name.clone(),
                        ..Default::default()
                    })
                    .await
                    .map_err(|e| format!("create alliance {name}: {e}"))?;
                tell_parent(
                    &Commit::Alliance {
                        id: alliance.id,
                        name: name.clone(),
                    }
                    .line(),
                );
                let file = format!("{name}.{}", allia_store::backup::EXTENSION);
                vault
                    .backup_to(&exports.join(&file))
                    .await
                    .map_err(|e| format!("backup to {file}: {e}"))?;
                tell_parent(&Commit::Export { file }.line());
                if last_automatic.elapsed() >= AUTOMATIC_INTERVAL {
                    last_automatic = Instant::now();
                    let path = vault
                        .backup_now(allia_store::BackupReason::Manual)
                        .await
                        .map_err(|e| format!("automatic backup: {e}"))?;
                    let file = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .ok_or("automatic backup without a file name")?;
                    tell_parent(&Commit::Automatic { file }.line());
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The parent: plan, kill, verify, report
// ---------------------------------------------------------------------------------------

/// A small seeded PRNG (SplitMix64): the same seed replays the same delays.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

fn parse_seed(text: &str) -> Option<u64> {
    let text = text.trim();
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// Why a trial failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FailureKind {
    /// The writer could not unlock, stopped by itself, or never became ready.
    Writer,
    /// The vault did not unlock after the kill.
    Unlock,
    /// `quick_check` or `cipher_integrity_check` reported damage.
    Integrity,
    /// A reported commit is missing.
    Lost,
    /// A transaction is only partly there.
    Torn,
    /// A file under a backup's final name is incomplete, or the newest backup does not
    /// open, fails its checks or lacks a commit reported before it was made.
    Backup,
}

struct Failure {
    trial: usize,
    mode: Mode,
    delay_ms: u64,
    kind: FailureKind,
    detail: String,
    /// The damaged vault's folder, kept for investigation.
    kept: Option<PathBuf>,
}

/// Figures for one mode.
#[derive(Default, Clone)]
struct Tally {
    trials: usize,
    kills: usize,
    commits_seen: usize,
    trials_without_commit: usize,
    writer_failures: usize,
    unlock_failures: usize,
    integrity_failures: usize,
    lost_commits: usize,
    torn_transactions: usize,
    bad_backups: usize,
    /// Temp files (`.<name>.<random>.tmp`) a killed backup left behind: allowed, counted.
    temp_leftovers: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.trials += other.trials;
        self.kills += other.kills;
        self.commits_seen += other.commits_seen;
        self.trials_without_commit += other.trials_without_commit;
        self.writer_failures += other.writer_failures;
        self.unlock_failures += other.unlock_failures;
        self.integrity_failures += other.integrity_failures;
        self.lost_commits += other.lost_commits;
        self.torn_transactions += other.torn_transactions;
        self.bad_backups += other.bad_backups;
        self.temp_leftovers += other.temp_leftovers;
    }
}

/// The vault one mode soaks, and every commit reported on it so far.
struct Subject {
    mode: Mode,
    dir: tempfile::TempDir,
    /// The alliance file the import mode imports.
    import_file: PathBuf,
    /// Partners in that file: every alliance of the import vault has exactly this many.
    import_partners: i64,
    /// Backup mode: the folder `backup_to` writes into.
    exports: PathBuf,
    ledger: Vec<Commit>,
    /// Exported backups already checked and deleted (keeps the folder small).
    removed: HashSet<String>,
}

impl Subject {
    async fn new(mode: Mode) -> Subject {
        let dir = tempfile::Builder::new()
            .prefix(&format!("allia-soak-{}-", mode.name()))
            .tempdir()
            .expect("temp dir");
        let (vault, _) = // The cheapest key derivation a key file accepts (the floor is the default):
        // each trial unlocks twice, writer and check.
        Vault::create_with_params(dir.path(), PASSPHRASE, KdfParams::default())
            .await
            .expect("create the soak vault");
        let import_file = dir.path().join("alliance-demo.json");
        let mut import_partners = 0;
        if mode == Mode::Import {
            // The demo alliance stays in the vault: it has the file's partners, like
            // every import, so the "whole or nothing" check covers it too.
            let demo = vault.store().load_demo().await.expect("demo");
            let file = vault
                .store()
                .export_alliance(&demo.id)
                .await
                .expect("export");
            import_partners = i64::try_from(file.partners.len()).expect("count");
            let json = serde_json::to_vec_pretty(&file).expect("serialise");
            std::fs::write(&import_file, json).expect("write the alliance file");
        }
        vault.close().await;
        let exports = dir.path().join("exports");
        std::fs::create_dir(&exports).expect("exports folder");
        Subject {
            mode,
            dir,
            import_file,
            import_partners,
            exports,
            ledger: Vec::new(),
            removed: HashSet::new(),
        }
    }

    /// Keeps the damaged vault on disk and starts the following trials on a fresh one.
    async fn replace(&mut self) -> PathBuf {
        let fresh = Subject::new(self.mode).await;
        let old = std::mem::replace(self, fresh);
        old.dir.keep()
    }
}

/// One child run, from spawn to kill.
struct Run {
    commits: Vec<Commit>,
    killed: bool,
    /// Set when the writer failed on its own (no kill needed).
    writer_error: Option<String>,
}

fn spawn_writer(subject: &Subject, trial: usize, stderr_path: &Path) -> Child {
    let stderr = std::fs::File::create(stderr_path).expect("stderr file");
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            WRITER_TEST,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ROLE_VAR, "writer")
        .env(DIR_VAR, subject.dir.path())
        .env(MODE_VAR, subject.mode.name())
        .env(TRIAL_VAR, trial.to_string())
        .env(FILE_VAR, &subject.import_file)
        .env(EXPORTS_VAR, &subject.exports)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(stderr))
        .spawn()
        .expect("start the writer")
}

/// Reads the child's stdout line by line on a thread. A last line without its newline was
/// cut by the kill and is dropped.
fn read_lines(child: &mut Child) -> (Receiver<String>, JoinHandle<()>) {
    let stdout = child.stdout.take().expect("piped stdout");
    let (sender, receiver) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) if !line.ends_with('\n') => break,
                Ok(_) => {
                    if sender.send(line.trim_end().to_owned()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    (receiver, thread)
}

fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

fn exited(status: ExitStatus, stderr_path: &Path) -> String {
    format!(
        "the writer exited by itself ({status}); its stderr ends with:\n{}",
        tail(stderr_path)
    )
}

/// Starts the writer, lets it commit for `delay` once it has unlocked, then kills it.
fn run_writer(subject: &Subject, trial: usize, delay: Duration) -> Run {
    let stderr_path = subject.dir.path().join(format!("writer-{trial}.stderr"));
    let mut child = spawn_writer(subject, trial, &stderr_path);
    let (lines, reader) = read_lines(&mut child);
    let mut seen: Vec<String> = Vec::new();
    let started = Instant::now();
    let mut ready = false;
    let mut writer_error = None;
    while !ready {
        let left = READY_TIMEOUT.saturating_sub(started.elapsed());
        match lines.recv_timeout(left) {
            Ok(line) => {
                ready = message(&line) == Some("ready");
                seen.push(line);
            }
            Err(RecvTimeoutError::Timeout) => {
                writer_error = Some(format!(
                    "the writer did not unlock within {}s; its stderr ends with:\n{}",
                    READY_TIMEOUT.as_secs(),
                    tail(&stderr_path)
                ));
                break;
            }
            Err(RecvTimeoutError::Disconnected) => {
                // stdout closed: the writer is ending on its own.
                let status = child.wait().expect("wait for the writer");
                writer_error = Some(exited(status, &stderr_path));
                break;
            }
        }
    }
    if ready {
        std::thread::sleep(delay);
    }
    let mut killed = false;
    match child.try_wait().expect("poll the writer") {
        Some(status) => {
            writer_error.get_or_insert_with(|| exited(status, &stderr_path));
        }
        None => {
            child.kill().expect("kill the writer");
            killed = true;
            child.wait().expect("reap the writer");
        }
    }
    reader.join().expect("stdout reader");
    seen.extend(lines.try_iter());
    let _ = std::fs::remove_file(&stderr_path);
    Run {
        commits: seen
            .iter()
            .filter_map(|l| message(l).and_then(Commit::parse))
            .collect(),
        killed,
        writer_error,
    }
}

/// What a verification found: failures to record, and the temp files it cleared.
#[derive(Default)]
struct Verdict {
    failures: Vec<(FailureKind, usize, String)>,
    temp_leftovers: usize,
}

impl Verdict {
    /// Records `items` as one failure of `kind`, with a few examples.
    fn fail(&mut self, kind: FailureKind, items: &[String], what: &str) {
        if !items.is_empty() {
            self.failures.push((
                kind,
                items.len(),
                format!(
                    "{} {what}, e.g. {:?}",
                    items.len(),
                    &items[..items.len().min(5)]
                ),
            ));
        }
    }
}

/// Unlocks the vault after a kill, runs both integrity checks, then looks up every
/// reported commit (and, in backup mode, the backups).
async fn verify(subject: &mut Subject) -> Verdict {
    let mut verdict = Verdict::default();
    let vault = match unlock_after_kill(subject.dir.path()).await {
        Ok(vault) => vault,
        Err(e) => {
            verdict.failures.push((
                FailureKind::Unlock,
                1,
                format!("unlock after the kill: {e}"),
            ));
            return verdict;
        }
    };
    match check_vault(&vault, subject, &mut verdict).await {
        Err(damage) => verdict.failures.push((FailureKind::Integrity, 1, damage)),
        Ok(()) if subject.mode == Mode::Backup => {
            check_backups(&vault, subject, &mut verdict).await;
        }
        Ok(()) => {}
    }
    vault.close().await;
    verdict
}

/// Unlocks the vault the writer held. Windows may release a dead process's file lock a
/// moment after it is reaped, so "in use" is retried for a few seconds.
async fn unlock_after_kill(dir: &Path) -> Result<Vault, allia_store::StoreError> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match Vault::unlock(dir, PASSPHRASE).await {
            Err(allia_store::StoreError::VaultInUse) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

/// `Err` is damage: an integrity check failed, or the vault could not be read.
async fn check_vault(
    vault: &Vault,
    subject: &Subject,
    verdict: &mut Verdict,
) -> Result<(), String> {
    let mut conn = vault
        .open_connection()
        .await
        .map_err(|e| format!("open a connection: {e}"))?;
    let checked = match check_integrity(&mut conn).await {
        Ok(()) => check_ledger(vault, &mut conn, subject, verdict)
            .await
            .map_err(|e| format!("reading the vault: {e}")),
        Err(damage) => Err(damage),
    };
    conn.close().await.ok();
    checked
}

/// `PRAGMA quick_check` answers exactly `ok`; `PRAGMA cipher_integrity_check` no row.
async fn check_integrity(conn: &mut SqliteConnection) -> Result<(), String> {
    let quick: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| format!("PRAGMA quick_check: {e}"))?;
    if quick != ["ok"] {
        return Err(format!("PRAGMA quick_check: {quick:?}"));
    }
    let cipher = sqlx::query("PRAGMA cipher_integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| format!("PRAGMA cipher_integrity_check: {e}"))?;
    if !cipher.is_empty() {
        let rows: Vec<String> = cipher
            .iter()
            .map(|r| r.try_get::<String, _>(0).unwrap_or_default())
            .collect();
        return Err(format!("PRAGMA cipher_integrity_check: {rows:?}"));
    }
    Ok(())
}

/// Every reported commit must be there, and every transaction whole.
async fn check_ledger(
    vault: &Vault,
    conn: &mut SqliteConnection,
    subject: &Subject,
    verdict: &mut Verdict,
) -> Result<(), String> {
    let alliances: HashMap<String, String> = vault
        .store()
        .alliances()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|a| (a.id, a.draft.name))
        .collect();
    let partner_counts: HashMap<String, i64> = sqlx::query(
        "SELECT a.id, (SELECT count(*) FROM partner p WHERE p.alliance_id = a.id) FROM alliance a",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect::<Result<_, sqlx::Error>>()
    .map_err(|e| e.to_string())?;
    let documents: HashSet<String> = sqlx::query_scalar("SELECT id FROM document")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .collect();
    let versionless: Vec<String> = sqlx::query_scalar(
        "SELECT d.id FROM document d WHERE NOT EXISTS \
         (SELECT 1 FROM document_version v WHERE v.document_id = d.id)",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())?;

    let orphans: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM partner WHERE alliance_id NOT IN (SELECT id FROM alliance)) \
              + (SELECT count(*) FROM document WHERE alliance_id NOT IN (SELECT id FROM alliance))",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| e.to_string())?;

    let deleted: HashSet<&str> = subject
        .ledger
        .iter()
        .filter_map(|c| match c {
            Commit::Delete { id } | Commit::DeleteIntent { id } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let mut lost = Vec::new();
    for commit in &subject.ledger {
        let present = match commit {
            // What a delete (reported or maybe done) removed is checked by the delete.
            Commit::Alliance { id, .. }
            | Commit::Partners {
                alliance_id: id, ..
            }
            | Commit::Document {
                alliance_id: id, ..
            } if deleted.contains(id.as_str()) => true,
            Commit::Alliance { id, name } => alliances.get(id) == Some(name),
            Commit::Partners { alliance_id, count } => {
                partner_counts.get(alliance_id).copied().unwrap_or(0) >= *count
            }
            Commit::Document { id, .. } => documents.contains(id),
            Commit::Delete { id } => !alliances.contains_key(id),
            Commit::DeleteIntent { .. } => true,
            Commit::Import { alliance_id } => alliances.contains_key(alliance_id),
            // Files: see check_backups.
            Commit::Export { .. } | Commit::Automatic { .. } => true,
        };
        if !present {
            lost.push(commit.line());
        }
    }
    // Whole or nothing: a write-mode alliance has no partners or a full batch; an
    // import-mode alliance has all the file's partners; a document has its version.
    let mut torn: Vec<String> = versionless
        .into_iter()
        .map(|id| format!("document {id} without a version"))
        .collect();
    if orphans > 0 {
        torn.push(format!(
            "{orphans} partner(s) or document(s) left by a deleted alliance"
        ));
    }
    for (id, count) in &partner_counts {
        let whole = match subject.mode {
            Mode::Write => *count == 0 || *count == PARTNER_BATCH,
            Mode::Import => *count == subject.import_partners,
            Mode::Backup => *count == 0,
        };
        if !whole {
            torn.push(format!("alliance {id} with {count} partner(s)"));
        }
    }
    verdict.fail(FailureKind::Lost, &lost, "reported commit(s) missing");
    verdict.fail(FailureKind::Torn, &torn, "partial transaction(s)");
    Ok(())
}

/// Backup mode. No file under a final backup name is incomplete (temp names may be; they
/// are counted and cleared); every reported export is there; the newest reported export
/// opens with the vault's key, passes its integrity checks and holds every alliance
/// reported before it was made; the newest reported automatic backup is there.
async fn check_backups(vault: &Vault, subject: &mut Subject, verdict: &mut Verdict) {
    let mut bad = Vec::new();
    let mut lost = Vec::new();
    let extension = format!(".{}", allia_store::backup::EXTENSION);
    let automatic = vault.paths().backups();
    for folder in [&subject.exports, &automatic] {
        // backups/ appears with the first automatic backup.
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                verdict.temp_leftovers += 1;
                let _ = std::fs::remove_file(entry.path());
            } else if name.ends_with(&extension) {
                if let Err(e) = allia_store::backup::read_info(&entry.path()) {
                    bad.push(format!("{name} is not a complete backup: {e}"));
                }
            }
        }
    }
    let mut newest_export: Option<(usize, String)> = None;
    let mut newest_automatic: Option<String> = None;
    for (index, commit) in subject.ledger.iter().enumerate() {
        match commit {
            Commit::Export { file } => {
                if !subject.removed.contains(file) && !subject.exports.join(file).is_file() {
                    lost.push(commit.line());
                }
                newest_export = Some((index, file.clone()));
            }
            Commit::Automatic { file } => newest_automatic = Some(file.clone()),
            _ => {}
        }
    }
    if let Some(file) = &newest_automatic {
        if !automatic.join(file).is_file() {
            lost.push(Commit::Automatic { file: file.clone() }.line());
        }
    }
    if let Some((index, file)) = &newest_export {
        match vault
            .inspect_backup(&subject.exports.join(file), None)
            .await
        {
            Ok(summary) => {
                let names: HashSet<&String> = summary.alliances.iter().collect();
                for commit in &subject.ledger[..*index] {
                    if let Commit::Alliance { name, .. } = commit {
                        if !names.contains(name) {
                            bad.push(format!("{file} lacks alliance {name}, committed before it"));
                        }
                    }
                }
            }
            Err(e) => bad.push(format!("{file} does not open: {e}")),
        }
    }
    // Checked exports are complete files that never change again: delete all but the
    // newest so the folder, read in full at each trial, stays small.
    if bad.is_empty() && lost.is_empty() {
        let newest = newest_export.map(|(_, file)| file);
        for commit in &subject.ledger {
            if let Commit::Export { file } = commit {
                if Some(file) != newest.as_ref() && subject.removed.insert(file.clone()) {
                    let _ = std::fs::remove_file(subject.exports.join(file));
                }
            }
        }
    }
    verdict.fail(FailureKind::Lost, &lost, "reported backup(s) missing");
    verdict.fail(FailureKind::Backup, &bad, "bad backup(s)");
}

/// One trial: run the writer, kill it, verify. Failures are recorded, not raised, so the
/// report counts them all; the damaged vault is kept and replaced by a fresh one.
fn trial(
    runtime: &tokio::runtime::Runtime,
    subject: &mut Subject,
    trial: usize,
    delay_ms: u64,
    tally: &mut Tally,
    failures: &mut Vec<Failure>,
) {
    let run = run_writer(subject, trial, Duration::from_millis(delay_ms));
    tally.trials += 1;
    tally.kills += usize::from(run.killed);
    let commits = run.commits.iter().filter(|c| c.is_commit()).count();
    tally.commits_seen += commits;
    if commits == 0 {
        tally.trials_without_commit += 1;
    }
    subject.ledger.extend(run.commits);
    let mut found: Vec<(FailureKind, usize, String)> = Vec::new();
    if let Some(error) = run.writer_error {
        found.push((FailureKind::Writer, 1, error));
    }
    let verdict = runtime.block_on(verify(subject));
    tally.temp_leftovers += verdict.temp_leftovers;
    found.extend(verdict.failures);
    if found.is_empty() {
        return;
    }
    let kept = runtime.block_on(subject.replace());
    for (kind, count, detail) in found {
        match kind {
            FailureKind::Writer => tally.writer_failures += count,
            FailureKind::Unlock => tally.unlock_failures += count,
            FailureKind::Integrity => tally.integrity_failures += count,
            FailureKind::Lost => tally.lost_commits += count,
            FailureKind::Torn => tally.torn_transactions += count,
            FailureKind::Backup => tally.bad_backups += count,
        }
        failures.push(Failure {
            trial,
            mode: subject.mode,
            delay_ms,
            kind,
            detail,
            kept: Some(kept.clone()),
        });
    }
}

#[test]
fn crash_soak() {
    let kills: usize = match std::env::var("ALLIA_SOAK_KILLS") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("ALLIA_SOAK_KILLS must be a number"),
        Err(_) => DEFAULT_KILLS,
    };
    let seed = match std::env::var("ALLIA_SOAK_SEED") {
        Ok(text) => parse_seed(&text).expect("ALLIA_SOAK_SEED must be a number"),
        Err(_) => {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default();
            (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
        }
    };
    let plan = Mode::plan(kills);
    println!(
        "crash soak: seed {seed:#x} (replay with ALLIA_SOAK_SEED={seed:#x}), {kills} kills: {}",
        plan.iter()
            .map(|(m, n)| format!("{} {n}", m.name()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let started = Instant::now();
    let mut rng = SplitMix64(seed);
    let mut failures: Vec<Failure> = Vec::new();
    let mut tallies: Vec<(Mode, Tally)> = Vec::new();
    let mut number = 0;
    for (mode, count) in &plan {
        let mut tally = Tally::default();
        if *count > 0 {
            let mut subject = runtime.block_on(Subject::new(*mode));
            for _ in 0..*count {
                number += 1;
                let delay_ms = rng.between(DELAY_MS.0, DELAY_MS.1);
                trial(
                    &runtime,
                    &mut subject,
                    number,
                    delay_ms,
                    &mut tally,
                    &mut failures,
                );
            }
        }
        println!(
            "  {}: {} trials, {} commits seen, {} trials without a commit, {} temp files left",
            mode.name(),
            tally.trials,
            tally.commits_seen,
            tally.trials_without_commit,
            tally.temp_leftovers
        );
        tallies.push((*mode, tally));
    }
    let elapsed = started.elapsed();

    if let Ok(path) = std::env::var("ALLIA_SOAK_REPORT") {
        let report = report(seed, kills, &tallies, &failures, elapsed);
        let path = PathBuf::from(path);
        let path = if path.is_relative() {
            // Cargo runs tests from the package folder; a relative path means the workspace.
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(path)
        } else {
            path
        };
        std::fs::write(&path, report).expect("write the soak report");
        println!("report written to {}", path.display());
    }

    let mut total = Tally::default();
    for (_, tally) in &tallies {
        total.add(tally);
    }
    assert_eq!(total.trials, kills, "every planned trial ran");
    assert!(
        total.commits_seen > 0,
        "the writers reported no commit at all in {kills} trials: the soak tested nothing"
    );
    if !failures.is_empty() {
        let mut message = format!(
            "crash soak failed ({} failure(s), seed {seed:#x}; replay with ALLIA_SOAK_SEED={seed:#x} ALLIA_SOAK_KILLS={kills}):\n",
            failures.len()
        );
        for f in &failures {
            let _ = writeln!(
                message,
                "- trial {} ({} mode, killed {} ms after unlock), {:?}: {}{}",
                f.trial,
                f.mode.name(),
                f.delay_ms,
                f.kind,
                f.detail,
                f.kept
                    .as_ref()
                    .map(|p| format!(" [vault kept in {}]", p.display()))
                    .unwrap_or_default()
            );
        }
        panic!("{message}");
    }
}

/// The operating system's name as people know it ("Debian GNU/Linux 12 (bookworm)").
fn os_name() -> String {
    let pretty = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_owned())
        });
    match pretty {
        Some(name) => format!(
            "{name}, {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH
        ),
        None => format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
    }
}

fn report(
    seed: u64,
    kills: usize,
    tallies: &[(Mode, Tally)],
    failures: &[Failure],
    elapsed: Duration,
) -> String {
    let command = std::env::var("ALLIA_SOAK_COMMAND").unwrap_or_else(|_| {
        format!(
            "ALLIA_SOAK_KILLS={kills} ALLIA_SOAK_REPORT={} cargo test -p allia-store --test crash_soak",
            std::env::var("ALLIA_SOAK_REPORT").unwrap_or_default()
        )
    });
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get().to_string())
        .unwrap_or_else(|_| "?".into());
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let mut total = Tally::default();
    for (_, tally) in tallies {
        total.add(tally);
    }
    let mut out = String::new();
    let _ = writeln!(out, "# Reliability: crash soak\n");
    let _ = writeln!(
        out,
        "A writer process commits transactions in a loop on a real encrypted vault (SQLCipher \
         through sqlx, WAL journal) and is killed with SIGKILL at a random moment, {}–{} ms \
         after it has unlocked the vault. After each kill the vault is unlocked again, \
         `PRAGMA quick_check` must answer `ok`, `PRAGMA cipher_integrity_check` must return no \
         row, and every transaction the writer reported committed (it prints a line only once \
         the commit has returned) must be there, whole. The same vault is reused from one kill \
         to the next within a mode, so each trial also starts from a vault that was just \
         crashed and recovered.\n",
        DELAY_MS.0, DELAY_MS.1
    );
    let _ = writeln!(out, "Modes:\n");
    let _ = writeln!(
        out,
        "- **write**: an alliance (one statement), then {PARTNER_BATCH} partners with a few \
         hundred bytes of text each (one transaction), then a document and its first version \
         (one transaction), then the deletion of the alliance made {LIVE_ALLIANCES} rounds \
         earlier with its partners and documents (cascade), again and again;"
    );
    let _ = writeln!(
        out,
        "- **import**: the demo alliance's file (exported once) imported again and again, \
         each import an alliance and all its partners in one transaction;"
    );
    let _ = writeln!(
        out,
        "- **backup**: an alliance, then `Vault::backup_to` into a folder (« Sauvegarder \
         vers… »), and every {} ms at most an automatic backup with pruning \
         (`Vault::backup_now`; spaced so that no second holds more than the 10 backups \
         pruning keeps). After each kill, every file under a backup's final name must be \
         complete (`backup::read_info`: size and SHA-256), every reported backup must be \
         there (for automatic ones, the newest), the newest reported `backup_to` file must \
         open and pass its checks (`Vault::inspect_backup`) and hold every alliance reported \
         before it. Temp files (`.<name>.<random>.tmp`) may be partial: they are counted \
         and removed.\n",
        AUTOMATIC_INTERVAL.as_millis()
    );
    let _ = writeln!(
        out,
        "What this covers: a process killed outright (force-quit, crash, out-of-memory kill), \
         the operating system staying up, so what the process handed to it is kept. What it \
         does not: a power cut or an operating-system crash (with the WAL journal and \
         `synchronous = NORMAL`, the last transactions before one may be lost, the database \
         staying consistent, as SQLite documents), and kills during unlock, migrations or a \
         restore (kills land after the writer has unlocked).\n"
    );
    let _ = writeln!(
        out,
        "Re-run: `cargo xtask soak` (100 kills, this file rewritten). Every `cargo test` runs \
         the same test with 10 kills (6 write, 2 import, 2 backup) and fails on any finding; \
         `ALLIA_SOAK_KILLS`, `ALLIA_SOAK_SEED` and `ALLIA_SOAK_REPORT` change the count, \
         replay a run and write this report.\n"
    );
    let _ = writeln!(out, "## Last run\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Date | {} |",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC")
    );
    let _ = writeln!(out, "| Machine | {cpus} CPUs (nproc), {} |", os_name());
    let _ = writeln!(out, "| Build | {build} |");
    let _ = writeln!(out, "| Command | `{command}` |");
    let _ = writeln!(
        out,
        "| Seed | `{seed:#x}` (replay: `ALLIA_SOAK_SEED={seed:#x}`) |"
    );
    let _ = writeln!(out, "| Duration | {:.0} s |", elapsed.as_secs_f64());
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| Mode | Trials | Kills | Commits seen | Trials with no commit | Writer failures | Unlock failures | Integrity failures (corruptions) | Lost commits | Partial transactions | Bad backups | Temp files left |"
    );
    let _ = writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    let row = |out: &mut String, name: &str, t: &Tally| {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            t.trials,
            t.kills,
            t.commits_seen,
            t.trials_without_commit,
            t.writer_failures,
            t.unlock_failures,
            t.integrity_failures,
            t.lost_commits,
            t.torn_transactions,
            t.bad_backups,
            t.temp_leftovers
        );
    };
    for (mode, tally) in tallies {
        row(&mut out, mode.name(), tally);
    }
    row(&mut out, "**total**", &total);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Result: **{} corruptions, {} lost commits**, {} partial transactions, {} bad backups, \
         {} unlock failures in {} kills.",
        total.integrity_failures,
        total.lost_commits,
        total.torn_transactions,
        total.bad_backups,
        total.unlock_failures,
        total.kills
    );
    if !failures.is_empty() {
        let _ = writeln!(out, "\nFailures:\n");
        for f in failures {
            let _ = writeln!(
                out,
                "- trial {} ({} mode, killed {} ms after unlock), {:?}: {}",
                f.trial,
                f.mode.name(),
                f.delay_ms,
                f.kind,
                f.detail.replace('\n', " / ")
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The checks themselves, shown to catch what they are for
// ---------------------------------------------------------------------------------------

#[test]
fn every_commit_line_reads_back() {
    let commits = [
        Commit::Alliance {
            id: "a1".into(),
            name: "soak-t1-n0".into(),
        },
        Commit::Partners {
            alliance_id: "a1".into(),
            count: PARTNER_BATCH,
        },
        Commit::Document {
            id: "d1".into(),
            alliance_id: "a1".into(),
        },
        Commit::DeleteIntent { id: "a1".into() },
        Commit::Delete { id: "a1".into() },
        Commit::Import {
            alliance_id: "a2".into(),
        },
        Commit::Export {
            file: "soak-t1-n0.allia-sauvegarde".into(),
        },
        Commit::Automatic {
            file: "allia-20261130-120000-manuelle.allia-sauvegarde".into(),
        },
    ];
    for commit in commits {
        // As it arrives: after libtest's `test writer_process ... ` on the first line.
        let line = format!("test writer_process ... {MARKER}{}", commit.line());
        assert_eq!(message(&line).and_then(Commit::parse), Some(commit));
    }
    assert_eq!(message("running 1 test"), None);
}

#[test]
fn verification_reports_a_commit_that_is_not_there() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut subject = runtime.block_on(Subject::new(Mode::Write));
    subject.ledger.push(Commit::Alliance {
        id: "absente".into(),
        name: "soak-t0-n0".into(),
    });
    let verdict = runtime.block_on(verify(&mut subject));
    let kinds: Vec<FailureKind> = verdict.failures.iter().map(|f| f.0).collect();
    assert_eq!(kinds, [FailureKind::Lost], "{:?}", verdict.failures);
}

#[test]
fn verification_reports_a_half_written_backup_and_tolerates_temp_files() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut subject = runtime.block_on(Subject::new(Mode::Backup));
    let name = format!("soak-t0-n0.{}", allia_store::backup::EXTENSION);
    std::fs::write(subject.exports.join(&name), b"ALLIA-SAUVEGARDE\x10\0").expect("write");
    std::fs::write(subject.exports.join(".x.1234.tmp"), b"partial").expect("write");
    let verdict = runtime.block_on(verify(&mut subject));
    let kinds: Vec<FailureKind> = verdict.failures.iter().map(|f| f.0).collect();
    assert_eq!(kinds, [FailureKind::Backup], "{:?}", verdict.failures);
    assert!(
        verdict.failures[0].2.contains(&name),
        "{:?}",
        verdict.failures
    );
    assert_eq!(verdict.temp_leftovers, 1);
    assert!(
        !subject.exports.join(".x.1234.tmp").exists(),
        "temp files are cleared"
    );
}

#[test]
fn verification_reports_a_damaged_page() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut subject = runtime.block_on(Subject::new(Mode::Write));
    runtime.block_on(async {
        let vault = Vault::unlock(subject.dir.path(), PASSPHRASE)
            .await
            .expect("unlock");
        for n in 0..20 {
            vault
                .store()
                .create_alliance(&AllianceDraft {
                    name: format!("Alliance {n}"),
                    purpose: Some("Mutualiser des locaux. ".repeat(40)),
                    ..Default::default()
                })
                .await
                .expect("write");
        }
        vault.close().await;
    });
    let db = subject.dir.path().join("allia.vault");
    let mut bytes = std::fs::read(&db).expect("read");
    assert!(bytes.len() > 3 * 4096, "several pages");
    bytes[2 * 4096 + 100] ^= 0x5a;
    std::fs::write(&db, bytes).expect("write");
    let verdict = runtime.block_on(verify(&mut subject));
    let kinds: Vec<FailureKind> = verdict.failures.iter().map(|f| f.0).collect();
    // The vault's own check at unlock may see it first.
    assert!(
        kinds == [FailureKind::Integrity] || kinds == [FailureKind::Unlock],
        "{:?}",
        verdict.failures
    );
}

#[test]
fn verification_allows_an_unreported_delete_and_catches_an_undone_one() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut subject = runtime.block_on(Subject::new(Mode::Write));
    let ids: Vec<String> = runtime.block_on(async {
        let vault = Vault::unlock(subject.dir.path(), PASSPHRASE)
            .await
            .expect("unlock");
        let mut ids = Vec::new();
        for name in ["soak-t0-n0", "soak-t0-n1"] {
            let alliance = vault
                .store()
                .create_alliance(&AllianceDraft {
                    name: name.into(),
                    ..Default::default()
                })
                .await
                .expect("write");
            ids.push(alliance.id);
        }
        // Deleted, but killed before saying so: only the intent reached the parent.
        vault
            .store()
            .delete_alliance(&ids[0])
            .await
            .expect("delete");
        vault.close().await;
        ids
    });
    for (id, name) in ids.iter().zip(["soak-t0-n0", "soak-t0-n1"]) {
        subject.ledger.push(Commit::Alliance {
            id: id.clone(),
            name: name.into(),
        });
    }
    subject
        .ledger
        .push(Commit::DeleteIntent { id: ids[0].clone() });
    // Reported deleted, yet still there: a lost commit.
    subject.ledger.push(Commit::Delete { id: ids[1].clone() });
    let verdict = runtime.block_on(verify(&mut subject));
    assert_eq!(verdict.failures.len(), 1, "{:?}", verdict.failures);
    let (kind, count, detail) = &verdict.failures[0];
    assert_eq!((*kind, *count), (FailureKind::Lost, 1));
    assert!(
        detail.contains(&format!("committed delete {}", ids[1])),
        "{detail}"
    );
}
