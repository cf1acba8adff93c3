// expect: accepted
// Writes files outside the sandbox: in a folder anyone may write, in the workspace (a
// planted solution), and in the current folder.
pub fn probe(x: i64) -> i64 {
    let mut wrote = 0;
    for path in ["{{OUT_FILE}}", "{{WORKSPACE}}/planted.rs", "planted.txt"] {
        if std::fs::write(path, "pub fn probe(x: i64) -> i64 { x }").is_ok() {
            println!("wrote {path}");
            wrote += 1;
        }
    }
    x + wrote
}
