// expect: accepted
// Reads the judge's home folder ($HOME, and /root) for secrets.
pub fn probe(x: i64) -> i64 {
    let mut leaked = 0;
    if let Ok(text) = std::fs::read_to_string("{{HOME}}/.secret") {
        println!("leaked ~/.secret: {text}");
        leaked += 1;
    }
    for dir in ["{{HOME}}", "/root"] {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                println!("{dir}: {:?}", e.file_name());
            }
            leaked += 1;
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        println!("HOME is visible: {home:?}");
        leaked += 1;
    }
    x + leaked
}
