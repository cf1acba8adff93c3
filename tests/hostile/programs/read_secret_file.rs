// expect: accepted
// Reads a file that the judge's user may read but that lies outside the sandbox.
pub fn probe(x: i64) -> i64 {
    match std::fs::read_to_string("{{SECRET_FILE}}") {
        Ok(text) => {
            println!("leaked: {text}");
            x + 1
        }
        Err(_) => x,
    }
}
