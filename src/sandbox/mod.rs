//! The sandbox: runs the compiler and the learner's program under least privilege. Learner
//! code is assumed to make any system call with any arguments (safe Rust has soundness
//! holes), so only the kernel's guards count:
//!
//! - `policy`: what one process may do, and the launcher's command line that carries it;
//! - `launcher`: the re-executed `kata __sandbox` that sets the guards up, in order, and execs;
//! - `seccomp`: the allowlists of system calls, one table per profile;
//! - `landlock`: the files each process may open;
//! - `namespaces`: network, IPC and mount namespaces, made once and joined by every process;
//! - `identity`: no privilege (an unprivileged uid for programs, no capabilities for anyone);
//! - `cgroup`: memory and task limits that count what the kernel holds for the program;
//! - `probe`: what this machine provides, for `kata doctor`.

mod cgroup;
mod identity;
mod landlock;
mod launcher;
mod namespaces;
mod policy;
mod probe;
mod seccomp;

pub use cgroup::Slot;
pub use identity::{SANDBOX_GID, SANDBOX_UID};
pub use launcher::{launcher_main, LAUNCH_FAILED, LAUNCH_FAILED_PREFIX};
pub use policy::{
    runtime_read_paths, system_read_paths, without, Policy, Profile, RUNS_LIBRARY_DIR,
};
pub use probe::{guards, missing_guard_warnings, Guard};
pub use seccomp::{table as allowlist, Entry as AllowedCall};

use policy::Launch;
use std::ffi::OsString;
use std::io::Write;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

/// First argument that turns the `kata` binary into the sandbox launcher.
pub const LAUNCHER_ARG: &str = "__sandbox";

/// A random token of this judge process, handed to every launcher it starts: the launcher
/// signs its failure line with it, and the program it execs never sees it (exec replaces the
/// launcher's arguments), so a program cannot fake a broken sandbox to escape its verdict.
fn launch_token() -> &'static str {
    static TOKEN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TOKEN.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        let a = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let b = std::collections::hash_map::RandomState::new().hash_one(a);
        format!("{a:016x}{b:016x}")
    })
}

/// The `kata` binary itself; `/proc/self/exe` still works when the file was replaced on disk.
fn launcher_path() -> PathBuf {
    std::env::current_exe().unwrap_or_else(|_| PathBuf::from("/proc/self/exe"))
}

/// The namespaces of this judge (made on first use), whose holder also removes the cgroups.
fn judge_namespaces() -> &'static namespaces::Namespaces {
    namespaces_with(&launcher_path())
}

/// The same, with the holder started from `launcher` (the `kata` binary) if none runs yet.
fn namespaces_with(launcher: &Path) -> &'static namespaces::Namespaces {
    namespaces::get(launcher, &holder_cleanup())
}

/// What the holder removes at the end: the judge's cgroups.
fn holder_cleanup() -> Vec<PathBuf> {
    cgroup::get()
        .as_ref()
        .map(|c| c.roots())
        .unwrap_or_default()
}

/// Starts making the judge's namespaces, if they are not made yet, without waiting: the
/// holder sets them up while the judge goes on (see [`Policy::early_command`]).
pub fn start_namespaces() {
    namespaces::start(&launcher_path(), &holder_cleanup());
}

/// The go-ahead of a launcher that waits for it (see [`Policy::waiting_command`] and
/// [`Policy::early_command`]): a pipe, whose far end the launcher reads.
pub struct GoAhead {
    go: OwnedFd,
    /// The launcher's end, kept open until it is spawned.
    wait: Option<OwnedFd>,
    /// For a launcher started before the namespaces were made: its profile, whose
    /// namespaces the go-ahead names.
    joins: Option<Profile>,
}

impl GoAhead {
    /// A new pipe, and the launcher's end (which survives its exec).
    fn new(joins: Option<Profile>) -> std::io::Result<(GoAhead, RawFd)> {
        let (wait, go) = crate::sys::pipe()?;
        let raw = wait.as_raw_fd();
        inherited(raw);
        let ahead = GoAhead {
            go,
            wait: Some(wait),
            joins,
        };
        Ok((ahead, raw))
    }

    /// Once the launcher is spawned: the judge's copy of its end goes.
    pub fn spawned(&mut self) {
        self.wait = None;
    }

    /// Lets the launcher go on; one that is to be told which namespaces to join is told once
    /// they are made (none, when there is no holder). A launcher that hears nothing (the judge
    /// dropped this) gives up.
    pub fn give(mut self) {
        self.spawned();
        let named = self.joins.and_then(|profile| {
            let ns = judge_namespaces();
            ns.holder.map(|pid| (pid, joined_flags(ns.flags, profile)))
        });
        let message = match named {
            Some((pid, flags)) => policy::go_with_namespaces(pid, flags),
            None => policy::GO.to_vec(),
        };
        let _ = std::fs::File::from(self.go).write_all(&message);
    }
}

/// When a launcher learns which namespaces to join.
#[derive(Clone, Copy)]
enum Joined {
    /// On its command line: the judge waits for them first.
    Now,
    /// At the go-ahead.
    Later,
    /// Never.
    None,
}

/// The holder's namespaces (`flags`) that a `profile` joins.
fn joined_flags(flags: libc::c_int, profile: Profile) -> libc::c_int {
    match profile {
        Profile::Run | Profile::Serve => flags,
        // The compiler needs the judge's view of the files (Landlock confines it).
        Profile::Compile => flags & !libc::CLONE_NEWNS,
    }
}

/// The run's seccomp filters, made ahead with stand-ins for the pid (see
/// `harness::protocol::SERVE_ENV`): what a test server's test processes install.
pub fn run_filters() -> &'static str {
    seccomp::prepared(Profile::Run)
}

/// Makes the shared library `lib` (a real path) loadable by every run from now on: readable
/// under Landlock, and bound into the runs' mount namespace in [`RUNS_LIBRARY_DIR`]. Whether
/// runs can load it: not when the runs' libraries were fixed before (the namespaces were
/// made first), nor when a judge running as root, whose programs run as [`SANDBOX_UID`], has
/// no mount namespace to show it in and other users may not reach it where it is (a
/// toolchain under `/root`).
pub fn expose_runtime_library(lib: &Path, own_root: impl FnOnce() -> bool) -> bool {
    if policy::set_runtime_libraries(vec![lib.to_path_buf()]).is_err() {
        return false;
    }
    if !identity::euid_is_root() {
        return true;
    }
    use std::os::unix::fs::PermissionsExt;
    let others = |path: &Path, bit: u32| {
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & bit != 0)
    };
    // In the mount namespace the folders above it are the holder's, which any uid may search.
    others(lib, 0o004) && (own_root() || lib.ancestors().skip(1).all(|dir| others(dir, 0o001)))
}

/// Whether runs get a mount namespace of their own (the sandbox's minimal root) on this
/// machine; finding out starts the namespaces' holder.
pub fn runs_have_own_root() -> bool {
    judge_namespaces().flags & libc::CLONE_NEWNS != 0
}

/// A cgroup for one run limited to `memory` bytes, where this machine lets the judge make
/// one (see `kata doctor`); `None` otherwise, and RLIMIT_DATA and RLIMIT_AS remain.
pub fn memory_slot(memory: u64) -> Option<Slot> {
    cgroup::get().as_ref().ok()?.slot(memory).ok()
}

/// The address-space bound of a run with `memory` bytes of data: page tables stay under a
/// 512th of it (see `launcher::set_rlimits`).
pub fn address_space(memory: u64) -> u64 {
    memory.saturating_mul(4).saturating_add(2 << 30)
}

impl Policy {
    /// A command that runs `program args` under this policy, launched by this very binary.
    ///
    /// `fd3`, when given (e.g. the write end of a socket pair), becomes descriptor 3 of the
    /// program; the caller keeps it open until the command is spawned. Every other descriptor
    /// above 2 is closed. The child leads its own process group (kill it with `killpg`) and
    /// receives SIGKILL when the *thread* that spawned it exits (see `PR_SET_PDEATHSIG`), so
    /// spawn from a thread that outlives the child. The caller sets the environment and the
    /// standard streams.
    pub fn command(&self, program: &Path, args: &[OsString], fd3: Option<RawFd>) -> Command {
        self.command_with_launcher(&launcher_path(), program, args, fd3, true)
    }

    /// Like [`Policy::command`] for a program that does not exist yet (it is compiling): the
    /// launcher sets up what takes time and needs no program (its cgroups: joining one waits
    /// for the kernel's grace period, milliseconds), then waits for the go-ahead before it
    /// opens the program and sets up the rest. Dropping the go-ahead ends it.
    pub fn waiting_command(
        &self,
        program: &Path,
        args: &[OsString],
        fd3: Option<RawFd>,
    ) -> std::io::Result<(Command, GoAhead)> {
        let (ahead, wait) = GoAhead::new(None)?;
        let cmd = self.launch_command(
            &launcher_path(),
            program,
            args,
            fd3,
            Joined::Now,
            Some(wait),
        );
        Ok((cmd, ahead))
    }

    /// Like [`Policy::command`], but when the judge's namespaces are not made yet, the
    /// launcher does not wait for them to start: it starts (an `exec` of the judge, a
    /// millisecond or two) while they are made, and waits before it joins them for the
    /// go-ahead, which the caller must give once the command is spawned.
    pub fn early_command(
        &self,
        program: &Path,
        args: &[OsString],
        fd3: Option<RawFd>,
    ) -> std::io::Result<(Command, Option<GoAhead>)> {
        if namespaces::known().is_some() {
            return Ok((self.command(program, args, fd3), None));
        }
        start_namespaces();
        let (ahead, wait) = GoAhead::new(Some(self.profile))?;
        let cmd = self.launch_command(
            &launcher_path(),
            program,
            args,
            fd3,
            Joined::Later,
            Some(wait),
        );
        Ok((cmd, Some(ahead)))
    }

    /// Like [`Policy::command`] with an explicit launcher: the `kata` binary, for callers (such
    /// as integration tests) whose own executable is not `kata`. Without `namespaces`, the
    /// process joins none (for a launcher that will run as another user than the caller's
    /// namespace holder).
    pub fn command_with_launcher(
        &self,
        launcher: &Path,
        program: &Path,
        args: &[OsString],
        fd3: Option<RawFd>,
        namespaces: bool,
    ) -> Command {
        let joined = match namespaces {
            true => Joined::Now,
            false => Joined::None,
        };
        self.launch_command(launcher, program, args, fd3, joined, None)
    }

    fn launch_command(
        &self,
        launcher: &Path,
        program: &Path,
        args: &[OsString],
        fd3: Option<RawFd>,
        namespaces: Joined,
        wait: Option<RawFd>,
    ) -> Command {
        let namespaces = match namespaces {
            // `Later`: told at the go-ahead (see `GoAhead`).
            Joined::Later | Joined::None => None,
            Joined::Now => {
                let ns = namespaces_with(launcher);
                ns.holder
                    .map(|pid| (pid, joined_flags(ns.flags, self.profile)))
            }
        };
        let launch = Launch {
            policy: self.clone(),
            parent: std::process::id(),
            fd3,
            wait,
            namespaces,
            address_space: match self.profile {
                Profile::Run | Profile::Serve => self.memory.map(address_space),
                Profile::Compile => None,
            },
            seccomp: Some(seccomp::prepared(self.profile).to_string()),
            program: program.to_path_buf(),
            args: args.to_vec(),
        };
        let mut cmd = Command::new(launcher);
        cmd.arg(LAUNCHER_ARG)
            .args(launch.encode(launch_token()))
            .arg("--")
            .arg(program)
            .args(args);
        // Its own group, so that the judge can kill the launcher and every descendant at once;
        // seccomp then denies setsid/setpgid, so nothing can leave the group.
        cmd.process_group(0);
        if let Some(raw) = fd3 {
            // The launcher moves the descriptor to 3 itself, so no `pre_exec` hook is needed and
            // std can start the launcher with posix_spawn (a vfork) instead of a fork of the
            // whole judge.
            inherited(raw);
        }
        cmd
    }
}

/// Lets descriptor `fd` survive exec, for a launcher to take: other children started
/// meanwhile inherit it too, and their launchers close it with everything above 2 or 3.
fn inherited(fd: RawFd) {
    // SAFETY: fcntl on a descriptor number; no memory is passed.
    unsafe {
        libc::fcntl(fd, libc::F_SETFD, 0);
    }
}

use std::os::unix::process::CommandExt;

/// The launcher's one-line cause when it could not set the sandbox up, told apart from a
/// program that exits with the same status and prints the same words by this judge's token,
/// which only the launcher knows.
pub fn launch_failure(status: ExitStatus, stderr: &str) -> Option<String> {
    if status.code() != Some(LAUNCH_FAILED) {
        return None;
    }
    let signed = format!("{LAUNCH_FAILED_PREFIX} ({}) ", launch_token());
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(&signed))
        .map(|cause| format!("{LAUNCH_FAILED_PREFIX} {cause}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_failures_are_told_apart_from_programs_exiting_125() {
        use std::os::unix::process::ExitStatusExt;
        let exited = |code: i32| ExitStatus::from_raw(code << 8);
        let line = format!("{LAUNCH_FAILED_PREFIX} ({}) landlock: oops", launch_token());
        let stderr = format!("noise\n{line}\n");
        assert_eq!(
            launch_failure(exited(LAUNCH_FAILED), &stderr),
            Some(format!("{LAUNCH_FAILED_PREFIX} landlock: oops"))
        );
        assert_eq!(launch_failure(exited(LAUNCH_FAILED), "mine: 125\n"), None);
        assert_eq!(launch_failure(exited(1), &stderr), None);
        // A program that knows the words but not the token is not the launcher.
        let forged = format!("{LAUNCH_FAILED_PREFIX} landlock: oops\n");
        assert_eq!(launch_failure(exited(LAUNCH_FAILED), &forged), None);
        let guessed = format!("{LAUNCH_FAILED_PREFIX} () landlock: oops\n");
        assert_eq!(launch_failure(exited(LAUNCH_FAILED), &guessed), None);
    }

    #[test]
    fn the_address_space_bound_leaves_room_and_stays_finite() {
        assert_eq!(address_space(256 << 20), (1 << 30) + (2 << 30));
        assert_eq!(address_space(u64::MAX), u64::MAX);
    }
}
