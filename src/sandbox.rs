//! The sandbox: runs the compiler and the learner's program under least privilege.
//!
//! The judge re-executes its own binary as a small launcher (`kata __sandbox ...`) that sets
//! the guards (process group, parent-death signal, rlimits, Landlock, seccomp last) and then
//! `exec`s the target program.

use std::ffi::OsString;
use std::os::fd::RawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::time::Duration;

/// First argument that turns the `kata` binary into the sandbox launcher.
pub const LAUNCHER_ARG: &str = "__sandbox";

/// Exit status of the launcher when it could not set a guard up (the message is on stderr,
/// prefixed by [`LAUNCH_FAILED_PREFIX`]).
pub const LAUNCH_FAILED: i32 = 125;
pub const LAUNCH_FAILED_PREFIX: &str = "kata sandbox:";

/// What the sandboxed process is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// The compiler and linker: may create processes (rustc runs `cc`), may not use the network.
    Compile,
    /// The learner's program: no new processes, no network.
    Run,
}

/// The limits and file rules of one sandboxed process.
#[derive(Debug, Clone)]
pub struct Policy {
    pub profile: Profile,
    /// Paths readable (and executable), recursively.
    pub read: Vec<PathBuf>,
    /// Paths readable and writable, recursively.
    pub write: Vec<PathBuf>,
    /// Data-segment limit in bytes (RLIMIT_DATA).
    pub memory: Option<u64>,
    /// CPU-time limit (RLIMIT_CPU), a backstop to the judge's own clock.
    pub cpu: Option<Duration>,
    /// Largest file the process may write (RLIMIT_FSIZE).
    pub file_size: u64,
    /// Stack size for the main thread (RLIMIT_STACK).
    pub stack: Option<u64>,
}

impl Policy {
    /// A command that runs `program args` under this policy.
    /// `fd3`, when given, is the descriptor that appears as fd 3 in the child.
    pub fn command(&self, program: &Path, args: &[OsString], fd3: Option<RawFd>) -> Command {
        let mut cmd = Command::new(program);
        cmd.args(args).process_group(0);
        if let Some(fd) = fd3 {
            // SAFETY: dup2 is async-signal-safe and touches only the child's descriptor table.
            unsafe {
                cmd.pre_exec(move || {
                    if libc::dup2(fd, 3) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        cmd
    }
}

/// The launcher's entry point: `args` are those after [`LAUNCHER_ARG`]. Never returns.
pub fn launcher_main(args: &[OsString]) -> ! {
    // Placeholder launcher: runs the program after `--` without guards.
    let pos = args.iter().position(|a| a == "--").map_or(0, |p| p + 1);
    let err = Command::new(&args[pos]).args(&args[pos + 1..]).exec();
    eprintln!("{LAUNCH_FAILED_PREFIX} cannot run {:?}: {err}", args[pos]);
    #[allow(clippy::exit)]
    std::process::exit(LAUNCH_FAILED)
}

/// One guard of the sandbox and whether this machine provides it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Guard {
    pub name: &'static str,
    pub provided: bool,
    /// Required guards missing make `kata doctor` exit 3 and `submit` refuse to run.
    pub required: bool,
    pub detail: String,
}

/// Probes this machine for every guard.
pub fn guards() -> Vec<Guard> {
    Vec::new()
}

/// Paths the compiler, linker and dynamic loader need to read.
pub fn system_read_paths() -> Vec<PathBuf> {
    [
        "/usr",
        "/lib",
        "/lib64",
        "/bin",
        "/etc/ld.so.cache",
        "/etc/alternatives",
    ]
    .iter()
    .map(PathBuf::from)
    .filter(|p| p.exists())
    .collect()
}

/// Paths a solution needs to read to start (the dynamic loader and libc).
pub fn runtime_read_paths() -> Vec<PathBuf> {
    ["/lib", "/lib64", "/usr/lib", "/etc/ld.so.cache"]
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.exists())
        .collect()
}

/// The launcher's cause when it could not set the sandbox up.
pub fn launch_failure(status: ExitStatus, stderr: &str) -> Option<String> {
    if status.code() != Some(LAUNCH_FAILED) {
        return None;
    }
    stderr
        .lines()
        .find(|l| l.starts_with(LAUNCH_FAILED_PREFIX))
        .map(str::to_string)
}

/// One line per guard this machine does not provide.
pub fn missing_guard_warnings() -> Vec<String> {
    guards()
        .into_iter()
        .filter(|g| !g.provided)
        .map(|g| format!("sandbox guard not available: {} ({})", g.name, g.detail))
        .collect()
}
