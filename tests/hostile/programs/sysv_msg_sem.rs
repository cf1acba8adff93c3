// expect: accepted
// Leaves a SysV message queue holding a message, a SysV semaphore set and a POSIX message
// queue behind: kernel objects that outlive the run.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    const IPC_PRIVATE: i64 = 0;
    const IPC_CREAT: i64 = 0o1000;
    let mut left = 0;
    match sys(68, &[IPC_PRIVATE, IPC_CREAT | 0o600]) {
        Ok(q) => {
            left += 1;
            // struct msgbuf: a type (long), then the text.
            let mut message = vec![0u8; 8 + 4096];
            message[0] = 1;
            let m = addr(&message[..]);
            let sent = sys(69, &[q, m, 4096, 0]);
            eprintln!("msgget: queue {q}, msgsnd: {sent:?}");
        }
        Err(e) => eprintln!("msgget: errno {e}"),
    }
    match sys(64, &[IPC_PRIVATE, 16, IPC_CREAT | 0o600]) {
        Ok(s) => {
            left += 1;
            eprintln!("semget: set {s}");
        }
        Err(e) => eprintln!("semget: errno {e}"),
    }
    // mq_open(name without its leading slash, O_RDWR | O_CREAT, 0600, default attributes).
    let name = b"kata-hostile-{{MARKER}}\0";
    match sys(240, &[addr(name), 0o2 | 0o100, 0o600, 0]) {
        Ok(q) => {
            left += 1;
            eprintln!("mq_open: descriptor {q}");
        }
        Err(e) => eprintln!("mq_open: errno {e}"),
    }
    x + left
}
