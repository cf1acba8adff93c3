// expect: accepted
// Reads the learner's other files in the workspace (the judge's current folder), by
// absolute and by relative path, and lists the folder.
pub fn probe(x: i64) -> i64 {
    let mut leaked = 0;
    for path in ["{{WORKSPACE}}/notes.txt", "notes.txt", "./read_workspace.rs"] {
        if let Ok(text) = std::fs::read_to_string(path) {
            println!("leaked {path}: {text}");
            leaked += 1;
        }
    }
    for dir in ["{{WORKSPACE}}", "."] {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                println!("{dir}: {:?}", e.file_name());
            }
            leaked += 1;
        }
    }
    x + leaked
}
