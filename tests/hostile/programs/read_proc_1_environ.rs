// expect: accepted
// Reads the environment and command line of process 1.
pub fn probe(x: i64) -> i64 {
    let mut leaked = 0;
    for path in ["/proc/1/environ", "/proc/1/cmdline"] {
        if let Ok(bytes) = std::fs::read(path) {
            println!("leaked {path}: {}", String::from_utf8_lossy(&bytes));
            leaked += 1;
        }
    }
    x + leaked
}
