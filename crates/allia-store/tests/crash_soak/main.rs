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
//!
//! Layout: `protocol` (modes and the commit lines the writer prints), `writer` (the
//! child's loop), `parent` (the soaked vault, spawning and killing the writer, one
//! trial), `verify` (the checks after a kill), `report` (the Markdown report); the
//! tests are here.

mod parent;
mod protocol;
mod report;
mod verify;
mod writer;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use allia_core::AllianceDraft;
use allia_store::Vault;

use parent::{parse_seed, trial, Failure, SplitMix64, Subject, Tally};
use protocol::{message, Commit, Mode};
use report::report;
use verify::{verify, FailureKind};
use writer::write_until_killed;

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
