//! The Markdown report of a run (docs/reliability.md with `cargo xtask soak`).

use std::fmt::Write as _;
use std::time::Duration;

use crate::parent::{Failure, Tally};
use crate::protocol::Mode;
use crate::{AUTOMATIC_INTERVAL, DELAY_MS, LIVE_ALLIANCES, PARTNER_BATCH};

/// The operating system's name as people know it ("Debian GNU/Linux 12 (bookworm)").
pub fn os_name() -> String {
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

pub fn report(
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
