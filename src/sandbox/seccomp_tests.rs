//! The seccomp allowlists, run as the kernel would run them.
use super::*;

const PID: u32 = 4242;
const EXEC_FD: u32 = 5;
const EXEC_PATH: u64 = 0x7f12_3456_7000;
const EPERM: u32 = libc::SECCOMP_RET_ERRNO | libc::EPERM as u32;
const ENOSYS: u32 = libc::SECCOMP_RET_ERRNO | libc::ENOSYS as u32;
const ALLOW: u32 = libc::SECCOMP_RET_ALLOW;
const KILL: u32 = libc::SECCOMP_RET_KILL_PROCESS;

/// Runs one classic-BPF program on one system call, as the kernel would.
fn run(filter: &[seccompiler::sock_filter], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
    let mut data = [0u8; 64];
    data[0..4].copy_from_slice(&nr.to_ne_bytes());
    data[4..8].copy_from_slice(&arch.to_ne_bytes());
    for (i, a) in args.iter().enumerate() {
        data[16 + 8 * i..24 + 8 * i].copy_from_slice(&a.to_ne_bytes());
    }
    let (mut acc, mut pc) = (0u32, 0usize);
    loop {
        let ins = &filter[pc];
        pc += 1;
        let class = ins.code & 0x07;
        match class {
            0x00 => {
                let k = ins.k as usize;
                acc = u32::from_ne_bytes(data[k..k + 4].try_into().unwrap());
            }
            0x04 => match ins.code & 0xf0 {
                0x50 => acc &= ins.k,
                op => panic!("unexpected ALU op {op:#x}"),
            },
            0x05 => {
                let taken = match ins.code & 0xf0 {
                    0x00 => {
                        pc += ins.k as usize;
                        continue;
                    }
                    0x10 => acc == ins.k,
                    0x20 => acc > ins.k,
                    0x30 => acc >= ins.k,
                    0x40 => acc & ins.k != 0,
                    op => panic!("unexpected jump {op:#x}"),
                };
                pc += usize::from(if taken { ins.jt } else { ins.jf });
            }
            0x06 => return ins.k,
            _ => panic!("unexpected class {class:#x}"),
        }
    }
}

/// What the kernel answers with every filter of `profile` installed: the most
/// restrictive action; of two errnos, the later filter's.
fn decide(profile: Profile, nr: libc::c_long, args: [u64; 6]) -> u32 {
    decide_raw(profile, audit_arch(), nr as u32, args)
}

fn audit_arch() -> u32 {
    // seccompiler's values (AUDIT_ARCH_*).
    if cfg!(target_arch = "x86_64") {
        62 | 0x8000_0000 | 0x4000_0000
    } else {
        183 | 0x8000_0000 | 0x4000_0000
    }
}

fn decide_raw(profile: Profile, arch: u32, nr: u32, args: [u64; 6]) -> u32 {
    let ctx = Context {
        own_pid: PID,
        exec_fd: EXEC_FD,
        exec_path: EXEC_PATH,
    };
    let answers: Vec<u32> = filters(profile, ctx)
        .unwrap()
        .iter()
        .map(|f| run(f, arch, nr, args))
        .collect();
    let rank = |a: u32| match a & libc::SECCOMP_RET_ACTION_FULL {
        libc::SECCOMP_RET_KILL_PROCESS => 0,
        libc::SECCOMP_RET_ERRNO => 2,
        _ => 9,
    };
    // Later filters first, so that a tie goes to the one installed last.
    *answers.iter().rev().min_by_key(|a| rank(**a)).unwrap()
}

fn arg0(a: u64) -> [u64; 6] {
    [a, 0, 0, 0, 0, 0]
}

#[test]
fn every_entry_has_a_reason_and_a_single_meaning() {
    for profile in [Profile::Run, Profile::Compile] {
        let list = allowlist(profile);
        for a in &list {
            assert!(!a.why.is_empty(), "{}", a.name);
            let twice: Vec<_> = list.iter().filter(|b| b.nr == a.nr).collect();
            assert_eq!(twice.len(), 1, "{} listed twice", a.name);
        }
    }
    // A server's list is the run's with more patterns for some calls: the filter allows a
    // call when any of its entries does.
    assert!(allowlist(Profile::Serve).iter().all(|a| !a.why.is_empty()));
}

#[test]
fn runs_are_denied_what_is_not_listed() {
    let run = |nr, a| decide(Profile::Run, nr, a);
    assert_eq!(run(libc::SYS_read, arg0(0)), ALLOW);
    for nr in [
        libc::SYS_socket,
        libc::SYS_socketpair,
        libc::SYS_ptrace,
        libc::SYS_setsid,
        libc::SYS_setpgid,
        libc::SYS_unshare,
        libc::SYS_mount,
        libc::SYS_shmget,
        libc::SYS_shmat,
        libc::SYS_msgget,
        libc::SYS_semget,
        libc::SYS_mq_open,
        libc::SYS_memfd_create,
        libc::SYS_fchmod,
        libc::SYS_fchmodat,
        libc::SYS_fchown,
        libc::SYS_fchownat,
        libc::SYS_utimensat,
        libc::SYS_setxattr,
        libc::SYS_fsetxattr,
        libc::SYS_renameat2,
        libc::SYS_linkat,
        libc::SYS_unlinkat,
        libc::SYS_setuid,
        libc::SYS_setresuid,
        libc::SYS_capset,
        libc::SYS_seccomp,
        libc::SYS_io_uring_setup,
        libc::SYS_bpf,
        libc::SYS_execve,
    ] {
        assert_eq!(run(nr, arg0(0)), EPERM, "syscall {nr}");
    }
}

#[test]
fn metadata_changes_are_denied_to_compiles_too() {
    for nr in [
        libc::SYS_fchmod,
        libc::SYS_fchmodat,
        libc::SYS_fchown,
        libc::SYS_fchownat,
        libc::SYS_utimensat,
        libc::SYS_setxattr,
        libc::SYS_lsetxattr,
        libc::SYS_fsetxattr,
        libc::SYS_removexattr,
        libc::SYS_socket,
        libc::SYS_ptrace,
        libc::SYS_mount,
        libc::SYS_unshare,
        libc::SYS_setsid,
        libc::SYS_shmget,
    ] {
        assert_eq!(decide(Profile::Compile, nr, arg0(0)), EPERM, "syscall {nr}");
    }
    #[cfg(target_arch = "x86_64")]
    for nr in [
        libc::SYS_chmod,
        libc::SYS_chown,
        libc::SYS_lchown,
        libc::SYS_utimes,
    ] {
        assert_eq!(decide(Profile::Compile, nr, arg0(0)), EPERM, "syscall {nr}");
    }
}

#[test]
fn runs_create_threads_but_not_processes() {
    let thread = (libc::CLONE_VM | libc::CLONE_THREAD | libc::CLONE_SIGHAND) as u64;
    let fork = libc::SIGCHLD as u64;
    let thread_in_namespace = thread | libc::CLONE_NEWUSER as u64;
    let run = |a| decide(Profile::Run, libc::SYS_clone, arg0(a));
    assert_eq!(run(thread), ALLOW);
    assert_eq!(run(fork), EPERM);
    assert_eq!(run(thread_in_namespace), EPERM);
    let compile = |a| decide(Profile::Compile, libc::SYS_clone, arg0(a));
    assert_eq!(compile(fork), ALLOW);
    assert_eq!(compile((libc::CLONE_NEWNET | libc::SIGCHLD) as u64), EPERM);
    assert_eq!(compile((libc::CLONE_PARENT | libc::SIGCHLD) as u64), EPERM);
    for profile in [Profile::Run, Profile::Compile] {
        assert_eq!(decide(profile, libc::SYS_clone3, arg0(0)), ENOSYS);
    }
}

#[test]
fn signals_stay_inside() {
    let minus = |n: i32| n as u32 as u64 | 0xffff_ffff_0000_0000;
    let run = |nr, a| decide(Profile::Run, nr, a);
    assert_eq!(run(libc::SYS_kill, arg0(PID.into())), ALLOW);
    assert_eq!(run(libc::SYS_kill, arg0(1)), EPERM);
    assert_eq!(run(libc::SYS_kill, arg0(minus(-1))), EPERM);
    assert_eq!(run(libc::SYS_tgkill, arg0(PID.into())), ALLOW);
    assert_eq!(run(libc::SYS_tgkill, arg0(7)), EPERM);
    assert_eq!(run(libc::SYS_tkill, arg0(PID.into())), EPERM);
    let compile = |a| decide(Profile::Compile, libc::SYS_kill, a);
    assert_eq!(compile(arg0(minus(-1))), EPERM);
    assert_eq!(compile(arg0(minus(-7))), EPERM);
    assert_eq!(compile(arg0(minus(-(PID as i32)))), ALLOW);
    assert_eq!(compile(arg0(0)), ALLOW);
    assert_eq!(compile(arg0(12345)), ALLOW);
}

#[test]
fn arguments_are_checked_where_a_call_is_only_sometimes_safe() {
    let run = |nr, a| decide(Profile::Run, nr, a);
    // prlimit64 reads limits, never sets them.
    assert_eq!(run(libc::SYS_prlimit64, [0, 3, 0, 0x1000, 0, 0]), ALLOW);
    assert_eq!(run(libc::SYS_prlimit64, [0, 3, 0x1000, 0, 0, 0]), EPERM);
    assert_eq!(run(libc::SYS_prlimit64, [0, 3, 1 << 40, 0, 0, 0]), EPERM);
    assert_eq!(run(libc::SYS_prlimit64, [1, 3, 0, 0x1000, 0, 0]), EPERM);
    // prctl: names only.
    assert_eq!(run(libc::SYS_prctl, arg0(libc::PR_SET_NAME as u64)), ALLOW);
    for option in [
        libc::PR_SET_PDEATHSIG,
        libc::PR_SET_DUMPABLE,
        libc::PR_SET_MM,
        libc::PR_SET_SECCOMP,
        libc::PR_CAPBSET_DROP,
        libc::PR_SET_NO_NEW_PRIVS,
    ] {
        assert_eq!(run(libc::SYS_prctl, arg0(option as u64)), EPERM, "{option}");
    }
    // ioctl: terminal queries, never network devices or typing into the terminal.
    let ioctl = |request: u64| run(libc::SYS_ioctl, [1, request, 0, 0, 0, 0]);
    assert_eq!(ioctl(super::ioctl(libc::TCGETS)), ALLOW);
    assert_eq!(ioctl(super::ioctl(libc::TIOCSTI)), EPERM);
    assert_eq!(ioctl(super::ioctl(libc::SIOCGIFCONF)), EPERM);
    assert_eq!(ioctl(super::ioctl(libc::SIOCSIFFLAGS)), EPERM);
    // mmap and mprotect: never writable and executable, never huge pages.
    let rw = (libc::PROT_READ | libc::PROT_WRITE) as u64;
    let rx = (libc::PROT_READ | libc::PROT_EXEC) as u64;
    let rwx = rw | rx;
    let private = (libc::MAP_PRIVATE | libc::MAP_ANONYMOUS) as u64;
    let mmap = |prot, flags| run(libc::SYS_mmap, [0, 4096, prot, flags, 0, 0]);
    assert_eq!(mmap(rw, private), ALLOW);
    assert_eq!(mmap(rx, libc::MAP_PRIVATE as u64), ALLOW);
    assert_eq!(mmap(rwx, private), EPERM);
    assert_eq!(mmap(rw, private | libc::MAP_HUGETLB as u64), EPERM);
    // Shared memory is not counted by RLIMIT_DATA: runs map privately only.
    let shared = (libc::MAP_SHARED | libc::MAP_ANONYMOUS) as u64;
    assert_eq!(mmap(rw, shared), EPERM);
    assert_eq!(mmap(libc::PROT_READ as u64, libc::MAP_SHARED as u64), EPERM);
    assert_eq!(mmap(libc::PROT_READ as u64, 0x03), EPERM);
    let compile_mmap = decide(
        Profile::Compile,
        libc::SYS_mmap,
        [0, 4096, rw, shared, 0, 0],
    );
    assert_eq!(compile_mmap, ALLOW);
    assert_eq!(run(libc::SYS_mprotect, [0, 4096, rwx, 0, 0, 0]), EPERM);
    assert_eq!(run(libc::SYS_mprotect, [0, 4096, rx, 0, 0, 0]), ALLOW);
    // mremap: no second view of a mapping (old size 0).
    assert_eq!(run(libc::SYS_mremap, [0, 4096, 8192, 1, 0, 0]), ALLOW);
    assert_eq!(run(libc::SYS_mremap, [0, 0, 8192, 1, 0, 0]), EPERM);
    // execveat: only the launcher's exec of the program's descriptor, with its own empty
    // path (another path, absolute, would make the kernel ignore the descriptor).
    let empty = libc::AT_EMPTY_PATH as u64;
    let fd = EXEC_FD as u64;
    assert_eq!(
        run(libc::SYS_execveat, [fd, EXEC_PATH, 0, 0, empty, 0]),
        ALLOW
    );
    assert_eq!(
        run(libc::SYS_execveat, [3, EXEC_PATH, 0, 0, empty, 0]),
        EPERM
    );
    assert_eq!(run(libc::SYS_execveat, [fd, EXEC_PATH, 0, 0, 0, 0]), EPERM);
    for other in [
        0,
        EXEC_PATH + 4096,
        EXEC_PATH ^ (1 << 40),
        EXEC_PATH as u32 as u64,
    ] {
        assert_eq!(run(libc::SYS_execveat, [fd, other, 0, 0, empty, 0]), EPERM);
    }
    // fcntl: no F_SETOWN (SIGIO aimed at any process).
    assert_eq!(
        run(libc::SYS_fcntl, [3, libc::F_SETOWN as u64, 1, 0, 0, 0]),
        EPERM
    );
    assert_eq!(
        run(libc::SYS_fcntl, [3, libc::F_GETFD as u64, 0, 0, 0, 0]),
        ALLOW
    );
}

#[test]
fn foreign_abis_are_killed_and_x32_denied() {
    let i386 = 0x4000_0003;
    assert_eq!(decide_raw(Profile::Run, i386, 0, arg0(0)), KILL);
    if cfg!(target_arch = "x86_64") {
        let x32_read = 0x4000_0000;
        assert_eq!(
            decide_raw(Profile::Run, audit_arch(), x32_read, arg0(0)),
            EPERM
        );
    }
}

#[test]
#[ignore]
fn time_to_build_the_filters() {
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(
            filters(
                Profile::Run,
                Context {
                    own_pid: PID,
                    exec_fd: EXEC_FD,
                    exec_path: EXEC_PATH,
                },
            )
            .unwrap(),
        );
    }
    eprintln!("{:?} per build", start.elapsed() / 1000);
}

#[test]
fn filters_made_ahead_are_the_launchers_own_once_filled_in() {
    for profile in [Profile::Run, Profile::Compile] {
        let ctx = Context {
            own_pid: 31337,
            exec_fd: 4,
            exec_path: 0x0000_7ffd_1234_5000,
        };
        let filled = from_prepared(prepared(profile), ctx).unwrap();
        assert_eq!(filled, filters(profile, ctx).unwrap(), "{profile:?}");
    }
    assert!(from_prepared(
        "6:0:0:zz",
        Context {
            own_pid: 1,
            exec_fd: 3,
            exec_path: 0,
        }
    )
    .is_none());
}

#[test]
fn a_test_server_forks_and_confines_but_signals_no_group() {
    let minus = |n: i32| n as u32 as u64 | 0xffff_ffff_0000_0000;
    let serve = |nr, a| decide(Profile::Serve, nr, a);
    let fork = libc::SIGCHLD as u64;
    assert_eq!(serve(libc::SYS_clone, arg0(fork)), ALLOW);
    assert_eq!(
        serve(
            libc::SYS_clone,
            arg0((libc::CLONE_NEWUSER | libc::SIGCHLD) as u64)
        ),
        EPERM
    );
    assert_eq!(serve(libc::SYS_clone3, arg0(0)), ENOSYS);
    assert_eq!(
        serve(
            libc::SYS_seccomp,
            arg0(libc::SECCOMP_SET_MODE_FILTER as u64)
        ),
        ALLOW
    );
    assert_eq!(
        serve(
            libc::SYS_seccomp,
            arg0(libc::SECCOMP_SET_MODE_STRICT as u64)
        ),
        EPERM
    );
    // A test process's abort() must pass the server's filter; its own allows only itself.
    assert_eq!(serve(libc::SYS_kill, arg0(4321)), ALLOW);
    assert_eq!(serve(libc::SYS_kill, arg0(0)), EPERM);
    assert_eq!(serve(libc::SYS_kill, arg0(minus(-1))), EPERM);
    assert_eq!(serve(libc::SYS_kill, arg0(minus(-4321))), EPERM);
    assert_eq!(
        serve(libc::SYS_prctl, arg0(libc::PR_SET_PDEATHSIG as u64)),
        EPERM
    );
    // What a run may not do, a server may not either, but for the above.
    for nr in [
        libc::SYS_ptrace,
        libc::SYS_socket,
        libc::SYS_execve,
        libc::SYS_setsid,
    ] {
        assert_eq!(serve(nr, arg0(0)), EPERM, "syscall {nr}");
    }
    for nr in [
        libc::SYS_wait4,
        libc::SYS_recvmsg,
        libc::SYS_sendmsg,
        libc::SYS_pidfd_open,
    ] {
        assert_eq!(serve(nr, arg0(0)), ALLOW, "syscall {nr}");
        assert_eq!(decide(Profile::Run, nr, arg0(0)), EPERM, "syscall {nr}");
    }
}
