//! The `kata` binary: a thin shell over the library that maps its result to an exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The sandbox launcher re-executes this binary; dispatch before any flag parsing so
    // that starting a test costs as little as possible.
    if args
        .get(1)
        .is_some_and(|a| a == kata::sandbox::LAUNCHER_ARG)
    {
        kata::sandbox::launcher_main(&args[2..]);
    }
    kata::main(args)
}
