// expect: accepted
// Looks around the judge's cache, where its own binary lives: other programs, reports of
// earlier judgements, and the inputs and answers of generated tests.
pub fn probe(x: i64) -> i64 {
    let Ok(exe) = std::env::current_exe() else { return x };
    let Some(bin) = exe.parent() else { return x };
    let Some(root) = bin.parent() else { return x };
    let mut seen = 0;
    for dir in [bin.to_path_buf(), root.to_path_buf(), root.join("gen"), root.join("result")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                println!("{}: {:?}", dir.display(), e.file_name());
            }
            seen += 1;
        }
    }
    x + seen
}
