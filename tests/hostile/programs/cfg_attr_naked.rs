// expect: compile_error
// A naked function declared through `cfg_attr`, for a check that reads attributes without
// expanding them.
#[cfg_attr(all(), unsafe(naked))]
extern "C" fn getuid_raw() -> i64 {
    core::arch::naked_asm!("mov eax, 102", "syscall", "ret")
}

pub fn probe(x: i64) -> i64 {
    x + 1 + getuid_raw() * 0
}
