// expect: accepted
// Asks for memory it may both write and execute: a W+X mapping, mprotect and pkey_mprotect
// to W+X, a huge-page mapping, and a memfd (two views of one memory, one of them executable).
// Raw system calls from safe code (tests/hostile/raw_syscalls.rs).
{{RAW_SYSCALLS}}

pub fn probe(x: i64) -> i64 {
    if !raw_calls_work() {
        eprintln!("raw system calls do not reach the kernel");
        return x + 1000;
    }
    const RW: i64 = 1 | 2;
    const RWX: i64 = 1 | 2 | 4;
    // MAP_PRIVATE | MAP_ANONYMOUS, and MAP_HUGETLB.
    const ANON: i64 = 0x02 | 0x20;
    const HUGETLB: i64 = 0x4_0000;
    let mut got = 0;
    let mut tally = |what: &str, r: Result<i64, i32>| {
        eprintln!("{what}: {r:x?}");
        got += r.is_ok() as i64;
    };
    tally("mmap(RWX)", sys(9, &[0, 4096, RWX, ANON, -1, 0]));
    match sys(9, &[0, 4096, RW, ANON, -1, 0]) {
        Ok(page) => {
            tally("mprotect(RWX)", sys(10, &[page, 4096, RWX]));
            tally("pkey_mprotect(RWX)", sys(329, &[page, 4096, RWX, -1]));
        }
        Err(e) => eprintln!("mmap(RW): errno {e}"),
    }
    tally(
        "mmap(MAP_HUGETLB)",
        sys(9, &[0, 2 << 20, RW, ANON | HUGETLB, -1, 0]),
    );
    tally("memfd_create", sys(319, &[addr(b"kata\0"), 0]));
    x + got
}
