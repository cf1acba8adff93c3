// expect: accepted
// Creates a 512 MiB SysV shared memory segment, attaches it and fills 128 MiB (twice the
// memory limit): memory that no limit of the process counts and that outlives it.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    const IPC_PRIVATE: i64 = 0;
    const IPC_CREAT: i64 = 0o1000;
    let size = 512i64 << 20;
    let id = match sys(29, &[IPC_PRIVATE, size, IPC_CREAT | 0o600]) {
        Ok(id) => id,
        Err(e) => {
            eprintln!("shmget: errno {e}");
            return x;
        }
    };
    eprintln!("shmget: segment {id}");
    let at = match sys(30, &[id, 0, 0]) {
        Ok(at) => at,
        Err(e) => {
            eprintln!("shmat: errno {e}");
            return x + 1;
        }
    };
    // A slice over the segment (a slice reference is its address and its length).
    let filled = 128usize << 20;
    let memory: &'static mut [u8] = reinterpret((at as usize, filled));
    for page in memory.chunks_mut(4096) {
        page[0] = 1;
    }
    eprintln!("filled {} MiB at {at:#x}", filled >> 20);
    x + 2
}
