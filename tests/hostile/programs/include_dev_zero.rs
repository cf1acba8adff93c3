// expect: compile_error
// Compiles an endless file into the program: the compiler reads until its memory limit.
const ZEROS: &[u8] = include_bytes!("/dev/zero");

pub fn probe(x: i64) -> i64 {
    x + ZEROS[0] as i64
}
