// expect: time_limit_exceeded
// Spins forever on one core.
pub fn probe(x: i64) -> i64 {
    let mut h = x as u64;
    loop {
        h = std::hint::black_box(h.wrapping_mul(6364136223846793005).wrapping_add(1));
    }
}
