// expect: accepted
// Reads the kata file, which holds the hidden tests and their expected answers, and lists
// its folder.
pub fn probe(x: i64) -> i64 {
    let mut leaked = 0;
    if let Ok(text) = std::fs::read_to_string("{{KATA_TOML}}") {
        println!("leaked the kata file:\n{text}");
        leaked += 1;
    }
    if let Ok(entries) = std::fs::read_dir("{{KATA_DIR}}") {
        for e in entries.flatten() {
            println!("kata folder: {:?}", e.file_name());
        }
        leaked += 1;
    }
    x + leaked
}
