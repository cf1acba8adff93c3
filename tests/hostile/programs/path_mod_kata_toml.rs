// expect: compile_error
// Makes the kata file a module: it does not parse as Rust, but the diagnostics would quote
// its lines (the hidden tests) back.
#[path = "{{KATA_TOML}}"]
mod hidden_tests;

pub fn probe(x: i64) -> i64 {
    x
}
