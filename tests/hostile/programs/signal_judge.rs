// expect: accepted
// Reaches for other processes. Signal 0 (a permission check, nothing is sent) to its parent
// (the test server that forked it, whose child the judge is not), every process, the test
// and init; pidfds, ptrace, process_vm_readv.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

/// Whether the kernel let the call at its target: any answer but "not permitted", "no such
/// process" or "no such call" (EFAULT from reading an address of its own in the judge's
/// memory means the read was allowed).
fn reached(what: &str, r: Result<i64, i32>) -> i64 {
    eprintln!("{what}: {r:?}");
    !matches!(r, Err(1) | Err(3) | Err(38)) as i64
}

static SOME_DATA: [u8; 8] = *b"kata-rd\0";

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let own = sys(39, &[]).unwrap_or(0);
    let judge = sys(110, &[]).unwrap_or(0);
    let test: i64 = {{TEST_PID}};
    let mut n = 0;
    // Every process but its own (in a pid namespace, its parent shows as 0, and it may be 1).
    let others = [("the judge", judge), ("the test", test), ("init", 1)];
    for (what, pid) in others.into_iter().filter(|&(_, pid)| pid > 0 && pid != own) {
        n += reached(&format!("kill({what}, 0)"), sys(62, &[pid, 0]));
    }
    n += reached("kill(every process, 0)", sys(62, &[-1, 0]));
    if judge <= 0 || judge == own {
        eprintln!("its parent, the judge, is out of sight");
        return x + n;
    }
    n += reached("tgkill(judge, judge, 0)", sys(234, &[judge, judge, 0]));
    match sys(434, &[judge, 0]) {
        Ok(pidfd) => {
            n += 1;
            n += reached("pidfd_send_signal(judge, 0)", sys(424, &[pidfd, 0, 0, 0]));
        }
        Err(e) => eprintln!("pidfd_open(judge): errno {e}"),
    }
    // PTRACE_SEIZE: tracing without stopping the judge.
    n += reached(
        "ptrace(PTRACE_SEIZE, judge)",
        sys(101, &[0x4206, judge, 0, 0]),
    );
    let mut buf = [0u8; 8];
    let local = [addr_mut(&mut buf), 8];
    let remote = [addr(&SOME_DATA), 8];
    n += reached(
        "process_vm_readv(judge)",
        sys(310, &[judge, addr(&local), 1, addr(&remote), 1, 0]),
    );
    x + n
}
