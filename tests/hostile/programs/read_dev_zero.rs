// expect: accepted
// Reads an endless file to the end: the buffer grows until the memory limit refuses more
// (std reports that as an OutOfMemory error rather than aborting).
pub fn probe(x: i64) -> i64 {
    match std::fs::read("/dev/zero") {
        Ok(v) => x + v.len() as i64,
        Err(e) if e.kind() == std::io::ErrorKind::OutOfMemory => x,
        Err(e) => {
            println!("{e}");
            x + 1
        }
    }
}
