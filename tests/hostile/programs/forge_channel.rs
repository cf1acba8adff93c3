// expect: accepted
// Reopens the judge's result channel (fd 3) through /proc and /dev/fd: for writing, to
// answer before the harness does, and for reading, to take the harness's answer away.
pub fn probe(x: i64) -> i64 {
    let mut reached = 0;
    for path in ["/proc/self/fd/3", "/dev/fd/3", "/proc/thread-self/fd/3"] {
        if std::fs::OpenOptions::new().write(true).open(path).is_ok() {
            println!("opened {path} for writing");
            reached += 1;
        }
        if std::fs::File::open(path).is_ok() {
            println!("opened {path} for reading");
            reached += 1;
        }
    }
    x + reached
}
