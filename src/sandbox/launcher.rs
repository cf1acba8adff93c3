//! The launcher: the judge re-executes its own binary as `kata __sandbox ...`, which sets
//! every guard up, in an order where each step still has what it needs, and then executes
//! the target program. Because exec keeps the process id, the judge's `wait4` on the
//! launcher sees the program's exit status and resource usage.

use super::identity;
use super::landlock;
use super::namespaces;
use super::policy::{self, Launch, Profile, SetupError};
use super::seccomp;
use std::convert::Infallible;
use std::ffi::{CString, OsStr, OsString};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

/// Exit status of the launcher when it could not set a guard up (the message is on stderr,
/// prefixed by `LAUNCH_FAILED_PREFIX` and the judge's token).
pub const LAUNCH_FAILED: i32 = 125;
pub const LAUNCH_FAILED_PREFIX: &str = "kata sandbox:";

/// Most descriptors the sandboxed program may hold at once.
const RUN_NOFILE: u64 = 64;
/// The linker holds every input archive open, so the compiler gets more.
const COMPILE_NOFILE: u64 = 1024;
/// Tasks per user in the judge's user namespace (unprivileged judges), where they are
/// counted for all its sandboxes together; a backstop to seccomp's ban on new processes.
const NPROC_IN_NAMESPACE: u64 = 512;

/// The launcher's entry point: `args` are those after `LAUNCHER_ARG`. Never returns.
pub fn launcher_main(args: &[OsString]) -> ! {
    if args.first().is_some_and(|a| a == namespaces::HOLD_ARG) {
        namespaces::hold_main(&args[1..]);
    }
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

/// Reads the judge's go-ahead on `fd` (one write, which a pipe delivers whole): the
/// namespaces it names, if any.
fn wait_for_go(fd: i32) -> Result<Option<(u32, i32)>, SetupError> {
    let mut message = [0u8; 64];
    loop {
        // SAFETY: reads into a local buffer of the length given.
        match unsafe { libc::read(fd, message.as_mut_ptr().cast(), message.len()) } {
            0 => return Err(SetupError("the judge went on without this program".into())),
            n if n > 0 => {
                return policy::read_go(&message[..n as usize])
                    .ok_or_else(|| SetupError("a malformed go-ahead".into()))
            }
            _ if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted => {}
            _ => return Err(SetupError::os("waiting for the program")),
        }
    }
}

fn prctl(option: libc::c_int, arg: libc::c_ulong, what: &str) -> Result<(), SetupError> {
    // SAFETY: prctl with integer arguments only.
    if unsafe { libc::prctl(option, arg, 0 as libc::c_ulong, 0 as libc::c_ulong, 0) } != 0 {
        return Err(SetupError::os(what));
    }
    Ok(())
}

/// An empty string on a page of its own at a random address (see
/// `seccomp::Context::exec_path`): the only path the program's exec may be given.
fn empty_path_at_random() -> Result<*const libc::c_char, SetupError> {
    const PAGE: u64 = 4096;
    // Pages from 4 GiB to 128 TiB: 2^35 places, under the top of a 47-bit user space.
    const FIRST: u64 = 1 << 20;
    const PLACES: u64 = (1 << 35) - FIRST;
    for _ in 0..64 {
        let mut word = [0u8; 8];
        // SAFETY: getrandom writes at most the 8 bytes of a local buffer.
        if unsafe { libc::getrandom(word.as_mut_ptr().cast(), word.len(), 0) } != 8 {
            return Err(SetupError::os("getrandom"));
        }
        let at = (FIRST + u64::from_ne_bytes(word) % PLACES) * PAGE;
        // SAFETY: a fresh anonymous mapping, never over another (MAP_FIXED_NOREPLACE); a page
        // of zeros is an empty string.
        let page = unsafe {
            libc::mmap(
                at as *mut libc::c_void,
                PAGE as usize,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED_NOREPLACE,
                -1,
                0,
            )
        };
        // A kernel older than MAP_FIXED_NOREPLACE takes the address as a hint, and picks
        // another (itself at a random place) where something is mapped already.
        if page != libc::MAP_FAILED {
            return Ok(page.cast());
        }
    }
    Err(SetupError(
        "cannot map the exec path's page at a random address".into(),
    ))
}

/// Opens the program to execute, close-on-exec: it is executed through this descriptor, so
/// it need not be visible in the mount namespace, nor its folders searchable by the
/// unprivileged uid (the file itself must be readable and executable by it).
fn open_program(path: &std::path::Path) -> Result<OwnedFd, SetupError> {
    let c = cstring(path.as_os_str())?;
    // SAFETY: open with a NUL-terminated path.
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(SetupError::os(format_args!(
            "cannot open {}",
            path.display()
        )));
    }
    // SAFETY: the descriptor was just opened and is owned by no one else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

impl Launch {
    /// Sets every guard up, then execs the program; returns only on failure.
    pub(super) fn run(self) -> Result<Infallible, SetupError> {
        let profile = self.policy.profile;
        // 1. Die with the judge. First, so that no later step can outlive it.
        self.die_with_the_judge()?;

        // 2. Resource limits, while the launcher may still lower its hard limits.
        self.set_rlimits()?;

        // 3. The cgroups, while the launcher may still write to their folders.
        let own_pid = std::process::id();
        for dir in &self.policy.cgroups {
            let procs = dir.join("cgroup.procs");
            std::fs::write(&procs, own_pid.to_string())
                .map_err(|e| SetupError(format!("{}: {e}", procs.display())))?;
        }

        // 3b. A launcher started while its program compiles waits here, the slow part done,
        // for the judge to say that the program is there (or to give up: end of file).
        let namespaces = match self.wait {
            Some(fd) => wait_for_go(fd)?.or(self.namespaces),
            None => self.namespaces,
        };

        // 4. No descriptor of the judge may leak in: stdio and, if asked, fd 3 stay.
        if let Some(fd) = self.fd3 {
            // SAFETY: dup2 on descriptor numbers; the new fd 3 is not close-on-exec.
            if fd != 3 && unsafe { libc::dup2(fd, 3) } == -1 {
                return Err(SetupError::os(
                    "cannot move the result channel to descriptor 3",
                ));
            }
        }
        close_descriptors_from(if self.fd3.is_some() { 4 } else { 3 }, self.fd3.is_some())?;

        // 5. Everything that needs the judge's view of the file system, opened now: the
        // program (runs), the namespaces to join and the Landlock rules' paths.
        let program = match profile {
            Profile::Run | Profile::Serve => Some(open_program(&self.program)?),
            Profile::Compile => None,
        };
        let joined = match namespaces {
            Some((holder, flags)) => namespaces::open(holder, flags)?,
            None => Vec::new(),
        };
        let enters_mount_namespace = joined.iter().any(|(f, _)| *f == libc::CLONE_NEWNS);
        let mut rules = landlock::rules(&self.policy, own_pid)?;

        // 6. The namespaces: the user one first (unprivileged judges), which grants the right
        // to join the others; the mount one moves to its root.
        namespaces::join(joined)?;
        if enters_mount_namespace {
            // The mount namespace's /proc may be an instance of its own: the maps file the
            // stack-overflow handler reads is opened where the program will look for it.
            rules.allow_proc_maps(own_pid)?;
        }
        if namespaces.is_some_and(|(_, f)| f & libc::CLONE_NEWUSER != 0) {
            // Counted for the user in this namespace only.
            set_rlimit(libc::RLIMIT_NPROC, NPROC_IN_NAMESPACE, NPROC_IN_NAMESPACE)?;
        }

        // 7. No privilege (see `identity`), then no way back: no_new_privs. A change of uid
        // clears the parent-death signal, so it is set again, and the judge checked again.
        identity::drop_privileges(profile)?;
        self.die_with_the_judge()?;
        prctl(libc::PR_SET_NO_NEW_PRIVS, 1, "prctl(PR_SET_NO_NEW_PRIVS)")?;

        // 8. Landlock, then seccomp last: its allowlist has none of the calls above.
        rules.enforce()?;
        let exec_fd = program.as_ref().map_or(-1, |fd| fd.as_raw_fd());
        let exec_path = match program.is_some() {
            true => empty_path_at_random()?,
            false => std::ptr::null(),
        };
        let ctx = seccomp::Context {
            own_pid,
            exec_fd: exec_fd as u32,
            exec_path: exec_path as u64,
        };
        let filters = match self
            .seccomp
            .as_deref()
            .and_then(|t| seccomp::from_prepared(t, ctx))
        {
            Some(filters) => filters,
            None => seccomp::filters(profile, ctx).map_err(SetupError)?,
        };

        // 9. exec. Rust ignores SIGPIPE and an ignored signal survives exec; the program must
        // start with the default disposition, as under std::process::Command.
        // SAFETY: resetting a signal disposition to its default has no memory-safety effects.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
        let path = cstring(self.program.as_os_str())?;
        let mut argv = vec![path.clone()];
        for arg in &self.args {
            argv.push(cstring(arg)?);
        }
        let env: Vec<CString> = std::env::vars_os()
            .map(|(k, v)| {
                let mut kv = k;
                kv.push("=");
                kv.push(v);
                cstring(&kv)
            })
            .collect::<Result<_, _>>()?;
        let mut argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
        argv_ptrs.push(std::ptr::null());
        let mut env_ptrs: Vec<*const libc::c_char> = env.iter().map(|a| a.as_ptr()).collect();
        env_ptrs.push(std::ptr::null());
        seccomp::install(&filters).map_err(SetupError)?;
        match program {
            // SAFETY: `exec_fd` is open; `exec_path` is an empty string on a page of its
            // own, the strings and both arrays outlive the call, and the arrays end with a
            // null pointer.
            Some(_) => unsafe {
                libc::syscall(
                    libc::SYS_execveat,
                    exec_fd,
                    exec_path,
                    argv_ptrs.as_ptr(),
                    env_ptrs.as_ptr(),
                    libc::AT_EMPTY_PATH,
                );
            },
            // SAFETY: as above, with the program's path.
            None => unsafe {
                libc::execve(path.as_ptr(), argv_ptrs.as_ptr(), env_ptrs.as_ptr());
            },
        }
        Err(SetupError::os(format_args!(
            "cannot execute {}",
            self.program.display()
        )))
    }

    /// SIGKILL when the judge dies; then a check that the judge did not exit before the
    /// prctl took effect (the signal would never come).
    fn die_with_the_judge(&self) -> Result<(), SetupError> {
        prctl(
            libc::PR_SET_PDEATHSIG,
            libc::SIGKILL as libc::c_ulong,
            "prctl(PR_SET_PDEATHSIG)",
        )?;
        if std::os::unix::process::parent_id() != self.parent {
            return Err(SetupError(
                "the judge exited before the program started".into(),
            ));
        }
        Ok(())
    }

    fn set_rlimits(&self) -> Result<(), SetupError> {
        let policy = &self.policy;
        // RLIMIT_DATA: since Linux 4.7 it counts the heap and every private writable mapping
        // (what an allocation costs), and an allocation past it fails with a clear message.
        if let Some(memory) = policy.memory {
            set_rlimit(libc::RLIMIT_DATA, memory, memory)?;
        }
        // RLIMIT_AS bounds what the data limit does not see: read-only mappings, each 2 MiB
        // of which, touched once, costs the kernel a 4 KiB page table. Ordinary programs
        // reserve address space freely (allocator arenas, thread stacks' guard regions), so
        // the bound is generous; page tables stay below 1/512 of it.
        if let Some(address_space) = self.address_space {
            set_rlimit(libc::RLIMIT_AS, address_space, address_space)?;
        }
        if let Some(cpu) = policy.cpu {
            // Whole seconds; the soft limit sends SIGXCPU, the hard one a second later SIGKILL.
            let soft = cpu.as_secs() + u64::from(cpu.subsec_nanos() > 0);
            let soft = soft.max(1);
            set_rlimit(libc::RLIMIT_CPU, soft, soft + 1)?;
        }
        set_rlimit(libc::RLIMIT_CORE, 0, 0)?;
        set_rlimit(libc::RLIMIT_FSIZE, policy.file_size, policy.file_size)?;
        // Locked memory is not always counted where the rest is.
        set_rlimit(libc::RLIMIT_MEMLOCK, 0, 0)?;
        if let Some(stack) = policy.stack {
            set_rlimit(libc::RLIMIT_STACK, stack, stack)?;
        }
        let nofile = match policy.profile {
            Profile::Run | Profile::Serve => RUN_NOFILE,
            Profile::Compile => COMPILE_NOFILE,
        };
        set_rlimit(libc::RLIMIT_NOFILE, nofile, nofile)
    }
}
