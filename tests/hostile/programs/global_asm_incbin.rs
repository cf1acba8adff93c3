// expect: compile_error
// Has the assembler read a secret file into the binary, without an `unsafe` block.
std::arch::global_asm!(
    ".pushsection .rodata.stolen, \"a\"",
    ".incbin \"{{SECRET_FILE}}\"",
    ".popsection"
);

pub fn probe(x: i64) -> i64 {
    x
}
