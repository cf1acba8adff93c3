//! Design katas (a type with methods, a test a sequence of calls) through the real binary, on
//! the fixture kata `max-stack` of `tests/fixtures/design`: the starter, every verdict and the
//! table of calls that shows where a test failed, `--json`, generated call sequences, `stress`,
//! `validate`, and the located errors of a bad `[design]` or a bad call.

mod common;

use common::{fixture, fixtures, Test};
use std::path::PathBuf;

fn design_dir() -> PathBuf {
    fixtures().join("design")
}

/// The design fixture kata with `submission` (a path under its `submissions/max-stack/`) as
/// `max-stack.rs`.
fn max_stack(submission: &str) -> Test {
    Test::new().katas(&design_dir().join("katas")).fixture(
        "max-stack.rs",
        &format!("design/submissions/max-stack/{submission}"),
    )
}

#[test]
fn the_starter_declares_the_type_and_every_method_and_compiles() {
    let t = Test::new().katas(&design_dir().join("katas"));
    t.kata(&["next"])
        .status(0)
        .stdout_has("    impl MaxStack {\n        pub fn new() -> Self;\n")
        .stdout_has("    4  max()            Some(5)\n")
        .run();
    let starter = t.read("max-stack.rs");
    assert!(starter.contains("pub struct MaxStack {"), "{starter}");
    for m in [
        "pub fn new() -> Self {\n        todo!()",
        "pub fn push(&mut self, x: i64) {\n        todo!()",
        "pub fn pop(&mut self) -> Option<i64> {\n        todo!()",
        "pub fn max(&self) -> Option<i64> {\n        todo!()",
    ] {
        assert!(starter.contains(m), "{m} missing from:\n{starter}");
    }
    // It compiles: the first call, the constructor, panics at its `todo!()`.
    t.kata(&["test"])
        .status(1)
        .verdict("runtime_error")
        .stdout_has("1  MaxStack::new()            runtime error  ←")
        .stdout_has("reason: panicked at max-stack.rs:11:9: not yet implemented")
        .run();
}

#[test]
fn a_correct_type_is_accepted_on_written_and_generated_calls() {
    max_stack("accepted/pairs.rs")
        .kata(&["submit", "max-stack.rs"])
        .status(0)
        .stdout_has("✓ hidden: large: 200000 calls")
        .stdout_has("accepted: 4/4 tests passed")
        .run();
}

#[test]
fn a_wrong_result_shows_the_calls_up_to_it_as_a_table() {
    let t = max_stack("wrong_answer/zero_when_empty.rs");
    t.kata(&["submit", "max-stack.rs"])
        .status(1)
        .stdout_has(
            "── hidden: empty stack — wrong answer\ncalls:\n\
             \x20   #  call             expected  got\n\
             \x20   1  MaxStack::new()            ok\n\
             \x20   2  pop()            None      None\n\
             \x20   3  max()            None      Some(0)  ←\n\
             reason: call 3 of 3 returned a wrong result\n",
        )
        .run();
    let tests = t
        .kata(&["submit", "max-stack.rs", "--json"])
        .status(1)
        .run()
        .tests();
    let empty = tests.iter().find(|x| x["name"] == "empty stack").unwrap();
    assert_eq!(empty["verdict"], "wrong_answer");
    let message = empty["message"].as_str().unwrap();
    assert!(
        message.starts_with("call 3 of 3 returned a wrong result\n#  call")
            && message.ends_with("3  max()            None      Some(0)  ←"),
        "{message}"
    );
}

#[test]
fn a_method_of_the_wrong_signature_is_a_compile_error_at_the_learners_line() {
    let t = Test::new().katas(&design_dir().join("katas"));
    let solution = fixture("design/solutions/max-stack.rs").replace(
        "pub fn push(&mut self, x: i64) {",
        "pub fn push(&mut self, x: i32) {\n        let x = i64::from(x);",
    );
    t.write("max-stack.rs", &solution);
    t.kata(&["submit", "max-stack.rs"])
        .status(1)
        .verdict("compile_error")
        .stdout_has("--> <kata harness>/main.rs:")
        .stdout_has("expected `i32`, found `i64`")
        .stdout_has("--> max-stack.rs:15:12")
        .stdout_has("check that it is `pub`")
        .stdout_lacks("/tmp/")
        .run();
}

#[test]
fn a_panicking_method_is_a_runtime_error_at_its_call() {
    let out = max_stack("runtime_error/unwrap_pop.rs")
        .kata(&["submit", "max-stack.rs", "--json"])
        .status(1)
        .verdict("runtime_error")
        .run();
    let tests = out.tests();
    let empty = tests.iter().find(|x| x["name"] == "empty stack").unwrap();
    let message = empty["message"].as_str().unwrap();
    assert!(
        message.starts_with("panicked at max-stack.rs:18:31: called `Option::unwrap()`"),
        "{message}"
    );
    assert!(
        message.ends_with("2  pop()            None      runtime error  ←"),
        "{message}"
    );
}

#[test]
fn a_slow_method_exceeds_the_time_limit_on_the_generated_calls() {
    max_stack("time_limit_exceeded/scan_for_max.rs")
        .kata(&["submit", "max-stack.rs"])
        .status(1)
        .verdict("time_limit_exceeded")
        .stdout_has("✓ hidden: empty stack")
        .stdout_has("✗ hidden: large: 200000 calls")
        .stdout_has("     2  pop()            None\n")
        .stdout_has("… 199977 more calls")
        .run();
}

#[test]
fn validate_judges_the_verdict_folders_of_a_design_kata() {
    Test::new()
        .katas(&design_dir().join("katas"))
        .kata(&["validate", "max-stack"])
        .status(0)
        .stdout_has("✓ max-stack  reference")
        .stdout_has("1 accepted, 1 wrong_answer, 1 time_limit_exceeded, 1 runtime_error")
        .run();
}

#[test]
fn stress_finds_the_shortest_differing_calls_and_a_test_to_paste() {
    let t = max_stack("wrong_answer/zero_when_empty.rs");
    let out = t
        .kata(&["stress", "max-stack", "max-stack.rs", "--seconds", "3"])
        .status(1)
        .stdout_has("calls (expected: the reference's results):")
        .stdout_has("Some(0)  ←")
        .stdout_has("[[tests]]\nname = \"found by kata stress (seed ")
        .run();
    // The entry stops at the first wrong call and reads back as a test of the kata.
    let entry = &out.stdout[out.stdout.find("[[tests]]").unwrap()..];
    assert!(entry.contains("calls = [\n  [\"new\"],\n"), "{entry}");
    assert!(entry.trim_end().ends_with("  [\"max\", []],\n]"), "{entry}");
    let dir = kata_dir(&(fixture("design/katas/max-stack.toml") + "\n" + entry));
    Test::new()
        .katas(&dir.path().join("katas"))
        .fixture("max-stack.rs", "design/solutions/max-stack.rs")
        .kata(&["submit", "max-stack.rs"])
        .status(0)
        .stdout_has("✓ hidden: found by kata stress")
        .run();
    Test::new()
        .katas(&design_dir().join("katas"))
        .fixture("ref.rs", "design/solutions/max-stack.rs")
        .kata(&["stress", "max-stack", "ref.rs", "--seconds", "1"])
        .status(0)
        .run();
}

/// A kata folder holding `text` as `max-stack.toml`, with the reference solution beside it.
fn kata_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["katas", "solutions"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
    }
    std::fs::write(dir.path().join("katas/max-stack.toml"), text).unwrap();
    let solution = design_dir().join("solutions/max-stack.rs");
    std::fs::copy(&solution, dir.path().join("solutions/max-stack.rs")).unwrap();
    dir
}

/// `kata validate` on the fixture with `from` replaced by `to`: its one-line error.
fn bad(from: &str, to: &str) -> String {
    let text = fixture("design/katas/max-stack.toml");
    assert!(text.contains(from), "{from}");
    let dir = kata_dir(&text.replacen(from, to, 1));
    let out = Test::new()
        .katas(&dir.path().join("katas"))
        .kata(&["validate"])
        .status(2)
        .run();
    let line = out
        .stdout
        .lines()
        .chain(out.stderr.lines())
        .find(|l| l.contains("max-stack.toml:"))
        .unwrap_or_else(|| panic!("no located error:\n{}\n{}", out.stdout, out.stderr))
        .to_string();
    let at = line.find("max-stack.toml:").unwrap();
    line[at..].to_string()
}

#[test]
fn bad_design_toml_is_located_by_line_and_column() {
    let cases = [
        // An unknown method, at its name.
        (r#"["max", [5]]"#, r#"["peek", [5]]"#, "max-stack.toml:39:46: unknown method `peek`: `MaxStack` has `new`, `push`, `pop`, `max`"),
        // Wrong arity, at the call.
        (r#"["push", 3]"#, r#"["push"]"#, "max-stack.toml:39:19: `push` is called as [\"push\", x]: 1 value after the name, found 0"),
        // A wrong type, at the value.
        (r#"["push", 5]"#, r#"["push", 5.5]"#, "max-stack.toml:39:41: `x`: expected an integer for `i64`, found the float 5.5"),
        (r#"["max", [3]]"#, r#"["max", 3]"#, "max-stack.toml:39:"),
        // Not starting with the constructor.
        (r#"calls = [["new"], ["pop", []]"#, r#"calls = [["pop", []]"#, "max-stack.toml:43:11: a test starts with the constructor, [\"new\"]"),
        // A bad method signature, at its string.
        ("\"fn max(&self) -> Option<i64>\"", "\"fn max(self) -> Option<i64>\"", "max-stack.toml:18:5: method: a method takes `&self` or `&mut self`, not `self`"),
        ("type = \"MaxStack\"", "type = \"max stack\"", "max-stack.toml:13:8: `max stack` is not a type name"),
    ];
    for (from, to, want) in cases {
        let got = bad(from, to);
        assert!(
            got.starts_with(want),
            "{from} → {to}:\n got {got}\nwant {want}"
        );
    }
}

#[test]
fn a_generator_must_start_its_calls_with_the_constructor() {
    let text = fixture("design/katas/max-stack.toml").replace(
        "let mut calls = vec![Call::New];",
        "let mut calls = vec![Call::Pop, Call::New];",
    );
    let dir = kata_dir(&text);
    Test::new()
        .katas(&dir.path().join("katas"))
        .fixture("max-stack.rs", "design/solutions/max-stack.rs")
        .kata(&["submit", "max-stack.rs"])
        .status(2)
        .stderr_has("the generator failed: call 1: a test starts with the constructor")
        .run();
}

#[test]
fn run_judges_the_learners_own_calls_against_the_reference() {
    let t = max_stack("wrong_answer/zero_when_empty.rs");
    t.kata(&[
        "run",
        "max-stack",
        "--args",
        r#"[["new"], ["push", 4], ["pop"], ["max"], ["push", 1]]"#,
    ])
    .status(1)
    .stdout_has("3  pop()            Some(4)   Some(4)\n")
    .stdout_has("4  max()            None      Some(0)  ←\n")
    .stdout_lacks("push(1)")
    .run();
    let json = t
        .kata(&[
            "run",
            "max-stack",
            "--args",
            r#"calls = [["new"], ["push", 4]]"#,
            "--json",
        ])
        .status(0)
        .run()
        .json();
    assert_eq!(json["verdict"], "accepted");
    assert!(
        json["calls"].as_str().unwrap().contains("2  push(4)"),
        "{json}"
    );
    t.kata(&["run", "max-stack", "--args", r#"[["pop"]]"#])
        .status(2)
        .stderr_has("--args: a test starts with the constructor, [\"new\"]")
        .run();
}
