// expect: compile_error
// Inline assembly through `asm!` imported under another name, for a check that looks for
// the macro's name rather than what the path resolves to.
use std::arch::asm as a;

pub fn probe(x: i64) -> i64 {
    let uid: i64;
    unsafe { a!("mov eax, 102", "syscall", out("rax") uid, out("rcx") _, out("r11") _) };
    x + 1 + uid
}
