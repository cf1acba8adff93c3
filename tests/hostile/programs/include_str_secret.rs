// expect: compile_error
// Compiles a secret file into the program: the compiler reads it, whatever the run may do.
const SECRET: &str = include_str!("{{SECRET_FILE}}");

pub fn probe(x: i64) -> i64 {
    println!("leaked: {SECRET}");
    x + 1
}
