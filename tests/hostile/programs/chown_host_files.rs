// expect: accepted
// Gives a root-owned binary, a file of the judge's own user and its own binary to root, then
// to nobody (so that a change shows): by path (std, raw chown, lchown, fchownat) and by fd.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

/// A std result as a system call's.
fn io(r: std::io::Result<()>) -> Result<i64, i32> {
    r.map(|()| 0).map_err(|e| e.raw_os_error().unwrap_or(0))
}

const AT_FDCWD: i64 = -100;

pub fn probe(x: i64) -> i64 {
    use std::os::unix::io::AsRawFd;
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
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
        for id in [0u32, 65534] {
            let n = id as i64;
            tally(
                "chown",
                io(std::os::unix::fs::chown(target, Some(id), Some(id))),
            );
            tally(
                "lchown",
                io(std::os::unix::fs::lchown(target, Some(id), Some(id))),
            );
            tally("raw chown", sys(92, &[p, n, n]));
            tally("raw lchown", sys(94, &[p, n, n]));
            tally("fchownat", sys(260, &[AT_FDCWD, p, n, n, 0]));
        }
    }
    if let Ok(exe) = std::fs::File::open("/proc/self/exe") {
        for id in [0u32, 65534] {
            tally(
                "fchown",
                io(std::os::unix::fs::fchown(&exe, Some(id), Some(id))),
            );
            tally(
                "raw fchown",
                sys(93, &[exe.as_raw_fd() as i64, id as i64, id as i64]),
            );
        }
    }
    x + changed
}
