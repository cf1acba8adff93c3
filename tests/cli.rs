//! The learner's and instructor's commands, driven through the real binary on real kata
//! files: serving katas, progress, hints, listing, validating, scaffolding, bad input and
//! where the output goes.

mod common;

use common::{fixture, fixtures, Test};
use std::path::Path;

const ADD: &str = "pub fn add(a: i64, b: i64) -> i64 { a + b }";

/// A kata folder of this test holding the fixture `add.toml`, changed by `edit`.
fn add_kata(dir: &Path, edit: impl Fn(String) -> String) {
    std::fs::write(dir.join("add.toml"), edit(fixture("katas/add.toml"))).unwrap();
}

// ---------------------------------------------------------------------------------------------
// The learner's loop
// ---------------------------------------------------------------------------------------------

#[test]
fn test_runs_only_the_samples_and_records_nothing() {
    let t = Test::new().fixture_katas().file("add.rs", ADD);
    t.kata(&["test", "add"])
        .status(0)
        .stdout_has("1/1 samples passed")
        .run();
    assert!(!t.path(".kata/progress.json").exists());
}

#[test]
fn next_writes_a_starter_that_compiles_and_never_overwrites_the_learners_edit() {
    let t = Test::new().fixture_katas();
    t.kata(&["next"])
        .status(0)
        .stdout_has("Add (add)")
        .stdout_has("a = 1\n    b = 2\n    → 3")
        .run();
    assert!(
        t.read("add.rs")
            .contains("pub fn add(a: i64, b: i64) -> i64 {\n    todo!()\n}"),
        "{}",
        t.read("add.rs")
    );
    // The starter compiles: it fails at run time, with `todo!()`'s message.
    t.kata(&["submit"])
        .status(1)
        .stdout_has("not yet implemented")
        .run();
}

#[test]
fn a_learners_edit_survives_next() {
    let t = Test::new().fixture_katas().file("add.rs", "// my work\n");
    t.kata(&["next"])
        .status(0)
        .stdout_has("is kept as it is")
        .run();
    assert_eq!(t.read("add.rs"), "// my work\n");
}

#[test]
fn progress_survives_two_submits_and_next_moves_on() {
    let t = Test::new().fixture_katas().file("add.rs", ADD);
    t.kata(&["next"]).status(0).run();
    t.kata(&["next"]).status(0).run();
    t.kata(&["submit"]).status(0).run();
    t.write("add.rs", "pub fn add(a: i64, b: i64) -> i64 { a - b }");
    t.kata(&["submit"]).status(1).run();
    let progress: serde_json::Value = serde_json::from_str(&t.read(".kata/progress.json")).unwrap();
    let add = &progress["katas"]["add"];
    assert_eq!(add["attempts"], 2);
    assert_eq!(add["solved"], true);
    assert_eq!(add["last_verdict"], "wrong_answer");
    t.kata(&["list"]).status(0).stdout_has("✓ add").run();
    t.kata(&["next"])
        .status(0)
        .stdout_has("Sum Lines (sum-lines)")
        .run();
}

#[test]
fn a_corrupt_progress_file_is_reported_and_kept() {
    let t = Test::new()
        .fixture_katas()
        .file(".kata/progress.json", "{\"katas\": nope}");
    t.kata(&["list"])
        .status(2)
        .stderr_has("kata: .kata/progress.json:1:12: expected ident")
        .run();
    assert_eq!(t.read(".kata/progress.json"), "{\"katas\": nope}");
}

#[test]
fn hints_come_one_more_each_time() {
    let t = Test::new().fixture_katas();
    t.kata(&["hint", "add"])
        .status(0)
        .stdout_has("Hint 1/2: Use `+`.")
        .stdout_lacks("Hint 2/2")
        .run();
    t.kata(&["hint", "add"])
        .status(0)
        .stdout_has("Hint 2/2: Really")
        .stdout_has("last hint")
        .run();
}

#[test]
fn list_and_show_serve_the_kata_folder_in_study_order() {
    let t = Test::new().fixture_katas();
    let list = t.kata(&["list", "--json"]).status(0).run().json();
    let ids: Vec<&str> = list["katas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["add", "sum-lines", "secret", "shapes"]);
    assert_eq!((&list["solved"], &list["total"]), (&0.into(), &4.into()));
    assert_eq!(list["katas"][0]["status"], "new");
    t.kata(&["show", "sum-lines"])
        .status(0)
        .stdout_has("Read numbers")
        .run();
}

#[test]
fn the_bundled_set_is_served_without_a_kata_folder() {
    let list = Test::new().kata(&["list", "--json"]).status(0).run().json();
    let katas = list["katas"].as_array().unwrap();
    assert!(katas.iter().any(|k| k["id"] == "two-sum"));
}

// ---------------------------------------------------------------------------------------------
// Bad input, and where the output goes
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_input_exits_2_with_a_one_line_cause() {
    let t = Test::new().fixture_katas();
    t.kata(&["show", "nope"])
        .status(2)
        .stderr_has("unknown kata `nope`")
        .run();
    t.kata(&["submit", "missing.rs", "--kata", "add"])
        .status(2)
        .stderr_has("missing.rs: no such file")
        .run();
    t.kata(&["submit"])
        .status(2)
        .stderr_has("run `kata next` first")
        .run();
    t.kata(&["next", "--topic", "nope"])
        .status(2)
        .stderr_has("--topic")
        .run();
    Test::new()
        .kata(&["--color", "sometimes", "list"])
        .status(2)
        .stderr_has("--color")
        .run();
}

#[test]
fn help_and_version_succeed() {
    let t = Test::new();
    t.kata(&["--help"])
        .status(0)
        .stdout_has("Usage: kata")
        .run();
    t.kata(&["--version"]).status(0).stdout_has("kata ").run();
}

#[test]
fn a_broken_kata_file_is_rejected_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), "title = \"x\"\ntopic = [\n").unwrap();
    let out = Test::new()
        .katas(dir.path())
        .kata(&["list"])
        .status(2)
        .stderr_has("broken.toml:2:10: unclosed array")
        .run();
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn a_wrong_typed_key_is_rejected_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let t = Test::new().katas(dir.path());
    add_kata(dir.path(), |k| {
        k.replace("time_limit_ms = 500", "time_limit_ms = \"fast\"")
    });
    t.kata(&["list"])
        .status(2)
        .stderr_has("add.toml:5:17")
        .stderr_has("`time_limit_ms`: invalid type")
        .run();
    add_kata(dir.path(), |k| {
        k.replace("expected = -12", "expected = [-12]")
    });
    t.kata(&["list"])
        .status(2)
        .stderr_has("add.toml:20:12: `expected`: expected an integer")
        .run();
}

#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_a_quiet_end() {
    let t = Test::new().fixture_katas();
    t.kata(&["list"])
        .stdout_to(Path::new("/dev/full"))
        .status(3)
        .stderr_has("kata: cannot write to stdout")
        .run();
    t.kata(&["list"]).stdout_closed().status(0).run();
    let out = t.kata(&["list", "--json"]).stdout_closed().status(0).run();
    assert_eq!(out.stderr, "");
}

// ---------------------------------------------------------------------------------------------
// The instructor's commands
// ---------------------------------------------------------------------------------------------

#[test]
fn validate_accepts_good_katas_and_new_scaffolds_one_that_validates() {
    Test::new()
        .katas(&fixtures().join("katas"))
        .kata(&["validate"])
        .status(0)
        .stdout_has("✓ add")
        .run();
    let t = Test::new();
    t.kata(&["--katas", "katas", "new", "my-kata"])
        .status(0)
        .run();
    assert!(t.path("katas/my-kata.toml").exists());
    assert!(t.path("solutions/my-kata.rs").exists());
    t.kata(&["--katas", "katas", "validate", "my-kata"])
        .status(0)
        .run();
    // `new` never overwrites.
    t.kata(&["--katas", "katas", "new", "my-kata"])
        .status(2)
        .stderr_has("already exists")
        .run();
}

#[test]
fn validate_rejects_a_wrong_reference_and_duplicate_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("katas")).unwrap();
    std::fs::create_dir_all(dir.path().join("solutions")).unwrap();
    add_kata(&dir.path().join("katas"), |k| {
        k.replace("name = \"large\"", "name = \"negatives\"")
    });
    std::fs::write(
        dir.path().join("solutions/add.rs"),
        "pub fn add(a: i64, b: i64) -> i64 { a - b }",
    )
    .unwrap();
    Test::new()
        .katas(&dir.path().join("katas"))
        .kata(&["validate"])
        .status(1)
        .stdout_has("add.toml:22:1: two tests are named \"negatives\"")
        .stdout_has("is not accepted: wrong_answer")
        .run();
}

#[test]
fn validate_lists_every_broken_file_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    add_kata(dir.path(), |k| k);
    std::fs::write(dir.path().join("broken.toml"), "title = 3\n").unwrap();
    Test::new()
        .katas(dir.path())
        .kata(&["validate"])
        .status(2)
        .stdout_has("✗ ")
        .stdout_has("broken.toml:1:9")
        .stderr_has("1 kata file could not be loaded")
        .run();
}

/// The handbook's study path: the coding chapter's topics, then the other chapters'.
const STUDY_PATH: [&str; 11] = [
    "hashmap",
    "two-pointers",
    "sliding-window",
    "ml",
    "transformer",
    "rag",
    "evaluation",
    "agents",
    "ml",
    "hitl",
    "systems",
];

#[test]
fn the_bundled_set_follows_the_study_path_and_every_topic_is_served() {
    let t = Test::new();
    let list = t.kata(&["list", "--json"]).status(0).run().json();
    let katas = list["katas"].as_array().unwrap();
    // Each kata's topic comes at or after the previous one's on the path (`ml` is on it
    // twice: the chapter's ML snippets, then the applied-ML chapter).
    let mut at = 0;
    for k in katas {
        let topic = k["topic"].as_str().unwrap();
        let next = STUDY_PATH[at..]
            .iter()
            .position(|p| *p == topic)
            .unwrap_or_else(|| panic!("{}: topic {topic} out of study order", k["id"]));
        at += next;
    }
    let topics: std::collections::BTreeSet<&str> =
        katas.iter().map(|k| k["topic"].as_str().unwrap()).collect();
    for new in ["transformer", "rag", "evaluation", "hitl", "ml"] {
        assert!(topics.contains(new), "no kata of topic {new}");
    }
    // `next --topic` serves the first kata of each topic in study order, in the listing too.
    for topic in &topics {
        let first = katas.iter().find(|k| k["topic"] == *topic).unwrap();
        let id = first["id"].as_str().unwrap();
        let t = Test::new();
        t.kata(&["next", "--topic", topic])
            .status(0)
            .stdout_has(&format!("({id})"))
            .run();
        assert!(t.path(&format!("{id}.rs")).is_file(), "{topic}: no starter");
        t.kata(&["list"])
            .status(0)
            .stdout_has(id)
            .stdout_has(topic)
            .run();
    }
}
