// expect: compile_error
// Replaces libc's `getuid` for the whole program with the 2024 spelling of the attribute,
// `#[unsafe(no_mangle)]`, accepted in every edition.
#[unsafe(no_mangle)]
pub extern "C" fn getuid() -> u32 {
    0
}

pub fn probe(x: i64) -> i64 {
    x + 1
}
