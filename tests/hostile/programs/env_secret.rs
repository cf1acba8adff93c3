// expect: compile_error
// Reads a variable of the judge's environment at compile time.
const SECRET: &str = env!("KATA_HOSTILE_SECRET");

pub fn probe(x: i64) -> i64 {
    println!("leaked: {SECRET}");
    x + 1
}
