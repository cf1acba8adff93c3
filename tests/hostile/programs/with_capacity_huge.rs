// expect: memory_limit_exceeded
// Asks for a terabyte at once; the allocator refuses.
pub fn probe(x: i64) -> i64 {
    let v: Vec<u8> = Vec::with_capacity(1 << 40);
    x + std::hint::black_box(v).capacity() as i64 * 0
}
