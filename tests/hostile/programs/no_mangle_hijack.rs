// expect: compile_error
// Replaces a C library function for the whole program (the harness included), without an
// `unsafe` block.
#[no_mangle]
pub extern "C" fn getpid() -> i32 {
    1
}

pub fn probe(x: i64) -> i64 {
    x + 1
}
