// expect: accepted
// Attaches the host's SysV segment {{SHM_ID}} (another program's, mode 0666), overwrites its
// contents, then marks it for removal.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let id: i64 = {{SHM_ID}};
    let mut reached = 0;
    match sys(30, &[id, 0, 0]) {
        Ok(at) => {
            let memory: &'static mut [u8] = reinterpret((at as usize, 64usize));
            eprintln!("attached: {:?}", String::from_utf8_lossy(memory));
            memory[..7].copy_from_slice(b"planted");
            reached += 1;
        }
        Err(e) => eprintln!("shmat: errno {e}"),
    }
    // shmctl(IPC_STAT), into a buffer larger than struct shmid64_ds.
    let mut stat = [0u8; 256];
    let s = addr_mut(&mut stat[..]);
    match sys(31, &[id, 2, s]) {
        Ok(_) => reached += 1,
        Err(e) => eprintln!("shmctl(IPC_STAT): errno {e}"),
    }
    // shmctl(IPC_RMID): the segment goes once its last user detaches.
    match sys(31, &[id, 0, 0]) {
        Ok(_) => reached += 1,
        Err(e) => eprintln!("shmctl(IPC_RMID): errno {e}"),
    }
    x + reached
}
