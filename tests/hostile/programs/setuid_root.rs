// expect: accepted
// Tries to become root or to gain capabilities: setuid, setgid and their re/res forms,
// setgroups, capset, and a user namespace of its own (whose root has every capability).
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let root_group = [0u32];
    let header = [0x2008_0522u32, 0];
    let every_capability = [u32::MAX; 6];
    const CLONE_NEWUSER: i64 = 0x1000_0000;
    let attempts: [(&str, i64, [i64; 3]); 9] = [
        ("setuid(0)", 105, [0, 0, 0]),
        ("setgid(0)", 106, [0, 0, 0]),
        ("setreuid(0, 0)", 113, [0, 0, 0]),
        ("setregid(0, 0)", 114, [0, 0, 0]),
        ("setresuid(0, 0, 0)", 117, [0, 0, 0]),
        ("setresgid(0, 0, 0)", 119, [0, 0, 0]),
        ("setgroups([0])", 116, [1, addr(&root_group), 0]),
        (
            "capset(all)",
            126,
            [addr(&header), addr(&every_capability), 0],
        ),
        ("unshare(CLONE_NEWUSER)", 272, [CLONE_NEWUSER, 0, 0]),
    ];
    let mut gained = 0;
    for (what, n, args) in attempts {
        let r = sys(n, &args);
        eprintln!("{what}: {r:?}");
        gained += r.is_ok() as i64;
    }
    x + gained
}
