// expect: compile_error
// A naked function whose attribute and assembly macro a `macro_rules!` assembles from the
// tokens it is given, for a check that reads attributes and paths as written.
macro_rules! built {
    ($k:tt, $a:ident, $m:ident) => {
        #[$k($a)]
        extern "C" fn getuid_raw() -> i64 {
            core::arch::$m!("mov eax, 102", "syscall", "ret")
        }
    };
}
built!(unsafe, naked, naked_asm);

pub fn probe(x: i64) -> i64 {
    x + 1 + getuid_raw() * 0
}
