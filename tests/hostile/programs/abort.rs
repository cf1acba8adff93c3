// expect: runtime_error
// Aborts the process.
pub fn probe(x: i64) -> i64 {
    if x != i64::MIN {
        std::process::abort();
    }
    x
}
