// expect: accepted
// A thread bomb: threads with small stacks until the system refuses, each parked forever.
// The program answers once spawning fails; but a thread that did start may find no memory
// left for its signal stack, and std then aborts the whole program (a runtime error).
pub fn probe(x: i64) -> i64 {
    let mut started = 0u32;
    while started < 100_000 {
        let spawned = std::thread::Builder::new()
            .name("kh{{MARKER}}".into())
            .stack_size(64 << 10)
            .spawn(|| loop {
                std::thread::park();
            });
        match spawned {
            Ok(_) => started += 1,
            Err(_) => break,
        }
    }
    eprintln!("started {started} threads");
    x
}
