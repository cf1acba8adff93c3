// expect: accepted
// Writes one 15 MiB line on stderr (under the output limit) on every test, then answers
// right: a judge that keeps whole streams grows with what the program prints.
pub fn probe(x: i64) -> i64 {
    use std::io::Write;
    let line = "stderr ".repeat((15 << 20) / 7);
    let _ = std::io::stderr().write_all(line.as_bytes());
    x
}
