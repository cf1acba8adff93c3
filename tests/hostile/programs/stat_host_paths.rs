// expect: accepted
// Looks at the host's files by name only (`stat`, which Landlock does not govern): the
// judge's workspace, kata folder and cache, home folders, system and temporary folders.
pub fn probe(x: i64) -> i64 {
    let paths = [
        "/root",
        "/home",
        "/etc/passwd",
        "/etc/shadow",
        "/tmp",
        "/var/tmp",
        "/dev/shm",
        "/bin/sh",
        "/sys",
        "{{WORKSPACE}}",
        "{{KATA_DIR}}",
        "{{KATA_TOML}}",
        "{{HOME}}",
        "{{CACHE_DIR}}",
    ];
    let mut seen = 0;
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) => {
                eprintln!("{path}: {:?}", m.file_type());
                seen += 1;
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    x + seen
}
