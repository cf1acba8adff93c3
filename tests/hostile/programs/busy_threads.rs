// expect: time_limit_exceeded
// Spins forever on four threads, named so that a leftover one can be found.
pub fn probe(x: i64) -> i64 {
    for _ in 0..4 {
        let _ = std::thread::Builder::new()
            .name("kh{{MARKER}}".into())
            .spawn(|| {
                let mut h = 1u64;
                loop {
                    h = std::hint::black_box(h.wrapping_mul(6364136223846793005).wrapping_add(1));
                }
            });
    }
    loop {
        std::thread::park();
    }
}
