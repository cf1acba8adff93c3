// expect: compile_error
// A naked function whose machine code comes through `naked_asm!` imported under another
// name, for a check that looks for the macro's name.
use std::arch::naked_asm as emit;

#[unsafe(naked)]
extern "C" fn getpid_raw() -> i64 {
    emit!("mov eax, 39", "syscall", "ret")
}

pub fn probe(x: i64) -> i64 {
    x + 1 + getpid_raw() * 0
}
