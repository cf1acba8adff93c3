// expect: accepted
// Runs a shell command that leaves a process in the background.
pub fn probe(x: i64) -> i64 {
    match std::process::Command::new("/bin/sh")
        .args(["-c", "sleep {{MARKER}} & echo started"])
        .output()
    {
        Ok(out) => {
            println!("shell: {}", String::from_utf8_lossy(&out.stdout));
            x + 1
        }
        Err(_) => x,
    }
}
