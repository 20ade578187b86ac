//! The parent's side of a trial: the soaked vault, starting and killing the writer, the tallies.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use allia_store::{KdfParams, Vault};

use crate::protocol::{message, Commit, Mode};
use crate::verify::{verify, FailureKind};
use crate::{
    DIR_VAR, EXPORTS_VAR, FILE_VAR, MODE_VAR, PASSPHRASE, READY_TIMEOUT, ROLE_VAR, TRIAL_VAR,
    WRITER_TEST,
};

/// A small seeded PRNG (SplitMix64): the same seed replays the same delays.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

pub fn parse_seed(text: &str) -> Option<u64> {
    let text = text.trim();
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}
pub struct Failure {
    pub trial: usize,
    pub mode: Mode,
    pub delay_ms: u64,
    pub kind: FailureKind,
    pub detail: String,
    /// The damaged vault's folder, kept for investigation.
    pub kept: Option<PathBuf>,
}

/// Figures for one mode.
#[derive(Default, Clone)]
pub struct Tally {
    pub trials: usize,
    pub kills: usize,
    pub commits_seen: usize,
    pub trials_without_commit: usize,
    pub writer_failures: usize,
    pub unlock_failures: usize,
    pub integrity_failures: usize,
    pub lost_commits: usize,
    pub torn_transactions: usize,
    pub bad_backups: usize,
    /// Temp files (`.<name>.<random>.tmp`) a killed backup left behind: allowed, counted.
    pub temp_leftovers: usize,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
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
pub struct Subject {
    pub mode: Mode,
    pub dir: tempfile::TempDir,
    /// The alliance file the import mode imports.
    pub import_file: PathBuf,
    /// Partners in that file: every alliance of the import vault has exactly this many.
    pub import_partners: i64,
    /// Backup mode: the folder `backup_to` writes into.
    pub exports: PathBuf,
    pub ledger: Vec<Commit>,
    /// Exported backups already checked and deleted (keeps the folder small).
    pub removed: HashSet<String>,
}

impl Subject {
    pub async fn new(mode: Mode) -> Subject {
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
    pub async fn replace(&mut self) -> PathBuf {
        let fresh = Subject::new(self.mode).await;
        let old = std::mem::replace(self, fresh);
        old.dir.keep()
    }
}

/// One child run, from spawn to kill.
pub struct Run {
    pub commits: Vec<Commit>,
    pub killed: bool,
    /// Set when the writer failed on its own (no kill needed).
    pub writer_error: Option<String>,
}

pub fn spawn_writer(subject: &Subject, trial: usize, stderr_path: &Path) -> Child {
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
pub fn read_lines(child: &mut Child) -> (Receiver<String>, JoinHandle<()>) {
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

pub fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

pub fn exited(status: ExitStatus, stderr_path: &Path) -> String {
    format!(
        "the writer exited by itself ({status}); its stderr ends with:\n{}",
        tail(stderr_path)
    )
}

/// Starts the writer, lets it commit for `delay` once it has unlocked, then kills it.
pub fn run_writer(subject: &Subject, trial: usize, delay: Duration) -> Run {
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

/// One trial: run the writer, kill it, verify. Failures are recorded, not raised, so the
/// report counts them all; the damaged vault is kept and replaced by a fresh one.
pub fn trial(
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
