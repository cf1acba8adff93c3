// expect: compile_error
// Makes a Rust file outside the workspace a module of the solution.
#[path = "{{SECRET_RS}}"]
mod stolen;

pub fn probe(x: i64) -> i64 {
    x + stolen::LEAKED
}
