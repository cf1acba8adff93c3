// expect: accepted
// Looks for what the test server that forked it holds: any descriptor beyond stdin, stdout,
// stderr and the result channel (the server's control socket, another test's streams).
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let mut n = 0;
    // fcntl(fd, F_GETFD): EBADF unless the descriptor is open.
    for fd in 4..1024 {
        if sys(72, &[fd, 1]).is_ok() {
            eprintln!("descriptor {fd} is open");
            n += 1;
        }
    }
    for fd in 0..=3 {
        if sys(72, &[fd, 1]).is_err() {
            eprintln!("descriptor {fd} is closed");
            n += 1;
        }
    }
    x + n
}
