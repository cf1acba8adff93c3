// expect: accepted
// A fork bomb: copies of itself and shells, 128 at most, so that a sandbox that let it
// through would still leave the machine standing.
use std::process::{Command, Stdio};

pub fn probe(x: i64) -> i64 {
    let Ok(exe) = std::env::current_exe() else { return x };
    let mut started = 0;
    for _ in 0..64 {
        let child = Command::new(&exe)
            .arg("kh{{MARKER}}")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if child.is_ok() {
            started += 1;
        }
        let shell = Command::new("/bin/sh")
            .args(["-c", "sleep {{MARKER}}"])
            .stdin(Stdio::null())
            .spawn();
        if shell.is_ok() {
            started += 1;
        }
    }
    if started > 0 {
        println!("started {started} processes");
    }
    x + started
}
