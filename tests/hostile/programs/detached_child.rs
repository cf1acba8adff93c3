// expect: accepted
// Starts a child in a process group of its own, so that killing the program's group misses
// it.
use std::os::unix::process::CommandExt;

pub fn probe(x: i64) -> i64 {
    match std::process::Command::new("sleep")
        .arg("{{MARKER}}")
        .process_group(0)
        .spawn()
    {
        Ok(child) => {
            println!("detached {}", child.id());
            x + 1
        }
        Err(_) => x,
    }
}
