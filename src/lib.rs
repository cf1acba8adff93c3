//! `kata`: a judge and kata runner. A submission travels
//! kata file → harness → compile → run (sandboxed) → verdict → report, in that order, under
//! the conductor [`judge`]; [`commands`] are its front ends.

pub mod cache;
pub mod check;
pub mod cli;
pub mod clock;
pub mod color;
pub mod commands;
pub mod compile;
pub mod editor;
pub mod error;
pub mod generate;
pub mod grade;
pub mod harness;
pub mod interview;
pub mod judge;
pub mod kata;
pub mod linker;
pub mod markdown;
pub mod prepare;
pub mod progress;
pub mod report;
pub mod review;
pub mod run;
// The sandbox calls what the standard library lacks (fork, unshare, Landlock, seccomp,
// setrlimit), and `sys` wraps the few other Linux calls the judge needs: the only `unsafe`
// code of the judge, each block with its `SAFETY:` line.
#[allow(unsafe_code)]
pub mod sandbox;
pub mod schedule;
pub mod signature;
pub mod source_policy;
pub mod stress;
#[allow(unsafe_code)]
pub mod sys;
pub mod toolchain;
pub mod ui;
pub mod value;
pub mod verdict;
pub mod workspace;

use clap::Parser;
use error::{Error, Result, Status};
use std::ffi::OsString;
use std::process::ExitCode;

/// Runs the command line and returns the process exit status.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version are a success; a bad flag is bad input.
            return exit_status(&if e.use_stderr() {
                Err(Error::Usage)
            } else {
                Ok(Status::Success)
            });
        }
    };
    let ui = ui::Ui::new(cli.color.decide());
    let result = commands::run(cli, &ui);
    if let Err(e) = &result {
        if !matches!(e, Error::Usage | Error::BrokenPipe) {
            ui.err(&format!("kata: {e}"));
        }
    }
    exit_status(&result)
}

/// The one mapping from how a command ended to the exit status of the contract.
fn exit_status(result: &Result<Status>) -> ExitCode {
    ExitCode::from(match result {
        Ok(Status::Success) => 0,
        Ok(Status::Rejected) => 1,
        Err(Error::Input(_) | Error::Located { .. } | Error::Usage) => 2,
        Err(Error::Environment(_)) => 3,
        // The reader of stdout stopped reading: a quiet end, as with any Unix filter.
        Err(Error::BrokenPipe) => 0,
    })
}
