// expect: accepted
// Writes past the judge, straight to a terminal, where it could fake the judge's own report.
pub fn probe(x: i64) -> i64 {
    let mut reached = 0;
    for path in ["/dev/tty", "/dev/console", "/dev/pts/0", "/dev/tty1", "/dev/kmsg"] {
        if std::fs::OpenOptions::new().write(true).open(path).is_ok() {
            println!("opened {path}");
            reached += 1;
        }
    }
    x + reached
}
