// expect: compile_error
// Machine code that runs before `main`: a naked function whose assembly puts its own address
// in `.init_array`, with no `link_section` attribute (which `unsafe_code` would refuse).
use std::sync::atomic::{AtomicI64, Ordering};

static RAN_WITH_PID: AtomicI64 = AtomicI64::new(0);

#[unsafe(naked)]
extern "C" fn before_main() {
    core::arch::naked_asm!(
        "mov eax, 39",
        "syscall",
        "mov qword ptr [rip + {ran}], rax",
        "ret",
        ".pushsection .init_array, \"aw\"",
        ".p2align 3",
        ".quad {me}",
        ".popsection",
        ran = sym RAN_WITH_PID,
        me = sym before_main,
    )
}

/// Keeps the function (and its `.init_array` entry) in the binary.
#[used]
static KEEP: extern "C" fn() = before_main;

pub fn probe(x: i64) -> i64 {
    let pid = RAN_WITH_PID.load(Ordering::Relaxed);
    eprintln!("ran before main as pid {pid}");
    x + 1 + (pid != 0) as i64
}
