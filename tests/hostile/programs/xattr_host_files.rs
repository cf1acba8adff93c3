// expect: accepted
// Plants extended attributes (a file capability granting setuid among them) on a root-owned
// binary, a file of the judge's own user and its own binary, removes one, sets a file flag.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

const AT_FDCWD: i64 = -100;

pub fn probe(x: i64) -> i64 {
    use std::os::unix::io::AsRawFd;
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    // vfs_cap_data, revision 2: effective, with CAP_DAC_OVERRIDE, CAP_SETGID and CAP_SETUID
    // permitted; on a binary, it makes whoever runs it root in all but name.
    let capability: [u32; 5] = [0x0200_0001, (1 << 1) | (1 << 6) | (1 << 7), 0, 0, 0];
    let value = b"planted";
    let names: [&[u8]; 3] = [
        b"user.kata-planted\0",
        b"trusted.kata-planted\0",
        b"security.capability\0",
    ];
    let planted = |name: &[u8]| -> (i64, i64) {
        if name.starts_with(b"security.") {
            (addr(&capability), 20)
        } else {
            (addr(value), value.len() as i64)
        }
    };
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
        for name in names {
            let (v, len) = planted(name);
            tally("setxattr", sys(188, &[p, addr(name), v, len, 0]));
            tally("lsetxattr", sys(189, &[p, addr(name), v, len, 0]));
            // setxattrat (Linux 6.13): struct xattr_args { value, size, flags }.
            let args = [v as u64, len as u64];
            tally(
                "setxattrat",
                sys(463, &[AT_FDCWD, p, 0, addr(name), addr(&args), 16]),
            );
        }
        // The attribute the test put there.
        let keep = b"user.kata\0";
        tally("removexattr", sys(197, &[p, addr(keep)]));
        tally("lremovexattr", sys(198, &[p, addr(keep)]));
        // file_setattr (Linux 6.17), struct file_attr: FS_XFLAG_NODUMP, as `chattr +d`.
        let attr = [0x80u64, 0, 0];
        tally("file_setattr", sys(469, &[AT_FDCWD, p, addr(&attr), 24, 0]));
        if let Ok(f) = std::fs::File::open(target) {
            let fd = f.as_raw_fd() as i64;
            for name in names {
                let (v, len) = planted(name);
                tally("fsetxattr", sys(190, &[fd, addr(name), v, len, 0]));
            }
            tally("fremovexattr", sys(199, &[fd, addr(keep)]));
        }
    }
    x + changed
}
