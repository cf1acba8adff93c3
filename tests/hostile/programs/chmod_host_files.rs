// expect: accepted
// Makes a root-owned binary, a file of the judge's own user and its own binary setuid: by
// path (std, raw chmod, fchmodat, fchmodat2) and by descriptor (fchmod).
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

/// A std result as a system call's.
fn io(r: std::io::Result<()>) -> Result<i64, i32> {
    r.map(|()| 0).map_err(|e| e.raw_os_error().unwrap_or(0))
}

const AT_FDCWD: i64 = -100;

pub fn probe(x: i64) -> i64 {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::io::AsRawFd;
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let setuid = || std::fs::Permissions::from_mode(0o4777);
    let mut changed = 0;
    let mut tally = |what: &str, r: Result<i64, i32>| {
        eprintln!("{what}: {r:?}");
        changed += r.is_ok() as i64;
    };
    for target in [
        "{{HOST_FILE}}",
        "{{OWN_FILE}}",
        "/proc/self/exe",
    ] {
        let path = std::ffi::CString::new(target).unwrap();
        let p = addr(path.as_bytes_with_nul());
        tally(
            "set_permissions",
            io(std::fs::set_permissions(target, setuid())),
        );
        tally("chmod", sys(90, &[p, 0o4777]));
        tally("fchmodat", sys(268, &[AT_FDCWD, p, 0o4777]));
        tally("fchmodat2", sys(452, &[AT_FDCWD, p, 0o4777, 0]));
    }
    // A descriptor of the binary: the path-based guards (a mount namespace, Landlock) do
    // not see calls on it.
    if let Ok(exe) = std::fs::File::open("/proc/self/exe") {
        tally("File::set_permissions", io(exe.set_permissions(setuid())));
        tally("fchmod", sys(91, &[exe.as_raw_fd() as i64, 0o4777]));
    }
    x + changed
}
