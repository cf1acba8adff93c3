// expect: output_limit_exceeded
// Writes without end on stderr, in large blocks.
use std::io::Write;

pub fn probe(x: i64) -> i64 {
    let block = [b'e'; 1 << 16];
    let mut err = std::io::stderr().lock();
    loop {
        if err.write_all(&block).is_err() {
            return x;
        }
    }
}
