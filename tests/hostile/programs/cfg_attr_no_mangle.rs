// expect: compile_error
// Replaces libc's `getpid` for the whole program through an attribute that `cfg_attr`
// expands to, for a check that reads attributes without expanding them.
#[cfg_attr(all(), unsafe(no_mangle))]
pub extern "C" fn getpid() -> i32 {
    1
}

pub fn probe(x: i64) -> i64 {
    x + 1
}
