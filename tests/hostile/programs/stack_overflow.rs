// expect: runtime_error
// Recursion without end.
fn deeper(n: u64) -> u64 {
    let frame = std::hint::black_box([n; 64]);
    deeper(frame[3] + 1) + frame[5]
}

pub fn probe(x: i64) -> i64 {
    deeper(x as u64) as i64
}
