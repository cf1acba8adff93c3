//! Embeds the bundled katas (`katas/*.toml`) and their reference solutions
//! (`solutions/<id>.rs`) into the binary, so an installed `kata` works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=katas");
    println!("cargo:rerun-if-changed=solutions");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("katas"))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    let mut out = String::from("pub static BUNDLED: &[(&str, &str, Option<&str>)] = &[\n");
    for path in files {
        let id = path.file_stem().unwrap().to_str().unwrap();
        let solution = root.join("solutions").join(format!("{id}.rs"));
        println!("cargo:rerun-if-changed={}", path.display());
        println!("cargo:rerun-if-changed={}", solution.display());
        let solution = if solution.exists() {
            format!("Some(include_str!({:?}))", solution.display().to_string())
        } else {
            "None".into()
        };
        writeln!(
            out,
            "    ({id:?}, include_str!({:?}), {solution}),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    std::fs::write(dest, out).unwrap();
}
