//! The seccomp policy as data: one allowlist per profile, each entry a system call, the
//! argument patterns under which it is allowed, and why. Everything else fails with EPERM.
//! The filters are compiled and checked by `seccompiler` (rust-vmm's, as Firecracker uses).
//!
//! The lists were measured with `strace -f` on every bundled reference solution, the
//! known-wrong solutions and the honest programs of the hostile suite (runs), and on
//! `rustc` compiling them, including the linker it starts (compiles); then widened by the
//! calls the same code takes on other paths (threads, panics, stack overflow, timeouts).

use super::Profile;
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition,
    SeccompFilter, SeccompRule, TargetArch,
};
use std::collections::BTreeMap;

/// When an allowed call's arguments pass.
#[derive(Debug, Clone, Copy)]
pub enum When {
    Always,
    /// Any one of these patterns, each a list of conditions that must all hold.
    Any(&'static [&'static [Arg]]),
    /// Argument `.0` is this process's own id (exec keeps the launcher's pid).
    OwnPid(u8),
    /// `kill` in compiles: a child's pid (positive) or this sandbox's own process group.
    ChildOrOwnGroup,
    /// `prlimit64` reading (never setting) this process's own limits.
    ReadOwnLimits,
    /// `execveat` of the descriptor the launcher opened on the program, and nothing else.
    LaunchExec,
}

/// One condition on a system call's argument.
#[derive(Debug, Clone, Copy)]
pub enum Arg {
    /// The argument's low 32 bits (an `int`: flags, commands) equal the value.
    Is(u8, u64),
    /// The argument's low 32 bits, masked, equal the value.
    Masked(u8, u64, u64),
    /// The whole 64-bit argument (a size) is not zero.
    NonZero(u8),
    /// The argument's low 32 bits differ from the value.
    IsNot(u8, u64),
}

/// One allowed system call.
#[derive(Debug, Clone, Copy)]
pub struct Allow {
    pub nr: libc::c_long,
    pub name: &'static str,
    pub when: When,
    pub why: &'static str,
}

const fn a(nr: libc::c_long, name: &'static str, when: When, why: &'static str) -> Allow {
    Allow {
        nr,
        name,
        when,
        why,
    }
}

// Flags and values the argument checks use.
const CLONE_NAMESPACES_OR_PARENT: u64 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWCGROUP
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET
    | libc::CLONE_PARENT) as u64;
const CLONE_THREAD: u64 = libc::CLONE_THREAD as u64;
const HUGETLB: u64 = libc::MAP_HUGETLB as u64;
/// MAP_SHARED, MAP_PRIVATE or MAP_SHARED_VALIDATE.
const MAP_TYPE: u64 = 0x03;
/// `PR_SET_VMA`: glibc names its anonymous mappings with it.
const PR_SET_VMA: u64 = 0x5356_4d41;

/// An ioctl request number: `c_ulong` with glibc, `c_int` with musl.
#[allow(clippy::unnecessary_cast)]
const fn ioctl(request: libc::Ioctl) -> u64 {
    request as u64
}

/// `clone` creating a thread: CLONE_THREAD set, no namespace, not a sibling.
const THREAD_ONLY: &[&[Arg]] = &[&[Arg::Masked(
    0,
    CLONE_THREAD | CLONE_NAMESPACES_OR_PARENT,
    CLONE_THREAD,
)]];
/// `clone` creating a process or a thread, but never a namespace or a sibling.
const NO_NAMESPACE: &[&[Arg]] = &[&[Arg::Masked(0, CLONE_NAMESPACES_OR_PARENT, 0)]];
/// `mmap` in compiles: never huge pages (their pool is not counted by the memory limit),
/// never a mapping both writable and executable.
const MMAP: &[&[Arg]] = &[
    &[
        Arg::Masked(3, HUGETLB, 0),
        Arg::Masked(2, libc::PROT_EXEC as u64, 0),
    ],
    &[
        Arg::Masked(3, HUGETLB, 0),
        Arg::Masked(2, libc::PROT_WRITE as u64, 0),
    ],
];
/// `mmap` in runs: the same, and private mappings only. Shared memory (anonymous, or of
/// /dev/zero) is not counted by RLIMIT_DATA, and a shared mapping could be mapped a second
/// time and made executable while the first stays writable.
const MMAP_RUN: &[&[Arg]] = &[
    &[
        Arg::Masked(3, HUGETLB | MAP_TYPE, libc::MAP_PRIVATE as u64),
        Arg::Masked(2, libc::PROT_EXEC as u64, 0),
    ],
    &[
        Arg::Masked(3, HUGETLB | MAP_TYPE, libc::MAP_PRIVATE as u64),
        Arg::Masked(2, libc::PROT_WRITE as u64, 0),
    ],
];
/// `mprotect`: never writable and executable at once.
const MPROTECT: &[&[Arg]] = &[
    &[Arg::Masked(2, libc::PROT_EXEC as u64, 0)],
    &[Arg::Masked(2, libc::PROT_WRITE as u64, 0)],
];
/// `mremap` moving or growing a mapping, never duplicating one (an old size of zero maps a
/// shared mapping a second time, which could then be made executable while the first stays
/// writable).
const MREMAP: &[&[Arg]] = &[&[Arg::NonZero(1)]];
/// `fcntl`: descriptor flags and duplication only (no F_SETOWN: it aims SIGIO at any
/// process; no leases or locks on files of others).
const FCNTL: &[&[Arg]] = &[
    &[Arg::Is(1, libc::F_GETFD as u64)],
    &[Arg::Is(1, libc::F_SETFD as u64)],
    &[Arg::Is(1, libc::F_GETFL as u64)],
    &[Arg::Is(1, libc::F_SETFL as u64)],
    &[Arg::Is(1, libc::F_DUPFD as u64)],
    &[Arg::Is(1, libc::F_DUPFD_CLOEXEC as u64)],
];
/// `ioctl`: whether a stream is a terminal and its size, non-blocking and close-on-exec
/// flags. No network-device, terminal-injecting (TIOCSTI) or device ioctls.
const IOCTL: &[&[Arg]] = &[
    &[Arg::Is(1, ioctl(libc::TCGETS))],
    &[Arg::Is(1, ioctl(libc::TIOCGWINSZ))],
    &[Arg::Is(1, ioctl(libc::FIONBIO))],
    &[Arg::Is(1, ioctl(libc::FIOCLEX))],
    &[Arg::Is(1, ioctl(libc::FIONCLEX))],
];
/// `prctl`: thread and mapping names only (no PR_SET_PDEATHSIG, which would let the
/// program outlive the judge; no PR_SET_MM, PR_SET_DUMPABLE, PR_SET_SECCOMP, capabilities).
const PRCTL: &[&[Arg]] = &[
    &[Arg::Is(0, libc::PR_SET_NAME as u64)],
    &[Arg::Is(0, libc::PR_GET_NAME as u64)],
    &[Arg::Is(0, PR_SET_VMA)],
];
/// `seccomp`: installing a filter (which only ever narrows what the caller may do).
const SET_FILTER: &[&[Arg]] = &[&[Arg::Is(0, libc::SECCOMP_SET_MODE_FILTER as u64)]];
/// `prctl`: the parent-death signal, SIGKILL only.
const PDEATHSIG: &[&[Arg]] = &[&[
    Arg::Is(0, libc::PR_SET_PDEATHSIG as u64),
    Arg::Is(1, libc::SIGKILL as u64),
]];
/// A signal's target: one process (a positive pid), never a group or every process.
const POSITIVE_PID: &[&[Arg]] = &[&[Arg::Masked(0, 0x8000_0000, 0), Arg::IsNot(0, 0)]];
/// `socketpair`: Unix sockets only (the compiler's jobserver); they reach nothing outside.
const UNIX_PAIR: &[&[Arg]] = &[&[Arg::Is(0, libc::AF_UNIX as u64)]];

/// What every Rust program (and so the compiler too) needs, on every architecture.
#[rustfmt::skip]
const COMMON: &[Allow] = &[
    // Input and output.
    a(libc::SYS_read, "read", When::Always, "stdin, and files Landlock and the mount namespace let it open"),
    a(libc::SYS_write, "write", When::Always, "stdout, stderr and the result channel on fd 3"),
    a(libc::SYS_readv, "readv", When::Always, "std's vectored reads"),
    a(libc::SYS_writev, "writev", When::Always, "std's vectored writes (println! of several parts)"),
    a(libc::SYS_pread64, "pread64", When::Always, "the dynamic loader reads ELF headers"),
    a(libc::SYS_close, "close", When::Always, "closing descriptors"),
    a(libc::SYS_dup, "dup", When::Always, "duplicating its own descriptors"),
    a(libc::SYS_dup3, "dup3", When::Always, "duplicating its own descriptors"),
    a(libc::SYS_fcntl, "fcntl", When::Any(FCNTL), "descriptor flags (std sets close-on-exec)"),
    a(libc::SYS_lseek, "lseek", When::Always, "seeking in its own files"),
    a(libc::SYS_pipe2, "pipe2", When::Always, "std::io::pipe; a pipe reaches nothing outside"),
    a(libc::SYS_ppoll, "ppoll", When::Always, "waiting on its own descriptors"),
    // Files: what may be opened is Landlock's (and the mount namespace's) decision.
    a(libc::SYS_openat, "openat", When::Always, "the dynamic loader opens libraries; Landlock decides"),
    a(libc::SYS_newfstatat, "newfstatat", When::Always, "std::fs::metadata; the mount namespace shows little"),
    a(libc::SYS_fstat, "fstat", When::Always, "the loader and std stat open descriptors"),
    a(libc::SYS_statx, "statx", When::Always, "std::fs::metadata"),
    a(libc::SYS_faccessat, "faccessat", When::Always, "the loader checks for preload files"),
    a(libc::SYS_faccessat2, "faccessat2", When::Always, "glibc's access()"),
    a(libc::SYS_readlinkat, "readlinkat", When::Always, "std::env::current_exe"),
    a(libc::SYS_getdents64, "getdents64", When::Always, "std::fs::read_dir"),
    a(libc::SYS_getcwd, "getcwd", When::Always, "std::env::current_dir"),
    // Memory.
    a(libc::SYS_brk, "brk", When::Always, "malloc's heap (counted by RLIMIT_DATA)"),
    a(libc::SYS_mprotect, "mprotect", When::Any(MPROTECT), "the loader's RELRO and stack guards; never W+X"),
    a(libc::SYS_munmap, "munmap", When::Always, "freeing mappings"),
    a(libc::SYS_mremap, "mremap", When::Any(MREMAP), "growing a large Vec in place; never a second view of a mapping"),
    a(libc::SYS_madvise, "madvise", When::Always, "malloc returns freed memory; thread stacks"),
    // Threads and synchronisation.
    a(libc::SYS_futex, "futex", When::Always, "locks, condition variables, joining threads"),
    a(libc::SYS_set_robust_list, "set_robust_list", When::Always, "glibc registers each thread"),
    a(libc::SYS_set_tid_address, "set_tid_address", When::Always, "glibc's thread start"),
    a(libc::SYS_rseq, "rseq", When::Always, "glibc registers restartable sequences per thread"),
    a(libc::SYS_gettid, "gettid", When::Always, "thread ids for panics and locks"),
    a(libc::SYS_sched_yield, "sched_yield", When::Always, "spin locks and std::thread::yield_now"),
    a(libc::SYS_sched_getaffinity, "sched_getaffinity", When::Always, "std::thread::available_parallelism"),
    a(libc::SYS_clone3, "clone3", When::Always, "passes its flags in memory, out of the filter's reach: the filter installed first answers ENOSYS, so glibc falls back to clone, whose flags are checked"),
    a(libc::SYS_exit, "exit", When::Always, "a thread ends"),
    a(libc::SYS_exit_group, "exit_group", When::Always, "the process ends"),
    // Signals (sending them is filtered per profile).
    a(libc::SYS_rt_sigaction, "rt_sigaction", When::Always, "std's SIGSEGV handler for stack overflows; SIGPIPE"),
    a(libc::SYS_rt_sigprocmask, "rt_sigprocmask", When::Always, "thread start and abort mask signals"),
    a(libc::SYS_rt_sigreturn, "rt_sigreturn", When::Always, "returning from a signal handler"),
    a(libc::SYS_sigaltstack, "sigaltstack", When::Always, "the stack-overflow handler's own stack"),
    a(libc::SYS_restart_syscall, "restart_syscall", When::Always, "the kernel resumes a call a signal interrupted"),
    // Time, randomness, identity (reads of its own state).
    a(libc::SYS_clock_gettime, "clock_gettime", When::Always, "Instant and SystemTime when the vDSO cannot answer"),
    a(libc::SYS_clock_getres, "clock_getres", When::Always, "clock resolution"),
    a(libc::SYS_gettimeofday, "gettimeofday", When::Always, "old time interface"),
    a(libc::SYS_clock_nanosleep, "clock_nanosleep", When::Always, "std::thread::sleep"),
    a(libc::SYS_nanosleep, "nanosleep", When::Always, "std::thread::sleep on older glibc"),
    a(libc::SYS_getrandom, "getrandom", When::Always, "HashMap's random keys"),
    a(libc::SYS_getpid, "getpid", When::Always, "abort() signals itself"),
    a(libc::SYS_getppid, "getppid", When::Always, "its parent's id"),
    a(libc::SYS_getuid, "getuid", When::Always, "its own ids"),
    a(libc::SYS_geteuid, "geteuid", When::Always, "its own ids"),
    a(libc::SYS_getgid, "getgid", When::Always, "its own ids"),
    a(libc::SYS_getegid, "getegid", When::Always, "its own ids"),
    a(libc::SYS_getresuid, "getresuid", When::Always, "its own ids"),
    a(libc::SYS_getresgid, "getresgid", When::Always, "its own ids"),
    a(libc::SYS_getgroups, "getgroups", When::Always, "its own (empty) supplementary groups"),
    a(libc::SYS_uname, "uname", When::Always, "the kernel's version"),
    a(libc::SYS_getrusage, "getrusage", When::Always, "its own resource usage"),
    a(libc::SYS_prlimit64, "prlimit64", When::ReadOwnLimits, "glibc's getrlimit (the main thread's stack size); never setting"),
    a(libc::SYS_prctl, "prctl", When::Any(PRCTL), "std names threads"),
];

/// Runs only.
#[rustfmt::skip]
const RUN: &[Allow] = &[
    a(libc::SYS_mmap, "mmap", When::Any(MMAP_RUN), "allocations, thread stacks, libraries: private, no huge pages, never W+X"),
    a(libc::SYS_execveat, "execveat", When::LaunchExec, "the launcher's exec of the program, by descriptor"),
    a(libc::SYS_clone, "clone", When::Any(THREAD_ONLY), "std::thread::spawn; no new processes, no namespaces"),
    a(libc::SYS_ioctl, "ioctl", When::Any(IOCTL), "isatty and friends"),
    a(libc::SYS_kill, "kill", When::OwnPid(0), "abort() and raise() signal the process itself"),
    a(libc::SYS_tgkill, "tgkill", When::OwnPid(0), "abort() and raise() signal the process itself"),
    a(libc::SYS_rt_sigqueueinfo, "rt_sigqueueinfo", When::OwnPid(0), "signals to itself"),
    a(libc::SYS_rt_tgsigqueueinfo, "rt_tgsigqueueinfo", When::OwnPid(0), "signals to itself"),
];

/// A test server besides what runs may do (see `harness::protocol::SERVE_ENV`). Its test
/// processes then install the run's filters themselves, which the kernel applies on top of
/// these: a test process may do only what both allow, that is what a run may.
#[rustfmt::skip]
const SERVE: &[Allow] = &[
    a(libc::SYS_clone, "clone", When::Any(NO_NAMESPACE), "the server forks one process per test; no namespaces"),
    a(libc::SYS_wait4, "wait4", When::Always, "the server waits for its test process (and reads its CPU time)"),
    a(libc::SYS_pidfd_open, "pidfd_open", When::Always, "the server hands the judge a pidfd of each test process"),
    a(libc::SYS_recvmsg, "recvmsg", When::Always, "the server receives each test's descriptors from the judge"),
    a(libc::SYS_sendmsg, "sendmsg", When::Always, "the server sends the judge each test's pidfd"),
    a(libc::SYS_seccomp, "seccomp", When::Any(SET_FILTER), "a test process installs the run's filters"),
    a(libc::SYS_prctl, "prctl", When::Any(PDEATHSIG), "a test process dies with its server"),
    a(libc::SYS_kill, "kill", When::Any(POSITIVE_PID), "a test process's abort() (its own filters allow only itself)"),
    a(libc::SYS_tgkill, "tgkill", When::Any(POSITIVE_PID), "a test process's abort() (its own filters allow only itself)"),
    a(libc::SYS_rt_sigqueueinfo, "rt_sigqueueinfo", When::Any(POSITIVE_PID), "signals a test process sends itself"),
    a(libc::SYS_rt_tgsigqueueinfo, "rt_tgsigqueueinfo", When::Any(POSITIVE_PID), "signals a test process sends itself"),
];

/// Compiles only: `rustc` runs `cc`, which runs `collect2` and `ld`, all in the crate folder.
#[rustfmt::skip]
const COMPILE: &[Allow] = &[
    a(libc::SYS_mmap, "mmap", When::Any(MMAP), "allocations, libraries, ld's output; no huge pages, never W+X"),
    a(libc::SYS_clone, "clone", When::Any(NO_NAMESPACE), "rustc's threads and its linker; no namespaces"),
    a(libc::SYS_execve, "execve", When::Always, "rustc runs cc, cc runs collect2 and ld"),
    a(libc::SYS_execveat, "execveat", When::Always, "the same through a descriptor"),
    a(libc::SYS_wait4, "wait4", When::Always, "waiting for the linker"),
    a(libc::SYS_waitid, "waitid", When::Always, "waiting for the linker"),
    a(libc::SYS_ioctl, "ioctl", When::Any(IOCTL), "isatty, and the jobserver's FIONREAD"),
    a(libc::SYS_kill, "kill", When::ChildOrOwnGroup, "stopping its own children; never -1 or another group"),
    a(libc::SYS_tgkill, "tgkill", When::Always, "rustc's threads signal each other (Landlock scopes signals)"),
    a(libc::SYS_socketpair, "socketpair", When::Any(UNIX_PAIR), "rustc's jobserver and helper threads"),
    a(libc::SYS_sendto, "sendto", When::Always, "on its own socket pair"),
    a(libc::SYS_recvfrom, "recvfrom", When::Always, "on its own socket pair"),
    a(libc::SYS_sendmsg, "sendmsg", When::Always, "on its own socket pair"),
    a(libc::SYS_recvmsg, "recvmsg", When::Always, "on its own socket pair"),
    a(libc::SYS_pwrite64, "pwrite64", When::Always, "the linker writes its output"),
    a(libc::SYS_ftruncate, "ftruncate", When::Always, "rustc and ld size their outputs"),
    a(libc::SYS_fallocate, "fallocate", When::Always, "ld reserves its output"),
    a(libc::SYS_fsync, "fsync", When::Always, "flushing outputs"),
    a(libc::SYS_fdatasync, "fdatasync", When::Always, "flushing outputs"),
    a(libc::SYS_fadvise64, "fadvise64", When::Always, "read-ahead hints"),
    a(libc::SYS_flock, "flock", When::Always, "rustc locks its output folder"),
    a(libc::SYS_copy_file_range, "copy_file_range", When::Always, "std::fs::copy inside the crate"),
    a(libc::SYS_sendfile, "sendfile", When::Always, "std::fs::copy on older kernels"),
    // Creating and removing files: Landlock confines all of these to the crate folder,
    // and a rename or link out of it needs Landlock's Refer right, never granted.
    a(libc::SYS_mkdirat, "mkdirat", When::Always, "rustc's temporary folders in the crate"),
    a(libc::SYS_unlinkat, "unlinkat", When::Always, "removing its temporary files"),
    a(libc::SYS_renameat, "renameat", When::Always, "moving outputs into place"),
    a(libc::SYS_renameat2, "renameat2", When::Always, "moving outputs into place"),
    a(libc::SYS_linkat, "linkat", When::Always, "ld and rustc hard-link outputs"),
    a(libc::SYS_symlinkat, "symlinkat", When::Always, "toolchains that link outputs"),
    a(libc::SYS_umask, "umask", When::Always, "the linker reads the umask for its output's mode"),
    a(libc::SYS_chdir, "chdir", When::Always, "cc changes folder"),
    a(libc::SYS_fchdir, "fchdir", When::Always, "cc changes folder"),
    a(libc::SYS_statfs, "statfs", When::Always, "ld asks the file system's type"),
    a(libc::SYS_fstatfs, "fstatfs", When::Always, "ld asks the file system's type"),
    a(libc::SYS_sysinfo, "sysinfo", When::Always, "rustc sizes its thread pool by memory"),
    a(libc::SYS_times, "times", When::Always, "rustc's timing"),
    a(libc::SYS_epoll_create1, "epoll_create1", When::Always, "the jobserver client"),
    a(libc::SYS_epoll_ctl, "epoll_ctl", When::Always, "the jobserver client"),
    a(libc::SYS_epoll_pwait, "epoll_pwait", When::Always, "the jobserver client"),
    a(libc::SYS_eventfd2, "eventfd2", When::Always, "rustc's helper threads wake each other"),
];

/// The legacy calls of x86_64 that aarch64 never had.
#[cfg(target_arch = "x86_64")]
#[rustfmt::skip]
const LEGACY: &[Allow] = &[
    a(libc::SYS_open, "open", When::Always, "older glibc paths of fopen"),
    a(libc::SYS_stat, "stat", When::Always, "older glibc's stat()"),
    a(libc::SYS_lstat, "lstat", When::Always, "older glibc's lstat()"),
    a(libc::SYS_access, "access", When::Always, "the loader checks /etc/ld.so.preload"),
    a(libc::SYS_readlink, "readlink", When::Always, "std::env::current_exe"),
    a(libc::SYS_dup2, "dup2", When::Always, "duplicating its own descriptors"),
    a(libc::SYS_arch_prctl, "arch_prctl", When::Always, "glibc sets the thread pointer (FS base)"),
    a(libc::SYS_time, "time", When::Always, "old time interface"),
    a(libc::SYS_getrlimit, "getrlimit", When::Always, "reading its own limits"),
    a(libc::SYS_select, "select", When::Always, "waiting on its own descriptors"),
    a(libc::SYS_poll, "poll", When::Always, "std polls its standard streams at start"),
];
#[cfg(not(target_arch = "x86_64"))]
const LEGACY: &[Allow] = &[];

#[cfg(target_arch = "x86_64")]
#[rustfmt::skip]
const LEGACY_COMPILE: &[Allow] = &[
    a(libc::SYS_vfork, "vfork", When::Always, "posix_spawn starts the linker"),
    a(libc::SYS_fork, "fork", When::Always, "older cc start their passes"),
    a(libc::SYS_pipe, "pipe", When::Always, "cc's pipes to its passes"),
    a(libc::SYS_mkdir, "mkdir", When::Always, "rustc's temporary folders in the crate"),
    a(libc::SYS_rmdir, "rmdir", When::Always, "removing them"),
    a(libc::SYS_unlink, "unlink", When::Always, "removing temporary files"),
    a(libc::SYS_rename, "rename", When::Always, "moving outputs into place"),
    a(libc::SYS_link, "link", When::Always, "hard-linking outputs"),
    a(libc::SYS_symlink, "symlink", When::Always, "toolchains that link outputs"),
    a(libc::SYS_getdents, "getdents", When::Always, "older readdir"),
    a(libc::SYS_epoll_wait, "epoll_wait", When::Always, "the jobserver client"),
];
#[cfg(not(target_arch = "x86_64"))]
const LEGACY_COMPILE: &[Allow] = &[];

/// The allowlist of `profile`: every entry, in table order.
pub fn allowlist(profile: Profile) -> Vec<Allow> {
    let own: &[Allow] = match profile {
        Profile::Run => RUN,
        // A test server's test processes install the run's filters before any learner code
        // runs; the server itself may do a little more, and nothing a test process may not
        // beyond starting, watching and confining test processes.
        Profile::Serve => &[],
        Profile::Compile => COMPILE,
    };
    let mut list: Vec<Allow> = COMMON.iter().chain(LEGACY).chain(own).copied().collect();
    if profile == Profile::Serve {
        list.extend(RUN.iter().chain(SERVE).copied());
    }
    if profile == Profile::Compile {
        list.extend_from_slice(LEGACY_COMPILE);
    }
    list
}

#[cfg(target_arch = "x86_64")]
const ARCH: Option<TargetArch> = Some(TargetArch::x86_64);
#[cfg(target_arch = "aarch64")]
const ARCH: Option<TargetArch> = Some(TargetArch::aarch64);
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const ARCH: Option<TargetArch> = None;

/// One line of the policy as a reviewer reads it: the call, whether its arguments are
/// checked, and why it is allowed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub call: &'static str,
    pub checked: bool,
    pub why: &'static str,
}

/// The allowlist of `profile` as a table.
pub fn table(profile: Profile) -> Vec<Entry> {
    allowlist(profile)
        .into_iter()
        .map(|a| Entry {
            call: a.name,
            checked: !matches!(a.when, When::Always),
            why: a.why,
        })
        .collect()
}

/// Whether this build has system call numbers for its architecture.
pub fn supported() -> bool {
    ARCH.is_some()
}

fn condition(arg: u8, op: Op, value: u64) -> SeccompCondition {
    SeccompCondition::new(arg, Len::Dword, op, value).expect("argument index below 6")
}

/// What the filter checks that is only known when the launcher installs it (the same values
/// a test server's test processes fill in).
pub use crate::harness::protocol::StandIns as Context;

fn rules(when: When, ctx: Context) -> Vec<SeccompRule> {
    let own_pid = ctx.own_pid;
    let rule = |conds: Vec<SeccompCondition>| SeccompRule::new(conds).expect("conditions");
    match when {
        When::Always => Vec::new(),
        When::Any(patterns) => patterns
            .iter()
            .map(|conds| {
                rule(
                    conds
                        .iter()
                        .map(|c| match *c {
                            Arg::Is(i, v) => condition(i, Op::Eq, v),
                            Arg::IsNot(i, v) => condition(i, Op::Ne, v),
                            Arg::Masked(i, mask, v) => condition(i, Op::MaskedEq(mask), v),
                            Arg::NonZero(i) => SeccompCondition::new(i, Len::Qword, Op::Ne, 0)
                                .expect("argument index below 6"),
                        })
                        .collect(),
                )
            })
            .collect(),
        When::OwnPid(i) => vec![rule(vec![condition(i, Op::Eq, own_pid.into())])],
        When::ChildOrOwnGroup => vec![
            // A pid_t's low 32 bits: positive is a child (or 0, the own group).
            rule(vec![condition(0, Op::Lt, 0x8000_0000)]),
            rule(vec![condition(
                0,
                Op::Eq,
                u64::from((own_pid as i32).wrapping_neg() as u32),
            )]),
        ],
        When::LaunchExec => vec![rule(vec![
            condition(0, Op::Eq, ctx.exec_fd.into()),
            SeccompCondition::new(1, Len::Qword, Op::Eq, ctx.exec_path).expect("arg"),
            condition(4, Op::Eq, libc::AT_EMPTY_PATH as u64),
        ])],
        When::ReadOwnLimits => {
            let no_new_limit = SeccompCondition::new(2, Len::Qword, Op::Eq, 0).expect("arg");
            vec![
                rule(vec![condition(0, Op::Eq, 0), no_new_limit.clone()]),
                rule(vec![condition(0, Op::Eq, own_pid.into()), no_new_limit]),
            ]
        }
    }
}

/// The filters of `profile` for the process `ctx.own_pid`, to install in order. First, one
/// that turns `clone3` into ENOSYS: it passes its flags in memory, where no filter can see
/// them, and on ENOSYS glibc falls back to `clone`, whose flags the allowlist checks. Then the
/// allowlist: anything not on it fails with EPERM, and another ABI (i386 through `int 0x80`)
/// kills. The kernel runs both and takes the most restrictive answer; the allowlist comes
/// last because it denies the very calls (`prctl`, `seccomp`) that install a filter.
pub fn filters(profile: Profile, ctx: Context) -> Result<Vec<BpfProgram>, String> {
    let arch = ARCH.ok_or("seccomp: unsupported architecture")?;
    let mut map: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    for entry in allowlist(profile) {
        let rules = rules(entry.when, ctx);
        match map.entry(entry.nr) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(rules);
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                // Listed twice (an arch-specific alias): an unconditional entry wins.
                if rules.is_empty() || o.get().is_empty() {
                    o.insert(Vec::new());
                } else {
                    o.get_mut().extend(rules);
                }
            }
        }
    }
    let allow = SeccompFilter::new(
        map,
        SeccompAction::Errno(libc::EPERM as u32),
        SeccompAction::Allow,
        arch,
    )
    .map_err(|e| format!("seccomp: {e}"))?;
    let clone3 = SeccompFilter::new(
        BTreeMap::from([(libc::SYS_clone3, Vec::new())]),
        SeccompAction::Allow,
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch,
    )
    .map_err(|e| format!("seccomp: {e}"))?;
    [clone3, allow]
        .into_iter()
        .map(|f| BpfProgram::try_from(f).map_err(|e| format!("seccomp: {e}")))
        .collect()
}

/// Filters made ahead by the judge travel as text whose form, and whose stand-ins for what
/// only the launcher knows, are shared with the harness (its test processes fill them in too).
use crate::harness::protocol::{self, Instruction};

/// The filters of `profile` made once per judge, with stand-ins for the launcher's pid and
/// program descriptor, as text for the launcher's command line: building them costs tens of
/// microseconds, which every test would pay.
pub fn prepared(profile: Profile) -> &'static str {
    use std::sync::OnceLock;
    static RUN: OnceLock<String> = OnceLock::new();
    static SERVE: OnceLock<String> = OnceLock::new();
    static COMPILE: OnceLock<String> = OnceLock::new();
    let cell = match profile {
        Profile::Run => &RUN,
        Profile::Serve => &SERVE,
        Profile::Compile => &COMPILE,
    };
    cell.get_or_init(|| {
        match filters(profile, Context::AHEAD) {
            Ok(filters) => encode(&filters),
            // The launcher then builds them itself and reports the error.
            Err(_) => String::new(),
        }
    })
}

/// The filters as text (see `protocol::encode_filters`).
fn encode(filters: &[BpfProgram]) -> String {
    let instructions: Vec<Vec<Instruction>> = filters
        .iter()
        .map(|f| {
            f.iter()
                .map(|i| Instruction {
                    code: i.code,
                    jt: i.jt,
                    jf: i.jf,
                    k: i.k,
                })
                .collect()
        })
        .collect();
    protocol::encode_filters(&instructions)
}

/// The filters `prepared` made, with the stand-ins replaced by `ctx`'s values.
pub fn from_prepared(text: &str, ctx: Context) -> Option<Vec<BpfProgram>> {
    let filled = ctx.fill(&protocol::decode_filters(text)?);
    Some(
        filled
            .iter()
            .map(|f| {
                f.iter()
                    .map(|i| seccompiler::sock_filter {
                        code: i.code,
                        jt: i.jt,
                        jf: i.jf,
                        k: i.k,
                    })
                    .collect()
            })
            .collect(),
    )
}

/// Installs `filters` on the calling thread (the launcher is single-threaded).
pub fn install(filters: &[BpfProgram]) -> Result<(), String> {
    for f in filters {
        seccompiler::apply_filter(f).map_err(|e| format!("seccomp: {e}"))?;
    }
    Ok(())
}

/// Whether the kernel supports seccomp filters with the actions the launcher uses.
pub fn available() -> bool {
    supported()
        && [libc::SECCOMP_RET_KILL_PROCESS, libc::SECCOMP_RET_ERRNO]
            .iter()
            .all(|action| {
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

#[cfg(test)]
#[path = "seccomp_tests.rs"]
mod tests;
