// expect: compile_error
// Compiles the compiler's own environment into the program.
const ENVIRON: &[u8] = include_bytes!("/proc/self/environ");

pub fn probe(x: i64) -> i64 {
    println!("leaked: {}", String::from_utf8_lossy(ENVIRON));
    x + 1
}
