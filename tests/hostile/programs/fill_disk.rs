// expect: accepted
// Tries to fill the disk: up to 512 MiB in every place a program might be able to write.
use std::io::Write;

pub fn probe(x: i64) -> i64 {
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.display().to_string()))
        .unwrap_or_default();
    let dirs = [".", "/tmp", "/dev/shm", "/var/tmp", "{{HOME}}", exe_dir.as_str()];
    let chunk = vec![0x5au8; 1 << 20];
    let mut written = 0usize;
    for dir in dirs {
        let path = format!("{dir}/kata-fill-{{MARKER}}");
        let Ok(mut f) = std::fs::File::create(&path) else { continue };
        println!("created {path}");
        for _ in 0..512 {
            match f.write_all(&chunk) {
                Ok(()) => written += chunk.len(),
                Err(_) => break,
            }
        }
    }
    if written > 0 {
        println!("wrote {written} bytes");
        x + 1
    } else {
        x
    }
}
