//! What one sandboxed process may do, and how the judge hands that to the launcher: the
//! launcher's command line is `kata __sandbox KEY=VALUE... -- PROGRAM ARGS...`, one path per
//! argument (`r=PATH`, `w=PATH`), so no escaping is ever needed.

use std::ffi::{OsStr, OsString};
use std::os::fd::RawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

/// What the sandboxed process is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// The compiler and linker: may create processes (rustc runs `cc`), may not use the network.
    Compile,
    /// The learner's program: no new processes, no network, no privilege.
    Run,
    /// A test server: a harness that forks one test process per test (see
    /// `harness::protocol::SERVE_ENV`); confined as a run is, and each test process installs
    /// the run's own filters before the learner's code runs.
    Serve,
}

impl Profile {
    /// Whether the process runs (or forks processes that run) the learner's program.
    pub fn runs_program(self) -> bool {
        matches!(self, Profile::Run | Profile::Serve)
    }
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
    /// Folders of cgroups to join (one per hierarchy), their limits already written.
    pub cgroups: Vec<PathBuf>,
}

/// A decoded launcher command line: the policy plus what the judge adds per process.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Launch {
    pub policy: Policy,
    /// The judge's pid: the launcher refuses to run once orphaned.
    pub parent: u32,
    /// The inherited descriptor to move to 3 (the result channel).
    pub fd3: Option<i32>,
    /// A descriptor to read the judge's go-ahead from once the cgroups are joined, before the
    /// program is opened (a program still compiling) and the namespaces joined (which the
    /// go-ahead may name: see [`go_with_namespaces`]); end of file there ends the launcher.
    pub wait: Option<i32>,
    /// The process that holds the sandbox's namespaces and which of them (`CLONE_NEW*`
    /// flags) to join (see `namespaces`).
    pub namespaces: Option<(u32, i32)>,
    /// Address-space limit (RLIMIT_AS), which bounds what page tables can cost.
    pub address_space: Option<u64>,
    /// The seccomp filters, made ahead by the judge (see `seccomp::prepared`).
    pub seccomp: Option<String>,
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

/// The go-ahead of a waiting launcher (see [`Launch::wait`]) that joins the namespaces its
/// command line names, if any.
pub(super) const GO: &[u8] = b"1";

/// The go-ahead of a launcher started before the namespaces were made: the holder's pid and
/// which of its namespaces to join (`CLONE_NEW*` flags).
pub(super) fn go_with_namespaces(holder: u32, flags: i32) -> Vec<u8> {
    format!("n{holder} {flags}").into_bytes()
}

/// The namespaces a go-ahead names: `Some(None)` for none, `None` when it is not a go-ahead.
pub(super) fn read_go(message: &[u8]) -> Option<Option<(u32, i32)>> {
    if message == GO {
        return Some(None);
    }
    let text = std::str::from_utf8(message.strip_prefix(b"n")?).ok()?;
    let (holder, flags) = text.split_once(' ')?;
    Some(Some((holder.parse().ok()?, flags.parse().ok()?)))
}

/// Why the launcher could not start the program; printed after `LAUNCH_FAILED_PREFIX`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct SetupError(pub String);

impl SetupError {
    /// `what` failed with the current `errno`.
    pub fn os(what: impl std::fmt::Display) -> Self {
        SetupError(format!("{what}: {}", std::io::Error::last_os_error()))
    }
}

impl Launch {
    /// The launcher arguments between `LAUNCHER_ARG` and `--`.
    pub fn encode(&self, token: &str) -> Vec<OsString> {
        let policy = &self.policy;
        let mut out = vec![
            OsString::from(match policy.profile {
                Profile::Compile => "profile=compile",
                Profile::Run => "profile=run",
                Profile::Serve => "profile=serve",
            }),
            format!("parent={}", self.parent).into(),
            format!("token={token}").into(),
            format!("fsize={}", policy.file_size).into(),
        ];
        let numbers = [
            ("memory", policy.memory),
            ("cpu_ms", policy.cpu.map(|c| c.as_millis() as u64)),
            ("stack", policy.stack),
            ("fd3", self.fd3.map(|fd| fd as u64)),
            ("wait", self.wait.map(|fd| fd as u64)),
            ("ns", self.namespaces.map(|(pid, _)| u64::from(pid))),
            (
                "nsflags",
                self.namespaces.map(|(_, flags)| flags as u32 as u64),
            ),
            ("as", self.address_space),
        ];
        for (key, value) in numbers {
            if let Some(value) = value {
                out.push(format!("{key}={value}").into());
            }
        }
        if let Some(text) = self.seccomp.as_ref().filter(|t| !t.is_empty()) {
            out.push(format!("seccomp={text}").into());
        }
        for (key, paths) in [
            ("r=", &policy.read),
            ("w=", &policy.write),
            ("cg=", &policy.cgroups),
        ] {
            for path in paths {
                let mut arg = OsString::from(key);
                arg.push(path);
                out.push(arg);
            }
        }
        out
    }

    pub fn decode(args: &[OsString]) -> Result<Self, SetupError> {
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
                cgroups: Vec::new(),
            },
            parent: 0,
            fd3: None,
            wait: None,
            namespaces: None,
            address_space: None,
            seccomp: None,
            program: PathBuf::from(program),
            args: args.to_vec(),
        };
        let mut profile = None;
        let (mut holder, mut ns_flags) = (None, 0);
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
            let small = || -> Result<u32, SetupError> {
                u32::try_from(number()?).map_err(|_| SetupError(format!("bad id in {option:?}")))
            };
            match key {
                b"profile" => {
                    profile = Some(match value.as_bytes() {
                        b"run" => Profile::Run,
                        b"serve" => Profile::Serve,
                        b"compile" => Profile::Compile,
                        _ => return Err(SetupError(format!("bad profile in {option:?}"))),
                    })
                }
                b"parent" => launch.parent = small()?,
                b"fsize" => launch.policy.file_size = number()?,
                b"memory" => launch.policy.memory = Some(number()?),
                b"cpu_ms" => launch.policy.cpu = Some(Duration::from_millis(number()?)),
                b"stack" => launch.policy.stack = Some(number()?),
                b"fd3" => launch.fd3 = Some(small()? as RawFd),
                b"wait" => launch.wait = Some(small()? as RawFd),
                b"ns" => holder = Some(small()?),
                b"nsflags" => ns_flags = small()? as i32,
                b"as" => launch.address_space = Some(number()?),
                b"token" => {}
                b"seccomp" => {
                    launch.seccomp = Some(
                        value
                            .to_str()
                            .ok_or_else(|| SetupError("bad seccomp filters".into()))?
                            .to_string(),
                    )
                }
                b"r" => launch.policy.read.push(PathBuf::from(value)),
                b"w" => launch.policy.write.push(PathBuf::from(value)),
                b"cg" => launch.policy.cgroups.push(PathBuf::from(value)),
                _ => return Err(SetupError(format!("unknown option {option:?}"))),
            }
        }
        launch.namespaces = holder.map(|pid| (pid, ns_flags));
        launch.policy.profile = profile.ok_or_else(|| SetupError("missing profile".into()))?;
        if launch.parent == 0 {
            return Err(SetupError("missing parent pid".into()));
        }
        Ok(launch)
    }
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

/// Shared libraries outside the system's folders that programs load (the toolchain's
/// standard library, for programs linked with `-C prefer-dynamic`), by their real paths.
/// Fixed once, before the namespace holder starts: it binds them into the runs' root, in
/// [`RUNS_LIBRARY_DIR`].
static RUNTIME_LIBRARIES: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Where the runs' mount namespace shows the [`runtime_libraries`]: not at their own paths,
/// which would show the folders above them (a home folder, `/root`) to a `stat` probe. A
/// program names this folder first in its run path, and the real one after it for a run
/// without that namespace; outside the namespace only root can make this folder.
pub const RUNS_LIBRARY_DIR: &str = "/kata/lib";

/// Makes `libs` part of [`runtime_read_paths`]; `Err` with the libraries already fixed
/// when they differ (the namespace holder started first).
pub fn set_runtime_libraries(libs: Vec<PathBuf>) -> Result<(), &'static [PathBuf]> {
    let fixed = RUNTIME_LIBRARIES.get_or_init(|| libs.clone());
    if *fixed == libs {
        Ok(())
    } else {
        Err(fixed)
    }
}

/// The libraries of [`set_runtime_libraries`], fixed from now on (none if none were set).
pub fn runtime_libraries() -> &'static [PathBuf] {
    RUNTIME_LIBRARIES.get_or_init(Vec::new)
}

/// Paths a dynamically linked Rust program needs at run time: the dynamic loader, the
/// directories of libc and libgcc_s (see [`system_runtime_paths`]), and the
/// [`runtime_libraries`].
pub fn runtime_read_paths() -> Vec<PathBuf> {
    let mut paths = system_runtime_paths();
    paths.extend(runtime_libraries().iter().cloned());
    paths
}

/// The system's part of [`runtime_read_paths`]. Where the multiarch directory exists
/// (Debian, Ubuntu) it replaces all of `/usr/lib`.
pub fn system_runtime_paths() -> Vec<PathBuf> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn launch() -> Launch {
        Launch {
            policy: Policy {
                profile: Profile::Compile,
                read: vec!["/usr".into(), "/a dir/with = signs".into()],
                write: vec!["/tmp/crate".into()],
                memory: Some(256 << 20),
                cpu: Some(Duration::from_millis(1500)),
                file_size: 1 << 20,
                stack: None,
                cgroups: vec!["/sys/fs/cgroup/memory/kata-1/slot-0".into()],
            },
            parent: 42,
            fd3: Some(7),
            wait: Some(8),
            namespaces: Some((99, libc::CLONE_NEWNET | libc::CLONE_NEWNS)),
            address_space: Some(1 << 32),
            seccomp: Some("6:0:0:7fff0000".into()),
            program: "/bin/prog".into(),
            args: vec!["--".into(), "x=y".into()],
        }
    }

    #[test]
    fn the_launcher_decodes_what_the_command_encodes() {
        let l = launch();
        let mut args = l.encode("t0k3n");
        args.push("--".into());
        args.push(l.program.clone().into());
        args.extend(l.args.iter().cloned());
        assert_eq!(Launch::decode(&args).unwrap(), l);
    }

    #[test]
    fn bad_launcher_arguments_are_setup_errors() {
        for args in [
            &["profile=run", "parent=1"][..],
            &["profile=run", "--", "/bin/true"],
            &["parent=1", "--", "/bin/true"],
            &["profile=fly", "parent=1", "--", "/bin/true"],
            &["profile=run", "parent=1", "memory=lots", "--", "/bin/true"],
            &["profile=run", "parent=1", "ns=-1", "--", "/bin/true"],
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
}
