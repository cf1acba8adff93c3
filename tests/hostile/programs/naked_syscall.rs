// expect: compile_error
// A naked function (stable since Rust 1.88, no `unsafe` block needed) is machine code of
// the learner's choosing: here a raw getuid system call, which `-F unsafe_code` lets through.
#[unsafe(naked)]
extern "C" fn getuid_raw() -> i64 {
    core::arch::naked_asm!("mov eax, 102", "syscall", "ret")
}

pub fn probe(x: i64) -> i64 {
    // Compiled at all, the attack got through.
    x + 1 + getuid_raw()
}
