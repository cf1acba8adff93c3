// expect: compile_error
// Asks the linker for a library of its choosing with `#[link]`; declaring its functions
// needs no `unsafe`, so `unsafe_code` sees nothing.
#[link(name = "c")]
extern "C" {
    fn getuid() -> u32;
}

pub fn probe(x: i64) -> i64 {
    x + 1
}
