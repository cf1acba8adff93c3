// expect: memory_limit_exceeded
// Allocates and touches 256 MiB against a 64 MB limit.
pub fn probe(x: i64) -> i64 {
    let mut v = vec![0u8; 256 << 20];
    for i in (0..v.len()).step_by(4096) {
        v[i] = 1;
    }
    x + std::hint::black_box(&v)[1] as i64 - 1
}
