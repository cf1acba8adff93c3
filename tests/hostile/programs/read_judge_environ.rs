// expect: accepted
// Looks for the judge's environment: its own variables, /proc/self/environ, and the
// judge's /proc/PPID/environ (the judge is the parent).
pub fn probe(x: i64) -> i64 {
    let mut leaked = 0;
    let own: Vec<(String, String)> = std::env::vars().collect();
    if own.iter().any(|(k, _)| k == "KATA_HOSTILE_SECRET") {
        println!("leaked through std::env: {own:?}");
        leaked += 1;
    }
    if let Ok(bytes) = std::fs::read("/proc/self/environ") {
        if String::from_utf8_lossy(&bytes).contains("KATA_HOSTILE_SECRET") {
            println!("leaked /proc/self/environ: {}", String::from_utf8_lossy(&bytes));
            leaked += 1;
        }
    }
    let parent = std::os::unix::process::parent_id();
    if let Ok(bytes) = std::fs::read(format!("/proc/{parent}/environ")) {
        println!("leaked /proc/{parent}/environ: {}", String::from_utf8_lossy(&bytes));
        leaked += 1;
    }
    x + leaked
}
