// expect: compile_error
// Lifts the ban on `unsafe` from inside the file, for the module and for the function.
#![allow(unsafe_code)]

extern "C" {
    fn getpid() -> i32;
}

#[allow(unsafe_code)]
pub fn probe(x: i64) -> i64 {
    x + 1 + unsafe { getpid() } as i64 * 0
}
