//! The sandbox: runs the compiler and the learner's program under least privilege.
//!
//! The judge re-executes its own binary as a small launcher (`kata __sandbox ...`) that sets
//! the guards (process group, parent-death signal, rlimits, Landlock, seccomp last) and then
//! `exec`s the target program. Because `exec` keeps the process id, the judge's `wait4` on the
//! launcher sees the target's exit status and resource usage.
//!
//! The command line of the launcher is `kata __sandbox KEY=VALUE... -- PROGRAM ARGS...`; each
//! path of the policy is one argument (`r=PATH`, `w=PATH`), so no escaping is ever needed.

use std::convert::Infallible;
use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::fd::RawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::time::Duration;

use landlock::{
    Access, AccessFs, AccessNet, PathBeneath, PathFd, PathFdError, Ruleset, RulesetAttr,
    RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl Policy {
    /// A command that runs `program args` under this policy, launched by this very binary.
    ///
    /// `fd3`, when given (the child's end of a socket pair), becomes descriptor 3 of the program;
    /// the caller keeps it open until the command is spawned. Every other descriptor above 2 is
    /// closed. The child leads its own process group (kill it with `killpg`) and receives
    /// SIGKILL when the *thread* that spawned it exits (see `PR_SET_PDEATHSIG`), so spawn from a
    /// thread that outlives the child. The caller sets the environment and the standard streams.
    pub fn command(&self, program: &Path, args: &[OsString], fd3: Option<RawFd>) -> Command {
        self.command_with_launcher(&launcher_path(), program, args, fd3)
    }

    /// Like [`Policy::command`] with an explicit launcher: the `kata` binary, for callers (such
    /// as integration tests) whose own executable is not `kata`.
    pub fn command_with_launcher(
        &self,
        launcher: &Path,
        program: &Path,
        args: &[OsString],
        fd3: Option<RawFd>,
    ) -> Command {
        let mut cmd = Command::new(launcher);
        cmd.arg(LAUNCHER_ARG)
            .args(self.encode(std::process::id(), fd3))
            .arg("--")
            .arg(program)
            .args(args);
        // Its own group, so that the judge can kill the launcher and every descendant at once;
        // seccomp then denies setsid/setpgid, so nothing can leave the group.
        cmd.process_group(0);
        if let Some(raw) = fd3 {
            // The launcher moves the descriptor to 3 itself, so no `pre_exec` hook is needed and
            // std can start the launcher with posix_spawn (a vfork) instead of a fork of the
            // whole judge. The descriptor must survive exec: other children started meanwhile
            // inherit it too, and their launchers close it with everything above 2 or 3.
            // SAFETY: fcntl on a descriptor number; no memory is passed.
            unsafe {
                libc::fcntl(raw, libc::F_SETFD, 0);
            }
        }
        cmd
    }

    /// The launcher arguments between [`LAUNCHER_ARG`] and `--`.
    fn encode(&self, parent: u32, fd3: Option<RawFd>) -> Vec<OsString> {
        let mut out = vec![
            OsString::from(match self.profile {
                Profile::Compile => "profile=compile",
                Profile::Run => "profile=run",
            }),
            format!("parent={parent}").into(),
            format!("token={}", launch_token()).into(),
            format!("fsize={}", self.file_size).into(),
        ];
        if let Some(memory) = self.memory {
            out.push(format!("memory={memory}").into());
        }
        if let Some(cpu) = self.cpu {
            out.push(format!("cpu_ms={}", cpu.as_millis()).into());
        }
        if let Some(stack) = self.stack {
            out.push(format!("stack={stack}").into());
        }
        if let Some(fd) = fd3 {
            out.push(format!("fd3={fd}").into());
        }
        for (key, paths) in [("r=", &self.read), ("w=", &self.write)] {
            for path in paths {
                let mut arg = OsString::from(key);
                arg.push(path);
                out.push(arg);
            }
        }
        out
    }
}

/// The `kata` binary itself; `/proc/self/exe` still works when the file was replaced on disk.
fn launcher_path() -> PathBuf {
    std::env::current_exe().unwrap_or_else(|_| PathBuf::from("/proc/self/exe"))
}

/// Paths the toolchain (`rustc`, `cc`, `ld`) and the dynamic loader read on this machine; the
/// caller adds the rustc sysroot (`rustc --print sysroot`) and the crate directory.
pub fn system_read_paths() -> Vec<PathBuf> {
    existing(&[
        "/usr",
        "/lib",
        "/lib64",
        "/lib32",
        "/bin",
        "/sbin",
        "/etc/ld.so.cache",
        "/etc/ld.so.conf",
        "/etc/ld.so.conf.d",
        "/etc/alternatives",
    ])
}

/// Paths a dynamically linked Rust program needs at run time: the dynamic loader and the
/// directories of libc and libgcc_s. Where the multiarch directory exists (Debian, Ubuntu) it
/// replaces all of `/usr/lib`.
pub fn runtime_read_paths() -> Vec<PathBuf> {
    let triple = if cfg!(target_arch = "aarch64") {
        "aarch64-linux-gnu"
    } else {
        "x86_64-linux-gnu"
    };
    let multiarch = existing(&[&format!("/lib/{triple}"), &format!("/usr/lib/{triple}")]);
    let libs = if multiarch.is_empty() {
        existing(&["/lib", "/usr/lib"])
    } else {
        multiarch
    };
    let mut paths = existing(&["/lib64", "/usr/lib64"]);
    paths.extend(libs);
    paths.extend(existing(&["/etc/ld.so.cache"]));
    paths
}

/// `paths` with every path of `hidden` carved out: Landlock can only allow, never deny, so a
/// read rule on a folder that holds a hidden path (the judge's own binary, which embeds the
/// bundled katas' hidden tests, installed under `/usr`; a kata folder under `/usr/share`) is
/// replaced by rules on each of that folder's other entries, down to the hidden path.
pub fn without(paths: Vec<PathBuf>, hidden: &[PathBuf]) -> Vec<PathBuf> {
    let hidden: Vec<PathBuf> = hidden
        .iter()
        .filter_map(|h| std::fs::canonicalize(h).ok())
        .collect();
    let mut out = Vec::new();
    let mut todo = paths;
    while let Some(path) = todo.pop() {
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if hidden.iter().any(|h| real.starts_with(h)) {
            continue;
        }
        if !hidden.iter().any(|h| h.starts_with(&real)) {
            out.push(path);
            continue;
        }
        if let Ok(entries) = std::fs::read_dir(&real) {
            todo.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    out
}

fn existing(paths: &[&str]) -> Vec<PathBuf> {
    paths
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.exists())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The launcher
// ---------------------------------------------------------------------------------------------

/// Why the launcher could not start the program; printed after [`LAUNCH_FAILED_PREFIX`].
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct SetupError(String);

impl SetupError {
    /// `what` failed with the current `errno`.
    fn os(what: impl std::fmt::Display) -> Self {
        SetupError(format!("{what}: {}", io::Error::last_os_error()))
    }
}

/// A decoded launcher command line.
#[derive(Debug, PartialEq, Eq)]
struct Launch {
    policy: Policy,
    /// The judge's pid: the launcher refuses to run once orphaned.
    parent: u32,
    /// Keep descriptor 3 open (the harness's result channel).
    /// The inherited descriptor to move to 3 (the result channel).
    fd3: Option<i32>,
    program: PathBuf,
    args: Vec<OsString>,
}

/// Most descriptors the sandboxed program may hold at once.
const RUN_NOFILE: u64 = 64;
/// The linker holds every input archive open, so the compiler gets more.
const COMPILE_NOFILE: u64 = 1024;
/// Tasks (processes and threads) per sandbox, set only where counted per sandbox.
const RUN_NPROC: u64 = 32;
const COMPILE_NPROC: u64 = 256;

/// The launcher's entry point: `args` are those after [`LAUNCHER_ARG`]. Never returns.
pub fn launcher_main(args: &[OsString]) -> ! {
    // The token first, so that even a decoding failure is signed.
    let token = args
        .iter()
        .take_while(|a| *a != "--")
        .find_map(|a| a.to_str()?.strip_prefix("token="))
        .unwrap_or("")
        .to_string();
    let error = match Launch::decode(args) {
        Ok(launch) => match launch.run() {
            Ok(never) => match never {},
            Err(e) => e,
        },
        Err(e) => e,
    };
    eprintln!("{LAUNCH_FAILED_PREFIX} ({token}) {error}");
    #[allow(clippy::exit)] // nothing to drop: the process either execs or reports and exits
    std::process::exit(LAUNCH_FAILED)
}

impl Launch {
    fn decode(args: &[OsString]) -> Result<Self, SetupError> {
        let split = args
            .iter()
            .position(|a| a == "--")
            .ok_or_else(|| SetupError("missing `--` before the program".into()))?;
        let (options, rest) = (&args[..split], &args[split + 1..]);
        let (program, args) = rest
            .split_first()
            .ok_or_else(|| SetupError("missing program".into()))?;
        let mut launch = Launch {
            policy: Policy {
                profile: Profile::Run,
                read: Vec::new(),
                write: Vec::new(),
                memory: None,
                cpu: None,
                file_size: 0,
                stack: None,
            },
            parent: 0,
            fd3: None,
            program: PathBuf::from(program),
            args: args.to_vec(),
        };
        let mut profile = None;
        for option in options {
            let bytes = option.as_bytes();
            let eq = bytes
                .iter()
                .position(|&b| b == b'=')
                .ok_or_else(|| SetupError(format!("bad option {option:?}")))?;
            let (key, value) = (&bytes[..eq], OsStr::from_bytes(&bytes[eq + 1..]));
            let number = || -> Result<u64, SetupError> {
                value
                    .to_str()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| SetupError(format!("bad number in {option:?}")))
            };
            match key {
                b"profile" => {
                    profile = Some(match value.as_bytes() {
                        b"run" => Profile::Run,
                        b"compile" => Profile::Compile,
                        _ => return Err(SetupError(format!("bad profile in {option:?}"))),
                    })
                }
                b"parent" => {
                    launch.parent = u32::try_from(number()?)
                        .map_err(|_| SetupError(format!("bad pid in {option:?}")))?
                }
                b"fsize" => launch.policy.file_size = number()?,
                b"memory" => launch.policy.memory = Some(number()?),
                b"cpu_ms" => launch.policy.cpu = Some(Duration::from_millis(number()?)),
                b"stack" => launch.policy.stack = Some(number()?),
                b"fd3" => {
                    launch.fd3 = Some(
                        i32::try_from(number()?)
                            .map_err(|_| SetupError(format!("bad descriptor in {option:?}")))?,
                    )
                }
                b"token" => {}
                b"r" => launch.policy.read.push(PathBuf::from(value)),
                b"w" => launch.policy.write.push(PathBuf::from(value)),
                _ => return Err(SetupError(format!("unknown option {option:?}"))),
            }
        }
        launch.policy.profile = profile.ok_or_else(|| SetupError("missing profile".into()))?;
        if launch.parent == 0 {
            return Err(SetupError("missing parent pid".into()));
        }
        Ok(launch)
    }

    /// Sets every guard up, then execs the program; returns only on failure.
    fn run(self) -> Result<Infallible, SetupError> {
        // 1. Die with the judge. First, so that no later step can outlive it; then check that
        // the judge did not exit before the prctl took effect (the signal would never come).
        // SAFETY: prctl with integer arguments only.
        if unsafe {
            libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGKILL as libc::c_ulong,
                0,
                0,
                0,
            )
        } != 0
        {
            return Err(SetupError::os("prctl(PR_SET_PDEATHSIG)"));
        }
        if std::os::unix::process::parent_id() != self.parent {
            return Err(SetupError(
                "the judge exited before the program started".into(),
            ));
        }

        // 2. Resource limits, while the launcher may still lower its hard limits.
        self.set_rlimits()?;

        // 3. No descriptor of the judge may leak in: stdio and, if asked, fd 3 stay.
        if let Some(fd) = self.fd3 {
            // SAFETY: dup2 on descriptor numbers; the new fd 3 is not close-on-exec.
            if fd != 3 && unsafe { libc::dup2(fd, 3) } == -1 {
                return Err(SetupError::os(
                    "cannot move the result channel to descriptor 3",
                ));
            }
        }
        close_descriptors_from(if self.fd3.is_some() { 4 } else { 3 }, self.fd3.is_some())?;

        // 4. Network: a fresh namespace has only a loopback that is down. Best effort (Landlock
        // TCP rules and the seccomp socket filter hold without it). A run as root skips it:
        // its seccomp filter denies every socket, and creating the namespace costs more than
        // half a millisecond a test; unprivileged, the user namespace also scopes RLIMIT_NPROC.
        let own_pid = std::process::id();
        let root = euid_is_root();
        let isolate = !(root && self.policy.profile == Profile::Run);
        let isolation = if isolate {
            unshare_network(root)
        } else {
            Err(0)
        };
        match isolation {
            Ok(Isolation::UserAndNetwork) => {
                map_own_ids()?;
                // RLIMIT_NPROC counts every task of the user, machine-wide, except in a fresh user
                // namespace, where it counts this sandbox's tasks only. So only there is a small
                // limit safe (and root is exempt anyway).
                let nproc = match self.policy.profile {
                    Profile::Run => RUN_NPROC,
                    Profile::Compile => COMPILE_NPROC,
                };
                set_rlimit(libc::RLIMIT_NPROC, nproc, nproc)?;
            }
            Ok(Isolation::Network) | Err(_) => {}
        }

        // 5. Landlock: files, TCP and signal/abstract-socket scoping. It needs the paths opened
        // before seccomp could get in the way, and it sets no_new_privs.
        let landlock_abi = landlock_abi();
        self.restrict_filesystem(landlock_abi, own_pid)?;

        // 6. seccomp last: its filter denies calls (unshare, prlimit...) that the steps above
        // make, and nothing after it but execve needs to be allowed.
        // SAFETY: prctl with integer arguments only.
        if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
            return Err(SetupError::os("prctl(PR_SET_NO_NEW_PRIVS)"));
        }
        let filter = seccomp_filter(
            self.policy.profile,
            own_pid,
            unix_sockets_confined(landlock_abi),
        )
        .ok_or_else(|| SetupError("seccomp: unsupported architecture".into()))?;
        install_seccomp(&filter)?;

        // 7. exec. Rust ignores SIGPIPE and an ignored signal survives exec; the program must
        // start with the default disposition, as under std::process::Command.
        // SAFETY: resetting a signal disposition to its default has no memory-safety effects.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
        let program = cstring(self.program.as_os_str())?;
        let mut argv = vec![program.clone()];
        for arg in &self.args {
            argv.push(cstring(arg)?);
        }
        let mut argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
        argv_ptrs.push(std::ptr::null());
        // SAFETY: `program` and every element of `argv_ptrs` are NUL-terminated strings that
        // outlive the call, and the array ends with a null pointer.
        unsafe { libc::execv(program.as_ptr(), argv_ptrs.as_ptr()) };
        Err(SetupError::os(format_args!(
            "cannot execute {}",
            self.program.display()
        )))
    }

    fn set_rlimits(&self) -> Result<(), SetupError> {
        let policy = &self.policy;
        // RLIMIT_DATA, not RLIMIT_AS: since Linux 4.7 it counts the heap and every private
        // writable mapping (what an allocation costs), while address space is reserved freely
        // by ordinary programs (thread stacks' guard regions, allocator arenas) and a small
        // RLIMIT_AS breaks them.
        if let Some(memory) = policy.memory {
            set_rlimit(libc::RLIMIT_DATA, memory, memory)?;
        }
        if let Some(cpu) = policy.cpu {
            // Whole seconds; the soft limit sends SIGXCPU, the hard one a second later SIGKILL.
            let soft = cpu.as_secs() + u64::from(cpu.subsec_nanos() > 0);
            let soft = soft.max(1);
            set_rlimit(libc::RLIMIT_CPU, soft, soft + 1)?;
        }
        set_rlimit(libc::RLIMIT_CORE, 0, 0)?;
        set_rlimit(libc::RLIMIT_FSIZE, policy.file_size, policy.file_size)?;
        if let Some(stack) = policy.stack {
            set_rlimit(libc::RLIMIT_STACK, stack, stack)?;
        }
        let nofile = match policy.profile {
            Profile::Run => RUN_NOFILE,
            Profile::Compile => COMPILE_NOFILE,
        };
        set_rlimit(libc::RLIMIT_NOFILE, nofile, nofile)
    }

    fn restrict_filesystem(&self, abi: i32, own_pid: u32) -> Result<(), SetupError> {
        let landlock = |e: landlock::RulesetError| SetupError(format!("landlock: {e}"));
        // The newest ABI this crate knows; in its default best-effort mode the crate drops the
        // rights the running kernel lacks, and `guards()` reports what is left.
        let newest = ABI::V10;
        let all = AccessFs::from_all(newest);
        let read = AccessFs::from_read(newest);
        // No device nodes even in writable directories: root could otherwise create the disk's
        // block device there and read around every other rule.
        let write = all & !(AccessFs::MakeChar | AccessFs::MakeBlock);
        let mut ruleset = Ruleset::default()
            .handle_access(all)
            .and_then(|r| r.handle_access(AccessNet::from_all(newest)))
            .and_then(|r| r.scope(Scope::from_all(newest)))
            .and_then(|r| r.create())
            .map_err(landlock)?;
        let mut rules: Vec<(PathBuf, _, bool)> = Vec::new();
        rules.extend(self.policy.read.iter().map(|p| (p.clone(), read, false)));
        rules.extend(self.policy.write.iter().map(|p| (p.clone(), write, true)));
        // Devices that programs and compilers open routinely.
        let rw = AccessFs::ReadFile | AccessFs::WriteFile | AccessFs::Truncate;
        rules.push(("/dev/null".into(), rw, false));
        for device in ["/dev/zero", "/dev/random", "/dev/urandom"] {
            rules.push((device.into(), AccessFs::ReadFile.into(), false));
        }
        // Rust's stack-overflow message needs the main thread's stack bounds, which glibc reads
        // from /proc/self/maps. /proc/self is resolved now: the pid survives exec, so this grants
        // the program its own maps file and nothing else of /proc.
        rules.push((
            format!("/proc/{own_pid}/maps").into(),
            AccessFs::ReadFile.into(),
            false,
        ));
        for (path, access, required) in rules {
            match PathFd::new(&path) {
                Ok(fd) => {
                    ruleset = ruleset
                        .add_rule(PathBeneath::new(fd, access))
                        .map_err(landlock)?;
                }
                // A missing read path (a /lib32 on another machine) grants nothing; a missing
                // write path is the caller's mistake.
                Err(PathFdError::OpenCall { source, .. })
                    if !required && source.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(SetupError(format!("landlock: {e}"))),
            }
        }
        let status = ruleset.restrict_self().map_err(landlock)?;
        if abi >= 1 && status.ruleset == RulesetStatus::NotEnforced {
            return Err(SetupError(
                "landlock: the kernel supports it but the ruleset was not enforced".into(),
            ));
        }
        Ok(())
    }
}

fn cstring(s: &OsStr) -> Result<CString, SetupError> {
    CString::new(s.as_bytes()).map_err(|_| SetupError(format!("NUL byte in {s:?}")))
}

#[cfg(target_env = "gnu")]
type Resource = libc::__rlimit_resource_t;
#[cfg(not(target_env = "gnu"))]
type Resource = libc::c_int;

/// Sets a limit, never above the current hard limit (only root may raise that).
fn set_rlimit(resource: Resource, soft: u64, hard: u64) -> Result<(), SetupError> {
    let mut current = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `current` is a valid, writable rlimit.
    if unsafe { libc::getrlimit(resource, &mut current) } != 0 {
        return Err(SetupError::os(format_args!("getrlimit({resource})")));
    }
    let hard = hard.min(current.rlim_max);
    let limit = libc::rlimit {
        rlim_cur: soft.min(hard),
        rlim_max: hard,
    };
    // SAFETY: `limit` is a valid rlimit.
    if unsafe { libc::setrlimit(resource, &limit) } != 0 {
        return Err(SetupError::os(format_args!("setrlimit({resource})")));
    }
    Ok(())
}

/// Closes every descriptor from `first` on; with `keep_fd3`, checks that fd 3 was passed.
fn close_descriptors_from(first: u32, keep_fd3: bool) -> Result<(), SetupError> {
    // SAFETY: fcntl(F_GETFD) only queries a descriptor.
    if keep_fd3 && unsafe { libc::fcntl(3, libc::F_GETFD) } == -1 {
        return Err(SetupError::os("descriptor 3 was not passed"));
    }
    // Through syscall(), not the glibc wrapper, which would need glibc 2.34.
    // SAFETY: closes descriptors that nothing in the launcher uses; std holds none of its own.
    if unsafe { libc::syscall(libc::SYS_close_range, first, u32::MAX, 0) } == 0 {
        return Ok(());
    }
    // Kernels before 5.9: close what /proc lists.
    let fds: Vec<i32> = std::fs::read_dir("/proc/self/fd")
        .map_err(|e| SetupError(format!("cannot list descriptors: {e}")))?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|&fd: &i32| fd >= first as i32)
        .collect();
    for fd in fds {
        // SAFETY: as above; the descriptor of the finished read_dir may already be gone (EBADF).
        unsafe { libc::close(fd) };
    }
    Ok(())
}

fn euid_is_root() -> bool {
    // SAFETY: geteuid cannot fail and has no side effects.
    unsafe { libc::geteuid() == 0 }
}

/// Which namespaces cut the process off the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Isolation {
    /// A network namespace (root or CAP_SYS_ADMIN).
    Network,
    /// A user namespace, which lets an unprivileged user create the network namespace.
    UserAndNetwork,
}

/// Enters a new network namespace. Calls only `unshare` (async-signal-safe), so the probe can
/// run it in a forked child of a multi-threaded judge. Returns the errno on failure.
fn unshare_network(root: bool) -> Result<Isolation, i32> {
    // SAFETY: unshare with flags only; it affects this process alone.
    if root && unsafe { libc::unshare(libc::CLONE_NEWNET) } == 0 {
        return Ok(Isolation::Network);
    }
    // SAFETY: as above.
    if unsafe { libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) } == 0 {
        return Ok(Isolation::UserAndNetwork);
    }
    Err(io::Error::last_os_error().raw_os_error().unwrap_or(0))
}

/// In a fresh user namespace, maps the user's own uid and gid, so that the program sees its
/// real ids; with uid != 0 inside, exec drops every capability of the namespace.
fn map_own_ids() -> Result<(), SetupError> {
    // SAFETY: getuid/getgid cannot fail and have no side effects.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    for (file, content) in [
        ("/proc/self/setgroups", "deny".to_string()),
        ("/proc/self/uid_map", format!("{uid} {uid} 1")),
        ("/proc/self/gid_map", format!("{gid} {gid} 1")),
    ] {
        std::fs::write(file, content).map_err(|e| SetupError(format!("{file}: {e}")))?;
    }
    Ok(())
}

/// The Landlock ABI of the running kernel, or 0 (or a negative errno) without Landlock.
fn landlock_abi() -> i32 {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: with this flag and a null attribute, the call only returns the ABI version.
    let v = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<libc::c_void>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    if v < 0 {
        -io::Error::last_os_error().raw_os_error().unwrap_or(0)
    } else {
        v as i32
    }
}

/// Whether Landlock confines Unix sockets completely: abstract ones by scoping (ABI 6) and
/// connecting to pathname ones (ABI 9). Below that, a program could reach any service that
/// listens on a socket file (as root: systemd, a container daemon), so seccomp denies the
/// creation of Unix sockets altogether (`socketpair` stays allowed: it reaches nothing).
fn unix_sockets_confined(landlock_abi: i32) -> bool {
    landlock_abi >= 9
}

// ---------------------------------------------------------------------------------------------
// seccomp
// ---------------------------------------------------------------------------------------------

/// The audit architecture of this build; a syscall of another ABI (i386 through `int 0x80`)
/// would bypass every number in the filter, so it kills the process.
#[cfg(target_arch = "x86_64")]
const AUDIT_ARCH: Option<u32> = Some(0xC000_003E);
#[cfg(target_arch = "aarch64")]
const AUDIT_ARCH: Option<u32> = Some(0xC000_00B7);
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const AUDIT_ARCH: Option<u32> = None;

/// x32 syscalls share the x86_64 audit architecture but have this bit set in their number.
const X32_SYSCALL_BIT: u32 = 0x4000_0000;

const RET_ALLOW: u32 = libc::SECCOMP_RET_ALLOW;
const RET_KILL: u32 = libc::SECCOMP_RET_KILL_PROCESS;
const RET_EPERM: u32 = libc::SECCOMP_RET_ERRNO | libc::EPERM as u32;
const RET_ENOSYS: u32 = libc::SECCOMP_RET_ERRNO | libc::ENOSYS as u32;

/// `lsm_set_self_attr` (Linux 6.8; same number on every architecture, not yet in libc).
const SYS_LSM_SET_SELF_ATTR: libc::c_long = 460;

/// Denied (EPERM) in both profiles: debugging other processes, the kernel's administration,
/// namespaces and mounts, kernel attack surface that sandboxes never need, and leaving the
/// process group. Most of them need a capability, which root has.
const DENIED: &[libc::c_long] = &[
    libc::SYS_ptrace,
    libc::SYS_process_vm_readv,
    libc::SYS_process_vm_writev,
    libc::SYS_process_madvise,
    libc::SYS_process_mrelease,
    libc::SYS_pidfd_getfd,
    libc::SYS_kcmp,
    libc::SYS_kexec_load,
    libc::SYS_kexec_file_load,
    libc::SYS_reboot,
    libc::SYS_init_module,
    libc::SYS_finit_module,
    libc::SYS_delete_module,
    libc::SYS_mount,
    libc::SYS_umount2,
    libc::SYS_pivot_root,
    libc::SYS_chroot,
    libc::SYS_fsopen,
    libc::SYS_fsconfig,
    libc::SYS_fsmount,
    libc::SYS_fspick,
    libc::SYS_open_tree,
    libc::SYS_move_mount,
    libc::SYS_mount_setattr,
    libc::SYS_swapon,
    libc::SYS_swapoff,
    libc::SYS_quotactl,
    libc::SYS_quotactl_fd,
    libc::SYS_setns,
    libc::SYS_unshare,
    libc::SYS_bpf,
    libc::SYS_perf_event_open,
    libc::SYS_userfaultfd,
    libc::SYS_fanotify_init,
    // With CAP_DAC_READ_SEARCH it opens files by inode handle, without a path to check.
    libc::SYS_open_by_handle_at,
    libc::SYS_keyctl,
    libc::SYS_add_key,
    libc::SYS_request_key,
    libc::SYS_setsid,
    libc::SYS_setpgid,
    // io_uring performs operations (connect, openat...) that seccomp never sees.
    libc::SYS_io_uring_setup,
    libc::SYS_io_uring_enter,
    libc::SYS_io_uring_register,
    libc::SYS_settimeofday,
    libc::SYS_clock_settime,
    libc::SYS_clock_adjtime,
    libc::SYS_adjtimex,
    libc::SYS_sethostname,
    libc::SYS_setdomainname,
    libc::SYS_syslog,
    libc::SYS_acct,
    libc::SYS_vhangup,
    // Realtime scheduling or a higher priority would let root starve the machine.
    libc::SYS_sched_setscheduler,
    libc::SYS_sched_setparam,
    libc::SYS_sched_setattr,
    libc::SYS_setpriority,
    libc::SYS_ioprio_set,
    libc::SYS_migrate_pages,
    libc::SYS_move_pages,
    // Raising limits needs CAP_SYS_RESOURCE; prlimit64 is filtered by argument below.
    libc::SYS_setrlimit,
    // Thread ids cannot be checked against this process; glibc and Rust use tgkill.
    libc::SYS_tkill,
    SYS_LSM_SET_SELF_ATTR,
];

#[cfg(target_arch = "x86_64")]
const DENIED_ARCH: &[libc::c_long] = &[libc::SYS_iopl, libc::SYS_ioperm, libc::SYS_uselib];
#[cfg(not(target_arch = "x86_64"))]
const DENIED_ARCH: &[libc::c_long] = &[];

/// Process creation without clone's flags to check (Run profile).
#[cfg(target_arch = "x86_64")]
const FORKS: &[libc::c_long] = &[libc::SYS_fork, libc::SYS_vfork];
#[cfg(not(target_arch = "x86_64"))]
const FORKS: &[libc::c_long] = &[];

/// `mknod`'s mode is its second argument, `mknodat`'s its third.
#[cfg(target_arch = "x86_64")]
const MKNODS: &[(libc::c_long, u32)] = &[(libc::SYS_mknod, 1), (libc::SYS_mknodat, 2)];
#[cfg(not(target_arch = "x86_64"))]
const MKNODS: &[(libc::c_long, u32)] = &[(libc::SYS_mknodat, 2)];

/// clone flags that create namespaces or re-parent the child, denied in both profiles
/// (`unshare` is denied, and clone must not be a way around it).
const CLONE_DENIED_FLAGS: u32 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWCGROUP
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET
    | libc::CLONE_PARENT) as u32;

/// A classic-BPF program under construction. Each syscall with a rule gets a block that always
/// ends in a `ret`, so jumps stay short and local.
#[derive(Default)]
struct Bpf(Vec<libc::sock_filter>);

impl Bpf {
    const LD_ABS: u16 = (libc::BPF_LD | libc::BPF_W | libc::BPF_ABS) as u16;
    const JEQ: u16 = (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16;
    const JGE: u16 = (libc::BPF_JMP | libc::BPF_JGE | libc::BPF_K) as u16;
    const JSET: u16 = (libc::BPF_JMP | libc::BPF_JSET | libc::BPF_K) as u16;
    const AND: u16 = (libc::BPF_ALU | libc::BPF_AND | libc::BPF_K) as u16;
    const RET: u16 = (libc::BPF_RET | libc::BPF_K) as u16;

    fn op(&mut self, code: u16, k: u32, jt: u8, jf: u8) -> &mut Self {
        self.0.push(libc::sock_filter { code, jt, jf, k });
        self
    }
    fn ret(&mut self, action: u32) -> &mut Self {
        self.op(Self::RET, action, 0, 0)
    }
    /// Loads `seccomp_data.nr`.
    fn load_nr(&mut self) -> &mut Self {
        self.op(Self::LD_ABS, 0, 0, 0)
    }
    /// Loads the low 32 bits of argument `i`: enough for int arguments (pids, domains, flags),
    /// whose upper half the kernel ignores.
    fn load_arg_low(&mut self, i: u32) -> &mut Self {
        let low = if cfg!(target_endian = "little") { 0 } else { 4 };
        self.op(Self::LD_ABS, 16 + 8 * i + low, 0, 0)
    }
    fn load_arg_high(&mut self, i: u32) -> &mut Self {
        let high = if cfg!(target_endian = "little") { 4 } else { 0 };
        self.op(Self::LD_ABS, 16 + 8 * i + high, 0, 0)
    }
    /// `if nr == syscall { block }`, with the syscall number in the accumulator.
    fn on(&mut self, syscall: libc::c_long, block: &Bpf) -> &mut Self {
        let len = u8::try_from(block.0.len()).expect("short seccomp block");
        self.op(Self::JEQ, syscall as u32, 0, len);
        self.0.extend_from_slice(&block.0);
        self
    }
    /// `if nr == syscall { return action }`.
    fn on_ret(&mut self, syscall: libc::c_long, action: u32) -> &mut Self {
        self.on(syscall, Bpf::default().ret(action))
    }
    /// A block that denies the call when argument `i` (masked with `mask`) is one of `values`.
    fn arg_denies(i: u32, mask: Option<u32>, values: &[u32]) -> Bpf {
        let mut b = Bpf::default();
        b.load_arg_low(i);
        if let Some(mask) = mask {
            b.op(Self::AND, mask, 0, 0);
        }
        let n = values.len();
        for (j, &value) in values.iter().enumerate() {
            // Past the remaining comparisons and the `ret ALLOW`, to the `ret EPERM`.
            let to_deny = u8::try_from(n - j).expect("few values");
            b.op(Self::JEQ, value, to_deny, 0);
        }
        b.ret(RET_ALLOW).ret(RET_EPERM);
        b
    }
    /// A block that allows the call only when argument 0 equals `value`.
    fn arg0_is(value: u32) -> Bpf {
        let mut b = Bpf::default();
        b.load_arg_low(0)
            .op(Self::JEQ, value, 0, 1)
            .ret(RET_ALLOW)
            .ret(RET_EPERM);
        b
    }
}

/// The seccomp program of `profile` for the process `own_pid`, or `None` on an architecture
/// this launcher has no numbers for.
fn seccomp_filter(
    profile: Profile,
    own_pid: u32,
    allow_unix_sockets: bool,
) -> Option<Vec<libc::sock_filter>> {
    let arch = AUDIT_ARCH?;
    let run = profile == Profile::Run;
    let mut f = Bpf::default();
    f.op(Bpf::LD_ABS, 4, 0, 0) // seccomp_data.arch
        .op(Bpf::JEQ, arch, 1, 0)
        .ret(RET_KILL)
        .load_nr();
    if cfg!(target_arch = "x86_64") {
        f.op(Bpf::JGE, X32_SYSCALL_BIT, 0, 1).ret(RET_KILL);
    }

    // Sockets: Unix ones at most (see unix_sockets_confined), never the network.
    let unix = if allow_unix_sockets {
        libc::AF_UNIX as u32
    } else {
        u32::MAX
    };
    f.on(libc::SYS_socket, &Bpf::arg0_is(unix));

    // Processes. clone3 passes its flags in memory, out of the filter's reach: ENOSYS makes
    // glibc fall back to clone, whose flags can be checked.
    f.on_ret(libc::SYS_clone3, RET_ENOSYS);
    let mut clone = Bpf::default();
    clone.load_arg_low(0);
    if run {
        // Threads only.
        clone
            .op(Bpf::JSET, CLONE_DENIED_FLAGS, 2, 0)
            .op(Bpf::JSET, libc::CLONE_THREAD as u32, 0, 1)
            .ret(RET_ALLOW)
            .ret(RET_EPERM);
    } else {
        clone
            .op(Bpf::JSET, CLONE_DENIED_FLAGS, 0, 1)
            .ret(RET_EPERM)
            .ret(RET_ALLOW);
    }
    f.on(libc::SYS_clone, &clone);
    if run {
        for &nr in FORKS {
            f.on_ret(nr, RET_EPERM);
        }
    }

    // Signals. The program runs as `own_pid` (exec keeps the pid). In Run, it may signal only
    // itself. In Compile, its children have unknown pids, so only kill(-1) and other process
    // groups are denied here; Landlock's signal scoping confines the rest.
    if run {
        for nr in [
            libc::SYS_kill,
            libc::SYS_tgkill,
            libc::SYS_rt_sigqueueinfo,
            libc::SYS_rt_tgsigqueueinfo,
            libc::SYS_pidfd_open,
        ] {
            f.on(nr, &Bpf::arg0_is(own_pid));
        }
    } else {
        let own_group = (own_pid as i32).wrapping_neg() as u32;
        let mut kill = Bpf::default();
        kill.load_arg_low(0)
            .op(Bpf::JEQ, own_group, 2, 0)
            .op(Bpf::JGE, 0x8000_0000, 0, 1) // a negative pid: -1 or another group
            .ret(RET_EPERM)
            .ret(RET_ALLOW);
        f.on(libc::SYS_kill, &kill);
    }

    // prlimit64 may read limits (glibc's getrlimit) but not set them: root could raise them.
    let mut prlimit = Bpf::default();
    prlimit
        .load_arg_low(2)
        .op(Bpf::JEQ, 0, 0, 3)
        .load_arg_high(2)
        .op(Bpf::JEQ, 0, 0, 1)
        .ret(RET_ALLOW)
        .ret(RET_EPERM);
    f.on(libc::SYS_prlimit64, &prlimit);

    // A program must not shed its parent-death signal (and outlive the judge) nor rewrite its
    // memory map's metadata.
    let prctl = [libc::PR_SET_PDEATHSIG as u32, libc::PR_SET_MM as u32];
    f.on(libc::SYS_prctl, &Bpf::arg_denies(0, None, &prctl));

    // Typing into the judge's terminal, when a stream is one.
    f.on(
        libc::SYS_ioctl,
        &Bpf::arg_denies(1, None, &[libc::TIOCSTI as u32]),
    );

    // Device nodes (Landlock denies them too, where present).
    for &(nr, mode_arg) in MKNODS {
        let devices = [libc::S_IFCHR, libc::S_IFBLK];
        f.on(nr, &Bpf::arg_denies(mode_arg, Some(libc::S_IFMT), &devices));
    }

    for &nr in DENIED.iter().chain(DENIED_ARCH) {
        f.on_ret(nr, RET_EPERM);
    }
    f.ret(RET_ALLOW);
    Some(f.0)
}

fn install_seccomp(filter: &[libc::sock_filter]) -> Result<(), SetupError> {
    let prog = libc::sock_fprog {
        len: u16::try_from(filter.len())
            .map_err(|_| SetupError("seccomp: filter too long".into()))?,
        filter: filter.as_ptr().cast_mut(),
    };
    // SAFETY: `prog` points to `filter`, which outlives the call; the kernel copies it.
    let r = unsafe {
        libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            0u32,
            &prog as *const libc::sock_fprog,
        )
    };
    if r != 0 {
        return Err(SetupError::os("seccomp"));
    }
    Ok(())
}

/// Whether the kernel supports seccomp filters with the actions the launcher uses.
fn seccomp_available() -> bool {
    [RET_KILL, libc::SECCOMP_RET_ERRNO].iter().all(|action| {
        // SAFETY: SECCOMP_GET_ACTION_AVAIL only reads the u32 it is given.
        unsafe {
            libc::syscall(
                libc::SYS_seccomp,
                libc::SECCOMP_GET_ACTION_AVAIL,
                0u32,
                action as *const u32,
            ) == 0
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

/// One guard of the sandbox and whether this machine provides it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Guard {
    pub name: &'static str,
    pub provided: bool,
    /// Required guards missing make `kata doctor` exit 3 and `submit` refuse to run.
    pub required: bool,
    pub detail: String,
}

impl Guard {
    fn new(name: &'static str, provided: bool, required: bool, detail: impl Into<String>) -> Self {
        Guard {
            name,
            provided,
            required,
            detail: detail.into(),
        }
    }
}

/// Probes this machine for every guard, with the same tests the launcher makes (a few
/// syscalls and one short-lived forked child for the namespaces).
pub fn guards() -> Vec<Guard> {
    let abi = landlock_abi();
    let seccomp = seccomp_available() && AUDIT_ARCH.is_some();
    let root = euid_is_root();
    let namespace = probe_network_namespace(root);
    let landlock_missing = match abi {
        v if v == -libc::EOPNOTSUPP => "Landlock is built in but disabled at boot (lsm=)",
        _ => "the kernel has no Landlock (Linux 5.13+)",
    };
    let kernel_lacks = |what: &str, need: i32| {
        if abi >= 1 {
            format!("{what} needs Landlock ABI {need}, the kernel has {abi}")
        } else {
            landlock_missing.to_string()
        }
    };
    let mut guards = vec![
        Guard::new(
            "seccomp filter",
            seccomp,
            true,
            if seccomp {
                "denies network sockets, process creation in runs, ptrace, mounts, namespaces, \
                 setsid/setpgid and signals to other processes"
            } else {
                "the kernel lacks seccomp filters (or this architecture is not supported)"
            },
        ),
        Guard::new(
            "Landlock filesystem",
            abi >= 1,
            false,
            if abi >= 1 {
                format!("ABI {abi}: reads and writes limited to the sandbox's own paths")
            } else {
                format!("{landlock_missing}: the program can read every file its user can")
            },
        ),
        Guard::new(
            "Landlock TCP rules",
            abi >= 4,
            false,
            if abi >= 4 {
                "TCP bind and connect denied".to_string()
            } else {
                kernel_lacks("TCP rules", 4)
            },
        ),
        Guard::new(
            "Landlock scoping",
            abi >= 6,
            false,
            if abi >= 6 {
                "no signals or abstract Unix sockets toward processes outside the sandbox"
                    .to_string()
            } else {
                kernel_lacks("signal scoping", 6)
                    + "; the compiler could signal other processes of its user"
            },
        ),
        Guard::new(
            "network namespace",
            namespace.is_ok(),
            false,
            match namespace {
                Ok(Isolation::Network) => "a fresh network namespace per compilation (runs rely on seccomp, which denies every socket)".to_string(),
                Ok(Isolation::UserAndNetwork) => {
                    "a fresh user and network namespace per process".to_string()
                }
                Err(errno) => format!(
                    "cannot create one ({}); seccomp and Landlock still deny network sockets",
                    io::Error::from_raw_os_error(errno)
                ),
            },
        ),
        Guard::new(
            "process group kill",
            seccomp,
            true,
            if seccomp {
                "each sandbox leads its own process group; setsid/setpgid are denied"
            } else {
                "without seccomp a process could leave its group and survive the judge"
            },
        ),
    ];
    // SAFETY: PR_GET_PDEATHSIG writes one int to the given pointer.
    let pdeathsig = unsafe {
        let mut signal: libc::c_int = 0;
        libc::prctl(libc::PR_GET_PDEATHSIG, &mut signal as *mut libc::c_int) == 0
    };
    guards.push(Guard::new(
        "parent-death signal",
        pdeathsig,
        true,
        "the program is killed when the judge dies",
    ));
    let release = kernel_release();
    let data_counts_mmap = release >= (4, 7);
    guards.extend([
        Guard::new(
            "memory limit",
            data_counts_mmap,
            true,
            if data_counts_mmap {
                "RLIMIT_DATA (heap and private mappings)".to_string()
            } else {
                format!(
                    "kernel {}.{} is older than 4.7: RLIMIT_DATA ignores mmap",
                    release.0, release.1
                )
            },
        ),
        Guard::new(
            "CPU time limit",
            true,
            true,
            "RLIMIT_CPU, SIGXCPU then SIGKILL",
        ),
        Guard::new("no core dumps", true, false, "RLIMIT_CORE = 0"),
        Guard::new("file size limit", true, true, "RLIMIT_FSIZE"),
    ]);
    let nproc = match (root, namespace) {
        (true, _) => Guard::new(
            "RLIMIT_NPROC",
            false,
            false,
            "does not bind root; seccomp denies process creation in runs",
        ),
        (false, Ok(Isolation::UserAndNetwork)) => Guard::new(
            "RLIMIT_NPROC",
            true,
            false,
            format!("{RUN_NPROC} tasks per run, counted in the sandbox's user namespace"),
        ),
        (false, _) => Guard::new(
            "RLIMIT_NPROC",
            false,
            false,
            "not set without a user namespace (it would count all the user's processes); \
             seccomp denies process creation in runs",
        ),
    };
    guards.push(nproc);
    guards
}

/// One line per guard this machine does not provide, for the judge to print as warnings.
pub fn missing_guard_warnings() -> Vec<String> {
    let guards = guards();
    // RLIMIT_NPROC only backs up the seccomp filter, which denies process creation outright:
    // its absence (always, as root) leaves nothing open while seccomp holds, and `kata
    // doctor` still lists it.
    let seccomp = guards
        .iter()
        .any(|g| g.name == "seccomp filter" && g.provided);
    guards
        .into_iter()
        .filter(|g| !(g.provided || seccomp && g.name == "RLIMIT_NPROC"))
        .map(|g| format!("sandbox guard not available: {} ({})", g.name, g.detail))
        .collect()
}

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

/// Tries [`unshare_network`] in a forked child, so the judge's own namespaces stay as they are.
fn probe_network_namespace(root: bool) -> Result<Isolation, i32> {
    const NETWORK: i32 = 200;
    const USER_AND_NETWORK: i32 = 201;
    // SAFETY: the child calls only async-signal-safe functions (unshare, _exit), so forking a
    // multi-threaded process is sound.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let code = match unshare_network(root) {
            Ok(Isolation::Network) => NETWORK,
            Ok(Isolation::UserAndNetwork) => USER_AND_NETWORK,
            Err(errno) => errno.clamp(1, 199),
        };
        // SAFETY: _exit ends the child without running the parent's destructors.
        unsafe { libc::_exit(code) };
    }
    if pid < 0 {
        return Err(io::Error::last_os_error().raw_os_error().unwrap_or(0));
    }
    let mut status = 0;
    let waited = loop {
        // SAFETY: waits for the child just forked; `status` is a valid int.
        let r = unsafe { libc::waitpid(pid, &mut status, 0) };
        if r != -1 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            break r;
        }
    };
    if waited != pid || !libc::WIFEXITED(status) {
        return Err(libc::ECHILD);
    }
    match libc::WEXITSTATUS(status) {
        NETWORK => Ok(Isolation::Network),
        USER_AND_NETWORK => Ok(Isolation::UserAndNetwork),
        errno => Err(errno),
    }
}

/// (major, minor) of the running kernel, (0, 0) if unknown.
fn kernel_release() -> (u32, u32) {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mut parts = release
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .map(|p| p.parse().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy {
            profile: Profile::Compile,
            read: vec!["/usr".into(), "/a dir/with = signs".into()],
            write: vec!["/tmp/crate".into()],
            memory: Some(256 << 20),
            cpu: Some(Duration::from_millis(1500)),
            file_size: 1 << 20,
            stack: None,
        }
    }

    #[test]
    fn the_launcher_decodes_what_the_command_encodes() {
        let p = policy();
        let mut args = p.encode(42, Some(7));
        args.extend(["--".into(), "/bin/prog".into(), "--".into(), "x=y".into()]);
        let launch = Launch::decode(&args).unwrap();
        assert_eq!(
            launch,
            Launch {
                policy: p,
                parent: 42,
                fd3: Some(7),
                program: "/bin/prog".into(),
                args: vec!["--".into(), "x=y".into()],
            }
        );
    }

    #[test]
    fn bad_launcher_arguments_are_setup_errors() {
        for args in [
            &["profile=run", "parent=1"][..],
            &["profile=run", "--", "/bin/true"],
            &["parent=1", "--", "/bin/true"],
            &["profile=fly", "parent=1", "--", "/bin/true"],
            &["profile=run", "parent=1", "memory=lots", "--", "/bin/true"],
            &["profile=run", "parent=1", "--"],
        ] {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            assert!(Launch::decode(&args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn hidden_paths_are_carved_out_of_read_rules() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["usr/bin", "usr/lib/gcc", "usr/share"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in ["usr/bin/cc", "usr/bin/kata", "usr/bin/ld"] {
            std::fs::write(root.join(f), "").unwrap();
        }
        let mut got = without(vec![root.join("usr")], &[root.join("usr/bin/kata")]);
        got.sort();
        let want: Vec<PathBuf> = ["usr/bin/cc", "usr/bin/ld", "usr/lib", "usr/share"]
            .iter()
            .map(|p| root.join(p))
            .collect();
        assert_eq!(got, want);
        // Nothing to carve: the rules stay as they were.
        assert_eq!(
            without(vec![root.join("usr/lib")], &[root.join("usr/bin/kata")]),
            vec![root.join("usr/lib")]
        );
    }

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

    const PID: u32 = 4242;

    /// Runs a seccomp program on one syscall, as the kernel would.
    fn decide(filter: &[libc::sock_filter], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
        let mut data = [0u8; 64];
        data[0..4].copy_from_slice(&nr.to_ne_bytes());
        data[4..8].copy_from_slice(&arch.to_ne_bytes());
        for (i, a) in args.iter().enumerate() {
            data[16 + 8 * i..24 + 8 * i].copy_from_slice(&a.to_ne_bytes());
        }
        let (mut acc, mut pc) = (0u32, 0usize);
        loop {
            let ins = filter[pc];
            pc += 1;
            match ins.code {
                Bpf::LD_ABS => {
                    let k = ins.k as usize;
                    acc = u32::from_ne_bytes(data[k..k + 4].try_into().unwrap());
                }
                Bpf::AND => acc &= ins.k,
                Bpf::RET => return ins.k,
                code => {
                    let taken = match code {
                        Bpf::JEQ => acc == ins.k,
                        Bpf::JGE => acc >= ins.k,
                        Bpf::JSET => acc & ins.k != 0,
                        _ => panic!("unexpected opcode {code:#x}"),
                    };
                    pc += usize::from(if taken { ins.jt } else { ins.jf });
                }
            }
        }
    }

    fn check(profile: Profile, unix: bool, nr: libc::c_long, args: [u64; 6]) -> u32 {
        let filter = seccomp_filter(profile, PID, unix).unwrap();
        decide(&filter, AUDIT_ARCH.unwrap(), nr as u32, args)
    }

    fn arg0(a: u64) -> [u64; 6] {
        [a, 0, 0, 0, 0, 0]
    }

    #[test]
    fn seccomp_denies_network_sockets_and_allows_unix_ones_only_when_confined() {
        for profile in [Profile::Run, Profile::Compile] {
            let inet = arg0(libc::AF_INET as u64);
            let unix = arg0(libc::AF_UNIX as u64);
            assert_eq!(check(profile, true, libc::SYS_socket, inet), RET_EPERM);
            assert_eq!(check(profile, true, libc::SYS_socket, unix), RET_ALLOW);
            assert_eq!(check(profile, false, libc::SYS_socket, unix), RET_EPERM);
            assert_eq!(check(profile, false, libc::SYS_read, arg0(0)), RET_ALLOW);
            assert_eq!(check(profile, false, libc::SYS_ptrace, arg0(0)), RET_EPERM);
            assert_eq!(check(profile, false, libc::SYS_setsid, arg0(0)), RET_EPERM);
        }
    }

    #[test]
    fn seccomp_lets_runs_create_threads_but_not_processes() {
        let thread = (libc::CLONE_VM | libc::CLONE_THREAD | libc::CLONE_SIGHAND) as u64;
        let fork = libc::SIGCHLD as u64;
        let newuser = (libc::CLONE_NEWUSER | libc::SIGCHLD) as u64;
        assert_eq!(
            check(Profile::Run, false, libc::SYS_clone, arg0(thread)),
            RET_ALLOW
        );
        assert_eq!(
            check(Profile::Run, false, libc::SYS_clone, arg0(fork)),
            RET_EPERM
        );
        assert_eq!(
            check(Profile::Compile, false, libc::SYS_clone, arg0(fork)),
            RET_ALLOW
        );
        assert_eq!(
            check(Profile::Compile, false, libc::SYS_clone, arg0(newuser)),
            RET_EPERM
        );
        for profile in [Profile::Run, Profile::Compile] {
            assert_eq!(check(profile, false, libc::SYS_clone3, arg0(0)), RET_ENOSYS);
        }
    }

    #[test]
    fn seccomp_keeps_signals_inside() {
        let minus = |n: i32| n as u32 as u64 | 0xffff_ffff_0000_0000;
        let run = |nr, a| check(Profile::Run, false, nr, a);
        assert_eq!(run(libc::SYS_kill, arg0(PID.into())), RET_ALLOW);
        assert_eq!(run(libc::SYS_kill, arg0(1)), RET_EPERM);
        assert_eq!(run(libc::SYS_kill, arg0(minus(-1))), RET_EPERM);
        assert_eq!(run(libc::SYS_tgkill, arg0(PID.into())), RET_ALLOW);
        assert_eq!(run(libc::SYS_tgkill, arg0(7)), RET_EPERM);
        let compile = |a| check(Profile::Compile, false, libc::SYS_kill, a);
        assert_eq!(compile(arg0(minus(-1))), RET_EPERM);
        assert_eq!(compile(arg0(minus(-7))), RET_EPERM);
        assert_eq!(compile(arg0(minus(-(PID as i32)))), RET_ALLOW);
        assert_eq!(compile(arg0(0)), RET_ALLOW);
        assert_eq!(compile(arg0(12345)), RET_ALLOW);
    }

    #[test]
    fn seccomp_filters_limits_prctl_and_foreign_abis() {
        let run = |nr, a| check(Profile::Run, false, nr, a);
        assert_eq!(run(libc::SYS_prlimit64, [0, 3, 0, 0x1000, 0, 0]), RET_ALLOW);
        assert_eq!(run(libc::SYS_prlimit64, [0, 3, 0x1000, 0, 0, 0]), RET_EPERM);
        assert_eq!(
            run(libc::SYS_prlimit64, [0, 3, 1 << 40, 0, 0, 0]),
            RET_EPERM
        );
        let pdeathsig = libc::PR_SET_PDEATHSIG as u64;
        assert_eq!(run(libc::SYS_prctl, arg0(pdeathsig)), RET_EPERM);
        let name = libc::PR_SET_NAME as u64;
        assert_eq!(run(libc::SYS_prctl, arg0(name)), RET_ALLOW);
        let filter = seccomp_filter(Profile::Run, PID, false).unwrap();
        assert_eq!(decide(&filter, 0x4000_0003, 0, arg0(0)), RET_KILL); // i386
        if cfg!(target_arch = "x86_64") {
            let x32_read = X32_SYSCALL_BIT;
            assert_eq!(
                decide(&filter, AUDIT_ARCH.unwrap(), x32_read, arg0(0)),
                RET_KILL
            );
        }
    }

    #[test]
    fn seccomp_denies_device_nodes() {
        let mknodat = |mode: u32| {
            check(
                Profile::Compile,
                false,
                libc::SYS_mknodat,
                [0, 0, mode.into(), 0, 0, 0],
            )
        };
        assert_eq!(mknodat(libc::S_IFBLK | 0o600), RET_EPERM);
        assert_eq!(mknodat(libc::S_IFCHR | 0o600), RET_EPERM);
        assert_eq!(mknodat(libc::S_IFIFO | 0o600), RET_ALLOW);
    }
}
