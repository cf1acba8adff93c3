//! The bundled katas: every kata lints clean and its reference solution is accepted with a
//! margin (`kata validate`), and every known-wrong solution in `tests/wrong/<id>/` gets the
//! verdict its `// expect:` line declares.

mod common;

use common::{declared_verdict, Test};
use std::path::Path;

#[test]
fn every_bundled_kata_validates() {
    let out = Test::new().kata(&["validate"]).status(0).run();
    let katas = Test::new().kata(&["list", "--json"]).status(0).run().json();
    for k in katas["katas"].as_array().unwrap() {
        let id = k["id"].as_str().unwrap();
        assert!(
            out.stdout.contains(&format!("✓ {id}")),
            "{id} not validated:\n{}",
            out.stdout
        );
    }
}

#[test]
fn every_known_wrong_solution_gets_its_verdict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wrong");
    let mut kata_dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    kata_dirs.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    for dir in kata_dirs {
        let id = dir.file_name().unwrap().to_str().unwrap().to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(
            files.len() >= 2,
            "{id}: fewer than two known-wrong solutions"
        );
        for file in files {
            let src = std::fs::read_to_string(&file).unwrap();
            let expected = declared_verdict(&src, &file);
            assert_ne!(expected, "accepted", "{}", file.display());
            let out = Test::new()
                .file("solution.rs", &src)
                .kata(&["submit", "solution.rs", "--kata", &id, "--json"])
                .run();
            checked += 1;
            let got = out.json()["verdict"].as_str().unwrap_or("").to_string();
            if got != expected || out.code != 1 {
                failures.push(format!(
                    "{}: expected {expected}, got {got} (exit {})",
                    file.display(),
                    out.code
                ));
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
