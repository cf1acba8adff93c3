// expect: compile_error
// Dereferences a null pointer.
pub fn probe(x: i64) -> i64 {
    let p = std::ptr::null::<i64>();
    x + unsafe { *p }
}
