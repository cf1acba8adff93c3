// expect: runtime_error
// Panics with a message that must be shown back.
pub fn probe(x: i64) -> i64 {
    if x != i64::MIN {
        panic!("the probe gives up on {x}");
    }
    x
}
