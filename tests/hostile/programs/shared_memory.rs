// expect: accepted
// Shared memory, which RLIMIT_DATA does not count: 1 GiB of anonymous MAP_SHARED, then a
// shared mapping of /dev/zero, each touched page by page (16 times the memory limit).
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

const GIB: i64 = 1 << 30;
const PROT_READ: i64 = 1;
const PROT_WRITE: i64 = 2;
const MAP_SHARED: i64 = 0x01;
const MAP_ANONYMOUS: i64 = 0x20;
const MAP_NORESERVE: i64 = 0x4000;

/// Touches every page of `len` bytes at `base` (writing where it may); how many it reached.
fn touch(base: i64, len: i64, write: bool) -> i64 {
    let mut pages = 0;
    for offset in (0..len).step_by(4096) {
        if write {
            let byte: &'static mut u8 = reinterpret((base + offset) as usize);
            *std::hint::black_box(byte) = 1;
        } else {
            let byte: &'static u8 = reinterpret((base + offset) as usize);
            std::hint::black_box(*byte);
        }
        pages += 1;
    }
    pages
}

pub fn probe(x: i64) -> i64 {
    use std::os::unix::io::AsRawFd;
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    let flags = MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE;
    let mut reached = 0;
    match sys(9, &[0, GIB, PROT_READ | PROT_WRITE, flags, -1, 0]) {
        Ok(base) => reached += touch(base, GIB, true),
        Err(e) => eprintln!("anonymous shared mmap failed: errno {e}"),
    }
    if let Ok(zero) = std::fs::File::open("/dev/zero") {
        let fd = zero.as_raw_fd() as i64;
        match sys(9, &[0, GIB, PROT_READ, MAP_SHARED, fd, 0]) {
            Ok(base) => reached += touch(base, GIB, false),
            Err(e) => eprintln!("shared mmap of /dev/zero failed: errno {e}"),
        }
    }
    if reached > 0 {
        eprintln!("touched {reached} pages of shared memory");
    }
    x + reached
}
