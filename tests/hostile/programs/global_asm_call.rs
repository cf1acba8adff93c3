// expect: compile_error
// Defines a function in module-level assembly (`core::arch::global_asm!`, no `unsafe`
// block) that makes a raw getuid system call.
core::arch::global_asm!(
    ".globl kata_getuid_raw",
    "kata_getuid_raw:",
    "mov eax, 102",
    "syscall",
    "ret",
);

extern "C" {
    fn kata_getuid_raw() -> i64;
}

pub fn probe(x: i64) -> i64 {
    let f: unsafe extern "C" fn() -> i64 = kata_getuid_raw;
    x + 1 + std::hint::black_box(f as usize as i64) * 0
}
