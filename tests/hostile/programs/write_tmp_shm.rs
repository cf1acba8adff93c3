// expect: accepted
// Writes in the shared temporary folders, to leave something for another program.
pub fn probe(x: i64) -> i64 {
    let mut wrote = 0;
    for dir in ["/tmp", "/dev/shm", "/var/tmp"] {
        let path = format!("{dir}/kata-hostile-{{MARKER}}");
        if std::fs::write(&path, "left behind").is_ok() {
            println!("wrote {path}");
            wrote += 1;
        }
    }
    x + wrote
}
