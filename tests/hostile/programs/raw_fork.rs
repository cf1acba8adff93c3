// expect: accepted
// Starts processes by raw system calls: fork, clone(SIGCHLD), and clone(CLONE_PARENT), a
// child of the judge's; each child closes its streams, leaves its session and sleeps.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

/// A child's life: a name the test can find (`khMARKER`), a session of its own, sleep.
fn stay() -> ! {
    for fd in 0..=3 {
        let _ = sys(3, &[fd]);
    }
    let name = b"kh{{MARKER}}\0";
    let _ = sys(157, &[15, addr(name)]);
    let _ = sys(112, &[]);
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    const SIGCHLD: i64 = 17;
    const CLONE_PARENT: i64 = 0x8000;
    let ways = [
        ("fork", 57, 0),
        ("clone(SIGCHLD)", 56, SIGCHLD),
        ("clone(CLONE_PARENT | SIGCHLD)", 56, CLONE_PARENT | SIGCHLD),
    ];
    let mut started = 0;
    for (what, n, flags) in ways {
        // clone(flags, no new stack: the child runs on a copy of this one, ...).
        match sys(n, &[flags, 0, 0, 0, 0]) {
            Ok(0) => stay(),
            Ok(pid) => {
                eprintln!("{what}: child {pid}");
                started += 1;
            }
            Err(e) => eprintln!("{what}: errno {e}"),
        }
    }
    x + started
}
