// expect: accepted
// Maps read-only private memory (which RLIMIT_DATA does not count) and reads a byte every
// 2 MiB: each read costs the kernel a 4 KiB page table, until mmap fails.
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    const PROT_READ: i64 = 1;
    // MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE.
    const FLAGS: i64 = 0x02 | 0x20 | 0x4000;
    const MADV_NOHUGEPAGE: i64 = 15;
    const CHUNK: i64 = 1 << 30;
    // 128 GiB read this way hold 256 MiB of page tables, four times the memory limit: a
    // sandbox that lets the program get that far let it through. It stops there (sparing
    // the machine) with a wrong answer.
    const MOST: i64 = 128;
    let mut chunks = 0;
    while chunks < MOST {
        let base = match sys(9, &[0, CHUNK, PROT_READ, FLAGS, -1, 0]) {
            Ok(base) => base,
            Err(e) => {
                eprintln!("mmap failed after {chunks} GiB: errno {e}");
                return x;
            }
        };
        // A huge zero page would need no page table; this asks for small pages.
        let _ = sys(28, &[base, CHUNK, MADV_NOHUGEPAGE]);
        let mut sum = 0u8;
        for offset in (0..CHUNK).step_by(2 << 20) {
            let byte: &'static u8 = reinterpret((base + offset) as usize);
            sum = sum.wrapping_add(*std::hint::black_box(byte));
        }
        std::hint::black_box(sum);
        chunks += 1;
    }
    eprintln!("read {chunks} GiB of mappings; mmap never failed");
    x + 1
}
