//! Namespaces, made once per judge and joined by every sandboxed process: creating network,
//! IPC and mount namespaces costs about 0.8 ms, joining them 0.02 ms. A *holder* process
//! (`kata __sandbox hold`) creates them (inside a user namespace when the judge is not
//! root), sets them up, reports what it got on stdout, and then waits for its stdin to close,
//! which happens when the judge exits, however it exits.
//!
//! - network: a loopback that is down; nothing is reachable.
//! - IPC: no SysV shared memory, semaphores or message queues, and no POSIX queues: the
//!   namespace's limits are set to zero, and all of it ends with the holder.
//! - mount (runs only): a read-only root that holds the program's runtime libraries, four
//!   devices and a `/proc` of its own, so that a `stat` probe of a path outside sees nothing.
//!   The program itself is executed by descriptor, so it need not appear there.

use super::policy::SetupError;
use std::ffi::{CString, OsStr, OsString};
use std::io::{BufRead, BufReader, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Component, Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// The namespaces the holder may provide, as `clone` flags, with their names in /proc.
pub const KINDS: [(libc::c_int, &str); 4] = [
    (libc::CLONE_NEWUSER, "user"),
    (libc::CLONE_NEWNET, "net"),
    (libc::CLONE_NEWIPC, "ipc"),
    (libc::CLONE_NEWNS, "mnt"),
];

/// What the holder got, as the judge sees it.
#[derive(Debug)]
pub struct Namespaces {
    /// The holder's pid, while it runs.
    pub holder: Option<u32>,
    /// `CLONE_NEW*` flags of the namespaces it holds.
    pub flags: libc::c_int,
    /// Whether the IPC namespace's limits are zero.
    pub ipc_limits: bool,
    /// Whether `/proc` in the mount namespace is a fresh one that shows only the program's own
    /// processes (root only; otherwise the host's, bound read-only).
    pub private_proc: bool,
    /// One line per part that could not be set up.
    pub gaps: Vec<String>,
    /// Closing it (at exit) tells the holder to clean up and end.
    _stdin: Option<ChildStdin>,
}

static NAMESPACES: OnceLock<Namespaces> = OnceLock::new();

/// The holder, once started.
static HOLDER: Mutex<Holder> = Mutex::new(Holder::NotStarted);

enum Holder {
    NotStarted,
    /// Started and not yet heard from (or why it could not start).
    Started(Result<Child, String>),
    /// Being heard from, or heard from: [`NAMESPACES`] has, or will have, what it made.
    Heard,
}

/// The namespaces of this judge, made on first use. `cleanup` are folders (empty cgroups)
/// for the holder to remove once the judge has exited.
pub fn get(launcher: &Path, cleanup: &[PathBuf]) -> &'static Namespaces {
    NAMESPACES.get_or_init(|| {
        let started = match std::mem::replace(&mut *holder(), Holder::Heard) {
            Holder::Started(started) => started,
            _ => spawn_holder(launcher, cleanup),
        };
        hear_from(started)
    })
}

/// The namespaces, if the holder has told what it made.
pub fn known() -> Option<&'static Namespaces> {
    NAMESPACES.get()
}

/// Starts the holder, if it is not started yet, without waiting for it: it sets the
/// namespaces up (milliseconds) while the judge goes on, until [`get`].
pub fn start(launcher: &Path, cleanup: &[PathBuf]) {
    let mut holder = holder();
    if matches!(*holder, Holder::NotStarted) {
        *holder = Holder::Started(spawn_holder(launcher, cleanup));
    }
}

fn holder() -> std::sync::MutexGuard<'static, Holder> {
    HOLDER.lock().unwrap_or_else(|e| e.into_inner())
}

fn spawn_holder(launcher: &Path, cleanup: &[PathBuf]) -> Result<Child, String> {
    let libraries = super::policy::runtime_libraries().iter().map(|lib| {
        let mut arg = OsString::from(LIBRARY_PREFIX);
        arg.push(lib);
        arg
    });
    let mut cmd = Command::new(launcher);
    cmd.arg(super::LAUNCHER_ARG)
        .arg(HOLD_ARG)
        .args(libraries)
        .args(cleanup)
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        // Not in the judge's process group: Ctrl-C stops the judge, and the holder, seeing
        // its stdin close, still removes what it must.
        .process_group(0);
    cmd.spawn()
        .map_err(|e| format!("cannot start the namespace holder: {e}"))
}

/// What the holder made, from its report.
fn hear_from(started: Result<Child, String>) -> Namespaces {
    let mut ns = Namespaces {
        holder: None,
        flags: 0,
        ipc_limits: false,
        private_proc: false,
        gaps: Vec::new(),
        _stdin: None,
    };
    let mut child = match started {
        Ok(child) => child,
        Err(gap) => {
            ns.gaps.push(gap);
            return ns;
        }
    };
    let stdout = child.stdout.take().expect("piped");
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        let (word, rest) = line.split_once(' ').unwrap_or((&line, ""));
        match word {
            "ns" => {
                if let Some((flag, _)) = KINDS.iter().find(|(_, name)| *name == rest) {
                    ns.flags |= flag;
                }
            }
            "ipc-limits" => ns.ipc_limits = true,
            "private-proc" => ns.private_proc = true,
            "gap" => ns.gaps.push(rest.to_string()),
            "ready" => {
                ns.holder = Some(child.id());
                ns._stdin = child.stdin.take();
                return ns;
            }
            _ => {}
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    ns.flags = 0;
    ns.gaps
        .push("the namespace holder ended before it was ready".into());
    ns
}

/// The argument after `LAUNCHER_ARG` that starts the holder.
pub const HOLD_ARG: &str = "hold";

/// How the holder's arguments name a runtime library to show in the runs' root (see
/// `policy::runtime_libraries`); the others are folders to remove at the end.
const LIBRARY_PREFIX: &str = "lib=";

/// The holder's entry point: `args` are the runtime libraries and the folders to remove at
/// the end. Never returns.
pub fn hold_main(args: &[OsString]) -> ! {
    let root = super::identity::euid_is_root();
    let (libraries, folders): (Vec<&OsString>, Vec<&OsString>) = args
        .iter()
        .partition(|a| a.as_bytes().starts_with(LIBRARY_PREFIX.as_bytes()));
    let libraries = libraries
        .iter()
        .map(|a| PathBuf::from(OsStr::from_bytes(&a.as_bytes()[LIBRARY_PREFIX.len()..])))
        .collect();
    // The first to fix them in this process, for `minimal_root` to show.
    let _ = super::policy::set_runtime_libraries(libraries);
    // Opened now: after pivot_root the cgroup file system is out of sight.
    let cleanup: Vec<(OwnedFd, CString)> = folders
        .iter()
        .filter_map(|a| {
            let path = Path::new(a);
            let parent = open_dir(path.parent()?).ok()?;
            let name = CString::new(path.file_name()?.as_bytes()).ok()?;
            Some((parent, name))
        })
        .collect();
    let mut report = Vec::new();
    let mut flags = 0;
    if !root {
        match enter_user_namespace() {
            Ok(()) => {
                flags |= libc::CLONE_NEWUSER;
                report.push("ns user".to_string());
            }
            Err(e) => report.push(format!("gap user namespace: {e}")),
        }
    }
    let can = root || flags & libc::CLONE_NEWUSER != 0;
    for (flag, name) in &KINDS[1..] {
        if !can {
            report.push(format!(
                "gap {name} namespace: needs root or a user namespace"
            ));
            continue;
        }
        // SAFETY: unshare with flags only; it affects this process alone.
        if unsafe { libc::unshare(*flag) } != 0 {
            let e = std::io::Error::last_os_error();
            report.push(format!("gap {name} namespace: {e}"));
            continue;
        }
        match *flag {
            libc::CLONE_NEWIPC => match zero_ipc_limits() {
                Ok(()) => report.push("ipc-limits".into()),
                Err(e) => report.push(format!("gap IPC limits: {e}")),
            },
            libc::CLONE_NEWNS => match minimal_root(root) {
                Ok(private_proc) => {
                    if private_proc {
                        report.push("private-proc".into());
                    }
                }
                Err(e) => {
                    // Half built: never offered to a program.
                    report.push(format!("gap mount namespace: {e}"));
                    continue;
                }
            },
            _ => {}
        }
        flags |= flag;
        report.push(format!("ns {name}"));
    }
    report.push("ready".into());
    println!("{}", report.join("\n"));
    // Until the judge exits (stdin's only writer).
    let mut sink = [0u8; 64];
    let mut stdin = std::io::stdin();
    while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
    for (parent, name) in cleanup {
        remove_cgroup(&parent, &name);
    }
    #[allow(clippy::exit)] // the holder owns nothing that needs dropping
    std::process::exit(0)
}

/// Removes the cgroup folder `name` under `parent`, its slot folders first.
fn remove_cgroup(parent: &OwnedFd, name: &CString) {
    // SAFETY: openat on a descriptor we own with a NUL-terminated name.
    let fd = unsafe {
        libc::openat(
            parent.as_raw_fd(),
            name.as_ptr(),
            libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
        )
    };
    if fd >= 0 {
        // SAFETY: the descriptor was just opened and is owned by no one else.
        let dir = unsafe { OwnedFd::from_raw_fd(fd) };
        let path = PathBuf::from(format!("/proc/self/fd/{}", dir.as_raw_fd()));
        // /proc is not there after pivot_root for every holder; list through the fd.
        for entry in list_dir(&dir, &path) {
            if let Ok(child) = CString::new(entry) {
                // SAFETY: unlinkat on a descriptor we own with a NUL-terminated name.
                unsafe { libc::unlinkat(dir.as_raw_fd(), child.as_ptr(), libc::AT_REMOVEDIR) };
            }
        }
    }
    // SAFETY: as above.
    unsafe { libc::unlinkat(parent.as_raw_fd(), name.as_ptr(), libc::AT_REMOVEDIR) };
}

/// The sub-folders of a cgroup folder: its slots are named `slot-N`, and a holder that
/// cannot list (no /proc) tries the first few hundred names.
fn list_dir(_dir: &OwnedFd, path: &Path) -> Vec<Vec<u8>> {
    match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.file_name().as_bytes().to_vec())
            .collect(),
        Err(_) => (0..512).map(|i| format!("slot-{i}").into_bytes()).collect(),
    }
}

fn open_dir(path: &Path) -> std::io::Result<OwnedFd> {
    let c = CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: open with a NUL-terminated path.
    let fd = unsafe {
        libc::open(
            c.as_ptr(),
            libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC,
        )
    };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: the descriptor was just opened and is owned by no one else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// A user namespace in which this user's own ids map to themselves: inside, the holder may
/// create the other namespaces; a process that joins it and execs with its own (non-zero)
/// uid has no capability at all.
fn enter_user_namespace() -> Result<(), String> {
    // SAFETY: getuid/getgid cannot fail and have no side effects.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    // SAFETY: unshare with flags only.
    if unsafe { libc::unshare(libc::CLONE_NEWUSER) } != 0 {
        return Err(std::io::Error::last_os_error().to_string());
    }
    for (file, content) in [
        ("/proc/self/setgroups", "deny".to_string()),
        ("/proc/self/uid_map", format!("{uid} {uid} 1")),
        ("/proc/self/gid_map", format!("{gid} {gid} 1")),
    ] {
        std::fs::write(file, content).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(())
}

/// In the fresh IPC namespace: no segment, semaphore set, message queue or POSIX queue can
/// be made at all (seccomp denies their calls too; this holds even if it did not).
fn zero_ipc_limits() -> Result<(), String> {
    for (file, value) in [
        ("/proc/sys/kernel/shmmni", "0"),
        ("/proc/sys/kernel/shmall", "0"),
        ("/proc/sys/kernel/shmmax", "0"),
        ("/proc/sys/kernel/msgmni", "0"),
        ("/proc/sys/kernel/sem", "0 0 0 0"),
        ("/proc/sys/fs/mqueue/queues_max", "0"),
    ] {
        std::fs::write(file, value).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(())
}

fn mount(
    source: Option<&Path>,
    target: &Path,
    fstype: Option<&str>,
    flags: libc::c_ulong,
    data: Option<&str>,
) -> Result<(), String> {
    let c = |s: &[u8]| CString::new(s).map_err(|_| "NUL in a path".to_string());
    let source = source.map(|s| c(s.as_os_str().as_bytes())).transpose()?;
    let target_c = c(target.as_os_str().as_bytes())?;
    let fstype = fstype.map(|s| c(s.as_bytes())).transpose()?;
    let data = data.map(|s| c(s.as_bytes())).transpose()?;
    let ptr = |o: &Option<CString>| o.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    // SAFETY: every pointer is null or a NUL-terminated string that outlives the call.
    let r = unsafe {
        libc::mount(
            ptr(&source),
            target_c.as_ptr(),
            ptr(&fstype),
            flags,
            ptr(&data).cast(),
        )
    };
    if r != 0 {
        return Err(format!(
            "mount {}: {}",
            target.display(),
            std::io::Error::last_os_error()
        ));
    }
    Ok(())
}

/// What a program sees at their own paths: the system's runtime libraries (and the symbolic
/// links on the way to them) and four devices; besides, /proc and the other runtime
/// libraries in `policy::RUNS_LIBRARY_DIR`.
fn visible_paths() -> Vec<PathBuf> {
    let mut paths = super::policy::system_runtime_paths();
    paths.extend(
        ["/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"]
            .iter()
            .map(PathBuf::from),
    );
    paths
}

/// Builds the mount namespace's root on a tmpfs and moves into it. Returns whether /proc is
/// a fresh instance.
fn minimal_root(root: bool) -> Result<bool, String> {
    mount(
        None,
        Path::new("/"),
        None,
        libc::MS_REC | libc::MS_PRIVATE,
        None,
    )?;
    let base = ["/tmp", "/mnt", "/var/tmp", "/run"]
        .iter()
        .map(Path::new)
        .find(|p| p.is_dir())
        .ok_or("no folder to build the root in")?;
    // Opened before the tmpfs hides what lies under `base` (a toolchain under /tmp), and
    // bound from the descriptor.
    let libraries: Vec<(PathBuf, std::fs::File)> = super::policy::runtime_libraries()
        .iter()
        .map(|lib| {
            std::fs::File::open(lib)
                .map(|f| (lib.clone(), f))
                .map_err(|e| format!("{}: {e}", lib.display()))
        })
        .collect::<Result<_, _>>()?;
    mount(
        Some(Path::new("tmpfs")),
        base,
        Some("tmpfs"),
        libc::MS_NOSUID | libc::MS_NODEV,
        Some("mode=0755,size=1m"),
    )?;
    let mut bound: Vec<PathBuf> = Vec::new();
    for path in visible_paths() {
        replicate(base, &path, &mut bound, 0)?;
    }
    show_libraries(base, &libraries)?;
    let proc_dir = base.join("proc");
    std::fs::create_dir(&proc_dir).map_err(|e| format!("{}: {e}", proc_dir.display()))?;
    let proc_flags = libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC;
    // Only the program's own processes, and nothing of the kernel's settings. A fresh /proc
    // needs root; otherwise the host's is bound read-only (Landlock still lets the program
    // open nothing in it but its own maps file).
    let private_proc = root
        && mount(
            Some(Path::new("proc")),
            &proc_dir,
            Some("proc"),
            proc_flags,
            Some("hidepid=invisible,subset=pid"),
        )
        .is_ok();
    if !private_proc {
        mount(
            Some(Path::new("/proc")),
            &proc_dir,
            None,
            libc::MS_BIND | libc::MS_REC,
            None,
        )?;
    }
    let old = base.join(".old");
    std::fs::create_dir(&old).map_err(|e| format!("{}: {e}", old.display()))?;
    let (new_root, put_old) = (
        CString::new(base.as_os_str().as_bytes()).map_err(|e| e.to_string())?,
        CString::new(old.as_os_str().as_bytes()).map_err(|e| e.to_string())?,
    );
    // SAFETY: pivot_root with two NUL-terminated paths.
    if unsafe { libc::syscall(libc::SYS_pivot_root, new_root.as_ptr(), put_old.as_ptr()) } != 0 {
        return Err(format!("pivot_root: {}", std::io::Error::last_os_error()));
    }
    std::env::set_current_dir("/").map_err(|e| format!("chdir /: {e}"))?;
    // SAFETY: umount2 with a NUL-terminated path.
    if unsafe { libc::umount2(c"/.old".as_ptr(), libc::MNT_DETACH) } != 0 {
        return Err(format!(
            "umount the old root: {}",
            std::io::Error::last_os_error()
        ));
    }
    let _ = std::fs::remove_dir("/.old");
    mount(
        None,
        Path::new("/"),
        None,
        libc::MS_REMOUNT | libc::MS_BIND | libc::MS_RDONLY | libc::MS_NOSUID | libc::MS_NODEV,
        None,
    )?;
    Ok(private_proc)
}

/// Binds each of `libraries` (host files) read-only into `policy::RUNS_LIBRARY_DIR` under
/// `base`, a folder of the new root that every uid may search.
fn show_libraries(base: &Path, libraries: &[(PathBuf, std::fs::File)]) -> Result<(), String> {
    if libraries.is_empty() {
        return Ok(());
    }
    let dir = base.join(super::policy::RUNS_LIBRARY_DIR.trim_start_matches('/'));
    let failed = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(&dir).map_err(|e| failed(&dir, e))?;
    for d in dir.ancestors().take_while(|d| *d != base) {
        std::fs::set_permissions(d, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .map_err(|e| failed(d, e))?;
    }
    for (lib, file) in libraries {
        let inside = dir.join(lib.file_name().ok_or("a library without a file name")?);
        std::fs::write(&inside, b"").map_err(|e| failed(&inside, e))?;
        let source = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
        mount(Some(&source), &inside, None, libc::MS_BIND, None)?;
        let flags = libc::MS_REMOUNT | libc::MS_BIND | libc::MS_RDONLY | libc::MS_NOSUID;
        mount(None, &inside, None, flags | libc::MS_NODEV, None)?;
    }
    Ok(())
}

/// Makes host `path` appear at the same place under `base`: every symbolic link on the way
/// is copied (and followed), folders are made, and the last part is bound read-only.
fn replicate(base: &Path, path: &Path, bound: &mut Vec<PathBuf>, depth: u32) -> Result<(), String> {
    if depth > 8 {
        return Err(format!("{}: too many symbolic links", path.display()));
    }
    if bound.iter().any(|b| path.starts_with(b)) {
        return Ok(());
    }
    let parts: Vec<Component> = path.components().collect();
    let mut host = PathBuf::from("/");
    for (i, part) in parts.iter().enumerate().skip(1) {
        let Component::Normal(name) = part else {
            return Err(format!("{}: not a plain absolute path", path.display()));
        };
        let parent = host.clone();
        host.push(name);
        let inside = base.join(host.strip_prefix("/").expect("absolute"));
        let meta =
            std::fs::symlink_metadata(&host).map_err(|e| format!("{}: {e}", host.display()))?;
        let last = i + 1 == parts.len();
        if meta.file_type().is_symlink() {
            let link = std::fs::read_link(&host).map_err(|e| format!("{}: {e}", host.display()))?;
            if std::fs::symlink_metadata(&inside).is_err() {
                std::os::unix::fs::symlink(&link, &inside)
                    .map_err(|e| format!("{}: {e}", inside.display()))?;
            }
            let mut target = normalize(&parent.join(&link));
            for rest in &parts[i + 1..] {
                target.push(rest);
            }
            return replicate(base, &normalize(&target), bound, depth + 1);
        }
        if !last {
            if !inside.is_dir() {
                std::fs::create_dir(&inside).map_err(|e| format!("{}: {e}", inside.display()))?;
            }
            continue;
        }
        if meta.is_dir() {
            std::fs::create_dir_all(&inside).map_err(|e| format!("{}: {e}", inside.display()))?;
        } else {
            std::fs::write(&inside, b"").map_err(|e| format!("{}: {e}", inside.display()))?;
        }
        mount(
            Some(&host),
            &inside,
            None,
            libc::MS_BIND | libc::MS_REC,
            None,
        )?;
        let device = std::os::unix::fs::FileTypeExt::is_char_device(&meta.file_type());
        let mut flags = libc::MS_REMOUNT | libc::MS_BIND | libc::MS_RDONLY | libc::MS_NOSUID;
        if !device {
            flags |= libc::MS_NODEV;
        }
        mount(None, &inside, None, flags, None)?;
        bound.push(host.clone());
    }
    Ok(())
}

/// `path` with `.` and `..` resolved lexically (symbolic links are handled by the caller).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(p) => out.push(p),
            _ => {}
        }
    }
    out
}

/// Descriptors of the holder's namespaces that `flags` names, opened by the launcher before
/// it gives up anything (opening them needs to be allowed to inspect the holder).
pub fn open(holder: u32, flags: libc::c_int) -> Result<Vec<(libc::c_int, OwnedFd)>, SetupError> {
    KINDS
        .iter()
        .filter(|(flag, _)| flags & flag != 0)
        .map(|&(flag, name)| {
            let path = PathBuf::from(format!("/proc/{holder}/ns/{name}"));
            open_dir_or_file(&path)
                .map(|fd| (flag, fd))
                .map_err(|e| SetupError(format!("{}: {e}", path.display())))
        })
        .collect()
}

fn open_dir_or_file(path: &Path) -> std::io::Result<OwnedFd> {
    let c = CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: open with a NUL-terminated path.
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: the descriptor was just opened and is owned by no one else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Joins the namespaces opened by [`open`], the user namespace first (it grants the right
/// to join the others). Joining the mount namespace also moves to its root.
pub fn join(namespaces: Vec<(libc::c_int, OwnedFd)>) -> Result<(), SetupError> {
    for (flag, fd) in namespaces {
        // SAFETY: setns on a namespace descriptor we own.
        if unsafe { libc::setns(fd.as_raw_fd(), flag) } != 0 {
            let name = KINDS.iter().find(|(f, _)| *f == flag).map_or("?", |k| k.1);
            return Err(SetupError::os(format_args!("setns({name})")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbolic_link_targets_are_resolved_lexically() {
        let n = |p: &str| normalize(Path::new(p));
        assert_eq!(
            n("/usr/lib64/../lib/x86_64-linux-gnu/ld.so"),
            PathBuf::from("/usr/lib/x86_64-linux-gnu/ld.so")
        );
        assert_eq!(n("/lib/./x/../y"), PathBuf::from("/lib/y"));
        assert_eq!(n("/../.."), PathBuf::from("/"));
    }

    #[test]
    fn a_program_sees_its_libraries_and_devices_only() {
        let paths = visible_paths();
        assert!(paths.iter().any(|p| p == Path::new("/dev/null")));
        assert!(paths.iter().all(|p| p.is_absolute()));
        for hidden in ["/etc/passwd", "/root", "/home", "/tmp", "/usr/bin"] {
            assert!(
                !paths.iter().any(|p| Path::new(hidden).starts_with(p)),
                "{hidden} visible"
            );
        }
    }
}
