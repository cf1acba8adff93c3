// expect: accepted
// Changes through prctl what the sandbox set up or relies on: the parent-death signal, being
// dumpable or traceable by anyone, the memory map's metadata, reaping orphans.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let mut size = 0u32;
    let size_at = addr_mut(&mut size);
    let attempts: [(&str, [i64; 3]); 5] = [
        ("PR_SET_PDEATHSIG(0)", [1, 0, 0]),
        ("PR_SET_DUMPABLE(1)", [4, 1, 0]),
        ("PR_SET_PTRACER(any)", [0x5961_6d61, -1, 0]),
        ("PR_SET_CHILD_SUBREAPER(1)", [36, 1, 0]),
        // PR_SET_MM_MAP_SIZE only reports a size: it shows whether PR_SET_MM gets through.
        ("PR_SET_MM(PR_SET_MM_MAP_SIZE)", [35, 15, size_at]),
    ];
    let mut changed = 0;
    for (what, args) in attempts {
        let r = sys(157, &[args[0], args[1], args[2], 0, 0]);
        eprintln!("{what}: {r:?}");
        changed += r.is_ok() as i64;
    }
    // Harmless whether or not they are allowed: reading the bounding set, and stacking a
    // seccomp filter that allows everything (filters only ever add restrictions).
    let r = sys(157, &[23, 21, 0, 0, 0]);
    eprintln!("PR_CAPBSET_READ(CAP_SYS_ADMIN): {r:?}");
    // struct sock_filter { code: u16 = BPF_RET | BPF_K, jt, jf, k: u32 = SECCOMP_RET_ALLOW }.
    let allow_all = [0x7fff_0000_0000_0006u64];
    // struct sock_fprog { len: u16 (padded), filter }.
    let program = [1i64, addr(&allow_all)];
    let r = sys(317, &[1, 0, addr(&program)]);
    eprintln!("seccomp(SECCOMP_SET_MODE_FILTER, allow all): {r:?}");
    x + changed
}
