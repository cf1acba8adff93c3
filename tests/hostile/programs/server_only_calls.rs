// expect: accepted
// Makes, from a test process, the calls that only its test server's filters allow: seccomp,
// the parent-death signal, wait4 and waitid (on the server too), pidfd_open, recvmsg and
// sendmsg (on the result channel), signals to another process (the server, init), and an
// exec (execveat with the descriptor stand-in of a test process, and a path). Each must be
// refused by the run's filters, which every test process installs before learner code runs.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let own = sys(39, &[]).unwrap_or(0);
    let server = sys(110, &[]).unwrap_or(0);
    let mut passed = 0;
    // EPERM is the filters' answer; any other (success, ECHILD, EAGAIN, ENOENT, EBADF...)
    // means the kernel ran the call.
    let mut tally = |what: &str, r: Result<i64, i32>| {
        eprintln!("{what}: {r:?}");
        passed += (r != Err(1)) as i64;
    };
    // struct sock_filter { code: BPF_RET | BPF_K, jt, jf, k: SECCOMP_RET_ALLOW }, one instruction.
    let allow_all = [0x7fff_0000_0000_0006u64];
    let program = [1i64, addr(&allow_all)];
    tally("seccomp(SET_MODE_FILTER)", sys(317, &[1, 0, addr(&program)]));
    // SECCOMP_FILTER_FLAG_TSYNC: the same, on every thread.
    tally("seccomp(SET_MODE_FILTER, TSYNC)", sys(317, &[1, 1, addr(&program)]));
    tally("prctl(PR_SET_PDEATHSIG, SIGKILL)", sys(157, &[1, 9, 0, 0, 0]));
    tally("prctl(PR_SET_PDEATHSIG, 0)", sys(157, &[1, 0, 0, 0, 0]));
    let mut status = 0i32;
    // WNOHANG: an allowed call answers ECHILD (no child) at once.
    tally("wait4(-1, WNOHANG)", sys(61, &[-1, addr_mut(&mut status), 1, 0]));
    tally("wait4(server, WNOHANG)", sys(61, &[server, addr_mut(&mut status), 1, 0]));
    let mut info = [0u64; 16];
    // waitid(P_ALL, 0, info, WEXITED | WNOHANG).
    tally("waitid(P_ALL)", sys(247, &[0, 0, addr_mut(&mut info), 4 | 1, 0]));
    tally("pidfd_open(self)", sys(434, &[own, 0]));
    tally("pidfd_open(server)", sys(434, &[server, 0]));
    // struct msghdr with one empty buffer; MSG_DONTWAIT so that an allowed recvmsg returns.
    let mut byte = [0u8; 1];
    let mut iov = [addr_mut(&mut byte), 1];
    let msg = [0i64, 0, addr_mut(&mut iov), 1, 0, 0, 0];
    tally("recvmsg(3, MSG_DONTWAIT)", sys(47, &[3, addr(&msg), 0x40]));
    let empty = [0i64, 0, addr_mut(&mut iov), 0, 0, 0, 0];
    tally("sendmsg(3, empty)", sys(46, &[3, addr(&empty), 0x40]));
    for (what, pid) in [("server", server), ("init", 1)] {
        if pid > 0 && pid != own {
            tally(&format!("kill({what}, 0)"), sys(62, &[pid, 0]));
            tally(&format!("tgkill({what}, {what}, 0)"), sys(234, &[pid, pid, 0]));
            tally(
                &format!("rt_sigqueueinfo({what}, 0)"),
                sys(129, &[pid, 0, addr_mut(&mut info)]),
            );
            tally(
                &format!("rt_tgsigqueueinfo({what}, {what}, 0)"),
                sys(297, &[pid, pid, 0, addr_mut(&mut info)]),
            );
        }
    }
    // A path that does not exist: an allowed exec fails with ENOENT and this process goes on.
    let path = b"/nonexistent-kata-{{MARKER}}\0";
    let argv = [addr(path), 0];
    let envp = [0i64];
    let args = |fd: i64| [fd, addr(path), addr(&argv), addr(&envp), 0x1000];
    // The stand-in for the launcher's program descriptor in a test process (u32::MAX), with
    // AT_EMPTY_PATH; an absolute path ignores the descriptor.
    tally("execveat(u32::MAX, path, AT_EMPTY_PATH)", sys(322, &args(0xffff_ffff)));
    tally("execveat(-1, path, AT_EMPTY_PATH)", sys(322, &args(-1)));
    tally("execve(path)", sys(59, &[addr(path), addr(&argv), addr(&envp)]));
    x + passed
}
