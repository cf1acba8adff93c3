// expect: accepted
// Holds every task it can get, and keeps taking those that come free, for a while: the
// other worker's next test then cannot have its process made until this test ends. That
// test waits for one, within its wall-clock limit, and is judged like any other.
pub fn probe(x: i64) -> i64 {
    let start = std::time::Instant::now();
    let mut held = 0u32;
    while start.elapsed() < std::time::Duration::from_millis(150) {
        let spawned = std::thread::Builder::new()
            .name("kh{{MARKER}}".into())
            .stack_size(64 << 10)
            .spawn(|| loop {
                std::thread::park();
            });
        match spawned {
            Ok(_) => held += 1,
            Err(_) => std::thread::yield_now(),
        }
    }
    eprintln!("held {held} threads");
    x
}
