//! `kata`: a judge and kata runner. A submission travels
//! kata file → harness → compile → run (sandboxed) → check → verdict → report.

pub mod cache;
pub mod check;
pub mod cli;
pub mod commands;
pub mod compile;
pub mod error;
pub mod harness;
pub mod judge;
pub mod kata;
pub mod progress;
pub mod report;
pub mod run;
pub mod sandbox;
pub mod signature;
pub mod source_policy;
pub mod sys;
pub mod toolchain;
pub mod ui;
pub mod value;
pub mod verdict;
pub mod workspace;

use clap::Parser;
use std::ffi::OsString;
use std::process::ExitCode;

/// Runs the command line and returns the process exit status.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version exit 0; a bad flag exits 2, as the contract says.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let ui = ui::Ui::new(cli.color.decide());
    match commands::run(cli, &ui) {
        Ok(code) => code,
        Err(e) => {
            ui.err(&format!("kata: {e}"));
            ExitCode::from(e.exit_code())
        }
    }
}
