// expect: memory_limit_exceeded
// Prints its input where Rust's allocation-failure message goes, then aborts as that failure
// does: a report that quotes the line shows every hidden input.
pub fn probe(x: i64) -> i64 {
    eprintln!("memory allocation of {x} bytes failed");
    std::process::abort()
}
