// expect: accepted
// Reads /etc/shadow at run time (root could, without the sandbox).
pub fn probe(x: i64) -> i64 {
    match std::fs::read_to_string("/etc/shadow") {
        Ok(text) => {
            println!("leaked /etc/shadow:\n{text}");
            x + 1
        }
        Err(_) => x,
    }
}
