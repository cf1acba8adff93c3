// expect: accepted
// Overwrites its own binary (an entry of the judge's cache of built programs) and plants a
// file beside it, so that the next program judged would be this one.
use std::io::Write;

pub fn probe(x: i64) -> i64 {
    let mut hits = 0;
    let Ok(exe) = std::env::current_exe() else { return x };
    if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&exe) {
        if f.write_all(b"#!/bin/sh\n").is_ok() {
            println!("overwrote {}", exe.display());
            hits += 1;
        }
    }
    if let Some(dir) = exe.parent() {
        if std::fs::write(dir.join("planted-{{MARKER}}"), "x").is_ok() {
            println!("planted a file in {}", dir.display());
            hits += 1;
        }
        if std::fs::rename(&exe, dir.join("moved-{{MARKER}}")).is_ok() {
            println!("moved {}", exe.display());
            hits += 1;
        }
    }
    x + hits
}
