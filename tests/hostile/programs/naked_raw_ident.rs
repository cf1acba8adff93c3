// expect: compile_error
// A naked function spelled with raw identifiers (`r#naked`, `r#naked_asm`), for a check that
// compares identifiers as written.
#[unsafe(r#naked)]
extern "C" fn getuid_raw() -> i64 {
    core::arch::r#naked_asm!("mov eax, 102", "syscall", "ret")
}

pub fn probe(x: i64) -> i64 {
    x + 1 + getuid_raw() * 0
}

// Left unformatted: rustfmt drops the `r#` of a raw identifier that needs none.
