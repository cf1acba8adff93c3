// expect: compile_error
// Compiles /etc/shadow into the program.
const SHADOW: &[u8] = include_bytes!("/etc/shadow");

pub fn probe(x: i64) -> i64 {
    println!("leaked: {}", String::from_utf8_lossy(SHADOW));
    x + 1
}
