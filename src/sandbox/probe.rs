//! What this machine provides of the sandbox, probed with the same steps the launcher takes
//! (the namespace holder is the one the judge uses), for `kata doctor` and the judge's
//! warnings: a guard the machine cannot provide is reported, never skipped in silence.

use super::{cgroup, identity, landlock, seccomp, Profile};

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

/// (major, minor) of the running kernel, (0, 0) if unknown.
fn kernel_release() -> (u32, u32) {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mut parts = release
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .map(|p| p.parse().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// Probes this machine for every guard.
pub fn guards() -> Vec<Guard> {
    let abi = landlock::abi();
    let seccomp = seccomp::available();
    let root = identity::euid_is_root();
    let ns = super::judge_namespaces();
    let has = |flag: libc::c_int| ns.flags & flag != 0;
    let gap = |word: &str| {
        ns.gaps
            .iter()
            .find(|g| g.contains(word))
            .cloned()
            .unwrap_or_else(|| "not provided".into())
    };
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
    let run_calls = seccomp::allowlist(Profile::Run).len();
    let compile_calls = seccomp::allowlist(Profile::Compile).len();
    let mut guards = vec![
        Guard::new(
            "seccomp allowlist",
            seccomp,
            true,
            if seccomp {
                format!(
                    "{run_calls} system calls for runs, {compile_calls} for compiles, some only \
                     with safe arguments; every other call fails with EPERM"
                )
            } else {
                "the kernel lacks seccomp filters (or this architecture is not supported)".into()
            },
        ),
        Guard::new(
            "no privilege",
            true,
            true,
            if root {
                format!(
                    "programs run as uid {} with no groups and no capabilities; the compiler \
                     keeps uid 0 with no capabilities; no_new_privs for both",
                    identity::SANDBOX_UID
                )
            } else if has(libc::CLONE_NEWUSER) {
                "programs and the compiler run as this user, with no capabilities and \
                 no_new_privs; supplementary groups stay (an unprivileged user cannot drop them)"
                    .into()
            } else {
                "programs and the compiler run as this user with no_new_privs".into()
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
    ];
    if !root {
        guards.push(Guard::new(
            "user namespace",
            has(libc::CLONE_NEWUSER),
            false,
            if has(libc::CLONE_NEWUSER) {
                "the other namespaces are made inside one of this user's own".to_string()
            } else {
                gap("user namespace") + "; without it there is no other namespace"
            },
        ));
    }
    guards.extend([
        Guard::new(
            "network namespace",
            has(libc::CLONE_NEWNET),
            false,
            if has(libc::CLONE_NEWNET) {
                "runs and compiles share one with only a loopback that is down".to_string()
            } else {
                gap("net namespace") + "; seccomp and Landlock still deny network sockets"
            },
        ),
        Guard::new(
            "IPC namespace",
            has(libc::CLONE_NEWIPC),
            false,
            match (has(libc::CLONE_NEWIPC), ns.ipc_limits) {
                (true, true) => "SysV and POSIX IPC of its own, with every limit zero".to_string(),
                (true, false) => format!(
                    "SysV and POSIX IPC of its own, ended with the judge; {} (seccomp denies \
                     the IPC calls)",
                    gap("IPC limits")
                ),
                _ => gap("ipc namespace") + "; seccomp still denies the IPC calls",
            },
        ),
        Guard::new(
            "mount namespace",
            has(libc::CLONE_NEWNS),
            false,
            if has(libc::CLONE_NEWNS) {
                format!(
                    "runs see a read-only root with their libraries, four devices and {}",
                    if ns.private_proc {
                        "a /proc of their own processes"
                    } else {
                        "the host's /proc (a private one needs root): other processes of this \
                         user can be listed"
                    }
                )
            } else {
                gap("mount namespace")
                    + "; `stat` of any path works (Landlock still denies opening)"
            },
        ),
    ]);
    match cgroup::get() {
        Ok(cgroups) => {
            let kind = match &cgroups.layout {
                cgroup::Layout::V1 { pids, .. } => {
                    if pids.is_some() {
                        "cgroup v1 memory and pids"
                    } else {
                        "cgroup v1 memory (no pids hierarchy)"
                    }
                }
                cgroup::Layout::V2 { .. } => "cgroup v2 memory and pids",
            };
            guards.push(Guard::new(
                "memory cgroup",
                true,
                false,
                format!(
                    "{kind}: every kind of memory of a run (page tables and shared memory \
                     included) counted against its limit, {} tasks at most",
                    cgroup::TASKS
                ),
            ));
        }
        Err(e) => guards.push(Guard::new(
            "memory cgroup",
            false,
            false,
            format!(
                "{e}; RLIMIT_DATA limits allocations and RLIMIT_AS bounds page tables to 1/512 \
                 of the address space"
            ),
        )),
    }
    guards.push(Guard::new(
        "process group kill",
        seccomp,
        true,
        if seccomp {
            "each sandbox leads its own process group; setsid/setpgid are not allowed"
        } else {
            "without seccomp a process could leave its group and survive the judge"
        },
    ));
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
                "RLIMIT_DATA (heap and private mappings); RLIMIT_AS bounds the address space"
                    .to_string()
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
    guards
}

/// One line per guard this machine does not provide, for the judge to print as warnings.
pub fn missing_guard_warnings() -> Vec<String> {
    guards()
        .into_iter()
        .filter(|g| !g.provided)
        .map(|g| format!("sandbox guard not available: {} ({})", g.name, g.detail))
        .collect()
}
