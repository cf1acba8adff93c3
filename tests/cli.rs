//! The learner's and instructor's commands, driven through the real binary on real kata
//! files and the real compiler.

mod common;

use common::{declared_verdict, fixtures, Test};

fn submit_fixture(name: &str) -> common::Output {
    let src = std::fs::read_to_string(fixtures().join("verdicts").join(name)).unwrap();
    Test::new()
        .fixture_katas()
        .file("add.rs", &src)
        .args(&["submit", "add.rs", "--json"])
        .run()
}

#[test]
fn every_verdict_comes_from_its_fixture_with_its_exit_status() {
    let dir = fixtures().join("verdicts");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.len() >= 7);
    for name in names {
        let src = std::fs::read_to_string(dir.join(&name)).unwrap();
        let expected = declared_verdict(&src, &dir.join(&name));
        let out = submit_fixture(&name);
        let json = out.json();
        assert_eq!(json["verdict"], expected.as_str(), "{name}: {}", out.stdout);
        let code = if expected == "accepted" { 0 } else { 1 };
        assert_eq!(out.code, code, "{name}: exit status\n{}", out.stderr);
    }
}

#[test]
fn a_failing_test_shows_input_diff_output_and_reason() {
    let src = std::fs::read_to_string(fixtures().join("verdicts/wrong_answer.rs")).unwrap();
    let out = Test::new()
        .fixture_katas()
        .file("add.rs", &src)
        .args(&["submit", "add.rs"])
        .expect(1);
    assert!(out.stdout.contains("✓ sample 1"), "{}", out.stdout);
    assert!(out.stdout.contains("✗ hidden: negatives"), "{}", out.stdout);
    assert!(out.stdout.contains("a = -5\n    b = -7"), "{}", out.stdout);
    assert!(out.stdout.contains("  - -12\n  + 2"), "{}", out.stdout);
    assert!(
        out.stdout.contains("wrong_answer: 2/3 tests passed"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_panic_is_shown_with_its_message_and_the_learners_line() {
    let src = std::fs::read_to_string(fixtures().join("verdicts/runtime_error.rs")).unwrap();
    let out = Test::new()
        .fixture_katas()
        .file("work/add.rs", &src)
        .args(&["submit", "work/add.rs"])
        .expect(1);
    assert!(
        out.stdout
            .contains("reason: panicked at work/add.rs:4:10: index out of bounds"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_learners_printing_is_shown_back_as_output() {
    let out = Test::new()
        .fixture_katas()
        .file(
            "add.rs",
            "pub fn add(a: i64, b: i64) -> i64 { println!(\"dbg {a}\"); a * b }",
        )
        .args(&["submit", "add.rs"])
        .expect(1);
    assert!(
        out.stdout.contains("your output:\n    dbg 1"),
        "{}",
        out.stdout
    );
}

#[test]
fn compile_errors_point_at_the_learners_file() {
    let src = std::fs::read_to_string(fixtures().join("verdicts/compile_error.rs")).unwrap();
    let out = Test::new()
        .fixture_katas()
        .file("add.rs", &src)
        .args(&["submit", "add"])
        .expect(1);
    assert!(out.stdout.contains("--> add.rs:3:13"), "{}", out.stdout);
    assert!(!out.stdout.contains("/tmp/"), "{}", out.stdout);
    assert!(out.stdout.contains("compile_error"), "{}", out.stdout);
}

#[test]
fn a_wrong_signature_is_explained() {
    let out = Test::new()
        .fixture_katas()
        .file("add.rs", "pub fn add(a: i32, b: i32) -> i32 { a + b }")
        .args(&["submit", "add.rs"])
        .expect(1);
    assert!(
        out.stdout.contains("check that it is `pub`"),
        "{}",
        out.stdout
    );
}

#[test]
fn json_follows_the_results_json_shape() {
    let out = submit_fixture("wrong_answer.rs");
    let json = out.json();
    assert_eq!(json["version"], 2);
    assert_eq!(json["status"], "fail");
    assert_eq!(json["kata"], "add");
    assert_eq!(json["passed"], 2);
    assert_eq!(json["total"], 3);
    let tests = json["tests"].as_array().unwrap();
    assert_eq!(tests.len(), 3);
    assert_eq!(tests[0]["name"], "sample 1");
    assert_eq!(tests[0]["status"], "pass");
    assert!(tests[0]["time_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(tests[1]["status"], "fail");
    assert_eq!(tests[1]["verdict"], "wrong_answer");
    assert!(tests[1]["message"]
        .as_str()
        .unwrap()
        .contains("expected -12"));
    let out = submit_fixture("compile_error.rs");
    let json = out.json();
    assert_eq!(json["status"], "error");
    assert!(json["message"].as_str().unwrap().contains("undefined_name"));
}

#[test]
fn stdin_stdout_katas_compare_lines_ignoring_trailing_space() {
    let sol = std::fs::read_to_string(fixtures().join("solutions/sum-lines.rs")).unwrap();
    let t = Test::new().fixture_katas().file("sum-lines.rs", &sol);
    t.args(&["submit", "sum-lines"]).expect(0);
    let out = Test::new()
        .fixture_katas()
        .file("sum-lines.rs", "fn main() { println!(\"6\"); }")
        .args(&["submit", "sum-lines"])
        .expect(1);
    assert!(out.stdout.contains("  - 42\n  + 6"), "{}", out.stdout);
}

#[test]
fn hidden_tests_stay_secret_when_the_kata_says_so() {
    let out = Test::new()
        .fixture_katas()
        .file(
            "secret.rs",
            "pub fn total(nums: &[i32]) -> i64 { nums.len() as i64 + 1 }",
        )
        .args(&["submit", "secret"])
        .expect(1);
    assert!(
        out.stdout.contains("✗ hidden: the secret one"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("stay secret"), "{}", out.stdout);
    assert!(!out.stdout.contains("7777777"), "{}", out.stdout);
    let json = Test::new()
        .fixture_katas()
        .file(
            "secret.rs",
            "pub fn total(nums: &[i32]) -> i64 { nums.len() as i64 + 1 }",
        )
        .args(&["submit", "secret", "--json"])
        .expect(1)
        .stdout;
    assert!(!json.contains("7777777"), "{json}");
}

#[test]
fn every_supported_type_crosses_the_harness() {
    let sol = std::fs::read_to_string(fixtures().join("solutions/shapes.rs")).unwrap();
    Test::new()
        .fixture_katas()
        .file("shapes.rs", &sol)
        .args(&["submit", "shapes"])
        .expect(0);
}

#[test]
fn test_runs_only_the_samples_and_records_nothing() {
    let t = Test::new()
        .fixture_katas()
        .file("add.rs", "pub fn add(a: i64, b: i64) -> i64 { a + b }");
    let out = t.expect_with(&["test", "add"], 0);
    assert!(out.stdout.contains("1/1 samples passed"), "{}", out.stdout);
    assert!(!t.path(".kata/progress.json").exists());
}

#[test]
fn next_writes_a_starter_that_compiles_and_never_overwrites_the_learners_edit() {
    let t = Test::new().fixture_katas().args(&["next"]);
    let out = t.expect(0);
    assert!(out.stdout.contains("Add (add)"), "{}", out.stdout);
    assert!(
        out.stdout.contains("a = 1\n    b = 2\n    → 3"),
        "{}",
        out.stdout
    );
    let starter = t.read("add.rs");
    assert!(
        starter.contains("pub fn add(a: i64, b: i64) -> i64 {\n    todo!()\n}"),
        "{starter}"
    );
    // The starter compiles: it fails at run time, with `todo!()`'s message.
    let out = t.expect_with(&["submit"], 1);
    assert!(out.stdout.contains("not yet implemented"), "{}", out.stdout);
}

#[test]
fn a_learners_edit_survives_next() {
    let t = Test::new().fixture_katas().file("add.rs", "// my work\n");
    let out = t.expect_with(&["next"], 0);
    assert!(out.stdout.contains("is kept as it is"), "{}", out.stdout);
    assert_eq!(t.read("add.rs"), "// my work\n");
}

#[test]
fn progress_survives_two_submits_and_next_moves_on() {
    let t = Test::new()
        .fixture_katas()
        .file("add.rs", "pub fn add(a: i64, b: i64) -> i64 { a + b }");
    t.expect_with(&["next"], 0);
    t.expect_with(&["next"], 0);
    t.expect_with(&["submit"], 0);
    std::fs::write(
        t.path("add.rs"),
        "pub fn add(a: i64, b: i64) -> i64 { a - b }",
    )
    .unwrap();
    t.expect_with(&["submit"], 1);
    let progress: serde_json::Value = serde_json::from_str(&t.read(".kata/progress.json")).unwrap();
    assert_eq!(progress["katas"]["add"]["attempts"], 2);
    assert_eq!(progress["katas"]["add"]["solved"], true);
    assert_eq!(progress["katas"]["add"]["last_verdict"], "wrong_answer");
    let out = t.expect_with(&["list"], 0);
    assert!(out.stdout.contains("✓ add"), "{}", out.stdout);
    let out = t.expect_with(&["next"], 0);
    assert!(
        out.stdout.contains("Sum Lines (sum-lines)"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_corrupt_progress_file_is_reported_and_kept() {
    let t = Test::new()
        .fixture_katas()
        .file(".kata/progress.json", "{\"katas\": nope}")
        .args(&["list"]);
    let out = t.expect(2);
    assert!(
        out.stderr
            .contains("kata: .kata/progress.json:1:12: expected ident"),
        "{}",
        out.stderr
    );
    assert_eq!(t.read(".kata/progress.json"), "{\"katas\": nope}");
}

#[test]
fn hints_come_one_more_each_time() {
    let t = Test::new().fixture_katas().args(&["hint", "add"]);
    let out = t.expect(0);
    assert!(out.stdout.contains("Hint 1/2: Use `+`."), "{}", out.stdout);
    assert!(!out.stdout.contains("Hint 2/2"), "{}", out.stdout);
    let out = t.expect(0);
    assert!(out.stdout.contains("Hint 2/2: Really"), "{}", out.stdout);
    assert!(out.stdout.contains("last hint"), "{}", out.stdout);
}

#[test]
fn list_and_show_serve_the_kata_folder_in_study_order() {
    let out = Test::new()
        .fixture_katas()
        .args(&["list", "--json"])
        .expect(0);
    let ids: Vec<String> = out.json()["katas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["add", "sum-lines", "secret", "shapes"]);
    let out = Test::new()
        .fixture_katas()
        .args(&["show", "sum-lines"])
        .expect(0);
    assert!(out.stdout.contains("Read numbers"), "{}", out.stdout);
}

#[test]
fn the_bundled_set_is_served_without_a_kata_folder() {
    let out = Test::new().args(&["list", "--json"]).expect(0);
    let katas = out.json();
    assert!(katas["katas"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["id"] == "two-sum"));
}

#[test]
fn bad_input_exits_2_with_a_one_line_cause() {
    let out = Test::new()
        .fixture_katas()
        .args(&["show", "nope"])
        .expect(2);
    assert!(out.stderr.contains("unknown kata `nope`"), "{}", out.stderr);
    let out = Test::new()
        .fixture_katas()
        .args(&["submit", "missing.rs", "--kata", "add"])
        .expect(2);
    assert!(
        out.stderr.contains("missing.rs: no such file"),
        "{}",
        out.stderr
    );
    let out = Test::new().fixture_katas().args(&["submit"]).expect(2);
    assert!(
        out.stderr.contains("run `kata next` first"),
        "{}",
        out.stderr
    );
    let out = Test::new()
        .args(&["--color", "sometimes", "list"])
        .expect(2);
    assert!(out.stderr.contains("--color"), "{}", out.stderr);
    let out = Test::new()
        .fixture_katas()
        .args(&["next", "--topic", "nope"])
        .expect(2);
    assert!(out.stderr.contains("--topic"), "{}", out.stderr);
}

#[test]
fn a_broken_kata_file_is_rejected_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), "title = \"x\"\ntopic = [\n").unwrap();
    let out = Test::new().katas(dir.path()).args(&["list"]).expect(2);
    assert!(
        out.stderr.contains("broken.toml:2:10: unclosed array"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn a_wrong_typed_key_is_rejected_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixtures().join("katas/add.toml"))
        .unwrap()
        .replace("time_limit_ms = 500", "time_limit_ms = \"fast\"");
    std::fs::write(dir.path().join("add.toml"), text).unwrap();
    let out = Test::new().katas(dir.path()).args(&["list"]).expect(2);
    assert!(out.stderr.contains("add.toml:5:17"), "{}", out.stderr);
    assert!(
        out.stderr.contains("`time_limit_ms`: invalid type"),
        "{}",
        out.stderr
    );
    let text = std::fs::read_to_string(fixtures().join("katas/add.toml"))
        .unwrap()
        .replace("expected = -12", "expected = [-12]");
    std::fs::write(dir.path().join("add.toml"), text).unwrap();
    let out = Test::new().katas(dir.path()).args(&["list"]).expect(2);
    assert!(
        out.stderr
            .contains("add.toml:20:12: `expected`: expected an integer"),
        "{}",
        out.stderr
    );
}

#[test]
fn validate_accepts_good_katas_and_new_scaffolds_one_that_validates() {
    Test::new()
        .katas(&fixtures().join("katas"))
        .args(&["validate"])
        .expect(0);
    let t = Test::new().args(&["--katas", "katas", "new", "my-kata"]);
    t.expect(0);
    assert!(t.path("katas/my-kata.toml").exists());
    assert!(t.path("solutions/my-kata.rs").exists());
    t.expect_with(&["--katas", "katas", "validate", "my-kata"], 0);
    // `new` never overwrites.
    let out = t.expect_with(&["--katas", "katas", "new", "my-kata"], 2);
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
}

#[test]
fn validate_rejects_a_wrong_reference_and_duplicate_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("katas")).unwrap();
    std::fs::create_dir_all(dir.path().join("solutions")).unwrap();
    let text = std::fs::read_to_string(fixtures().join("katas/add.toml"))
        .unwrap()
        .replace("name = \"large\"", "name = \"negatives\"");
    std::fs::write(dir.path().join("katas/add.toml"), text).unwrap();
    std::fs::write(
        dir.path().join("solutions/add.rs"),
        "pub fn add(a: i64, b: i64) -> i64 { a - b }",
    )
    .unwrap();
    let out = Test::new()
        .katas(&dir.path().join("katas"))
        .args(&["validate"])
        .expect(1);
    assert!(
        out.stdout
            .contains("add.toml:22:1: two tests are named \"negatives\""),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("is not accepted: wrong_answer"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_secret_test_leaks_neither_through_printing_nor_panics() {
    let src = "pub fn total(nums: &[i32]) -> i64 {\n    println!(\"seen {nums:?}\");\n    if nums[0] > 1000 {\n        panic!(\"big {nums:?}\");\n    }\n    nums.iter().map(|&x| i64::from(x)).sum()\n}\n";
    for args in [&["submit", "secret"][..], &["submit", "secret", "--json"]] {
        let out = Test::new()
            .fixture_katas()
            .file("secret.rs", src)
            .args(args)
            .expect(1);
        assert!(!out.stdout.contains("7777777"), "{}", out.stdout);
        assert!(out.stdout.contains("message is hidden"), "{}", out.stdout);
    }
}

#[test]
fn only_the_first_failing_hidden_test_is_revealed() {
    let out = Test::new()
        .fixture_katas()
        .file(
            "add.rs",
            "pub fn add(a: i64, b: i64) -> i64 { if a == 1 { 3 } else { a * b } }",
        )
        .args(&["submit", "add.rs", "--json"])
        .expect(1);
    let tests = out.json()["tests"].as_array().unwrap().clone();
    assert!(tests[1]["message"]
        .as_str()
        .unwrap()
        .contains("expected -12"));
    // The second failing hidden test shows its verdict, not its expected answer.
    assert_eq!(tests[2]["verdict"], "wrong_answer");
    assert!(!out.stdout.contains("9000000000"), "{}", out.stdout);
}

#[test]
fn the_compiler_cannot_read_a_judge_installed_system_wide() {
    // The judge embeds the bundled katas' hidden tests; installed under /usr, it sits inside
    // the folders the compiler may read. Needs a writable /usr/local/bin (root).
    let installed =
        std::path::PathBuf::from(format!("/usr/local/bin/kata-test-{}", std::process::id()));
    if std::fs::copy(env!("CARGO_BIN_EXE_kata"), &installed).is_err() {
        eprintln!("skipped: cannot write {}", installed.display());
        return;
    }
    let ws = tempfile::tempdir().unwrap();
    let src = format!(
        "static ME: &[u8] = include_bytes!({:?});\npub fn first_uniq_char(s: &str) -> i32 {{ ME.len() as i32 + s.len() as i32 }}\n",
        installed.display().to_string()
    );
    std::fs::write(ws.path().join("first-unique-char.rs"), src).unwrap();
    let out = std::process::Command::new(&installed)
        .current_dir(ws.path())
        .args(["--color", "never", "submit", "first-unique-char", "--json"])
        .env("KATA_CACHE_DIR", ws.path().join("cache"))
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&installed);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"], "compile_error", "{json}");
}
