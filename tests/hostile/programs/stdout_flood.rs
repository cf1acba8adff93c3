// expect: output_limit_exceeded
// Prints without end on stdout.
use std::io::Write;

pub fn probe(x: i64) -> i64 {
    let line = [b'y'; 4096];
    let mut out = std::io::stdout().lock();
    loop {
        if out.write_all(&line).is_err() {
            return x;
        }
    }
}
