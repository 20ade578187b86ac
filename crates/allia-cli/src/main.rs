//! `allia`: Allia on the command line, for scripts, tests and power users. It has no
//! logic of its own: every rule lives in the crates the app uses.

mod args;
mod commands;
mod encrypted;
mod error;
mod import_command;
mod measurements_command;
mod render_command;
mod render_diagnostic;
mod render_dossier;
mod render_evaluation;
mod secret;
mod vault_commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(e) => return args::report_usage_error(e),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("allia : impossible de démarrer ({e}).");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("allia : {e}");
            ExitCode::FAILURE
        }
    }
}
