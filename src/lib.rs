//! `kata`: a judge and kata runner. A submission travels
//! kata file → harness → compile → run (sandboxed) → check → verdict → report.

pub mod sandbox;

use std::ffi::OsString;
use std::process::ExitCode;

/// Runs the command line and returns the process exit status.
pub fn main(_args: Vec<OsString>) -> ExitCode {
    ExitCode::SUCCESS
}
