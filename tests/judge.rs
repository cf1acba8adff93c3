//! Judging through the real binary on real kata files and the real compiler: verdicts and
//! their exit status, what the report shows, what hidden tests keep to themselves, how large a
//! report may grow, and the private cache.

mod common;

use common::{declared_verdict, fixture, fixtures, is_root, Test};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The fixture kata `add` with `src` as `add.rs`.
fn add(src: &str) -> Test {
    Test::new().fixture_katas().file("add.rs", src)
}

// ---------------------------------------------------------------------------------------------
// Verdicts and what the report shows
// ---------------------------------------------------------------------------------------------

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
        let src = fixture(&format!("verdicts/{name}"));
        let expected = declared_verdict(&src, Path::new(&name));
        let status = if expected == "accepted" { 0 } else { 1 };
        add(&src)
            .kata(&["submit", "add.rs", "--json"])
            .status(status)
            .verdict(&expected)
            .run();
    }
}

#[test]
fn a_failing_test_shows_input_diff_output_and_reason() {
    add(&fixture("verdicts/wrong_answer.rs"))
        .kata(&["submit", "add.rs"])
        .status(1)
        .stdout_has("✓ sample 1")
        .stdout_has("✗ hidden: negatives")
        .stdout_has("a = -5\n    b = -7")
        .stdout_has("  - -12\n  + 2")
        .stdout_has("wrong_answer: 2/3 tests passed")
        .run();
}

#[test]
fn a_panic_is_shown_with_its_message_and_the_learners_line() {
    Test::new()
        .fixture_katas()
        .fixture("work/add.rs", "verdicts/runtime_error.rs")
        .kata(&["submit", "work/add.rs"])
        .status(1)
        .stdout_has("reason: panicked at work/add.rs:4:10: index out of bounds")
        .run();
}

#[test]
fn the_learners_printing_is_shown_back_as_output() {
    add("pub fn add(a: i64, b: i64) -> i64 { println!(\"dbg {a}\"); a * b }")
        .kata(&["submit", "add.rs"])
        .status(1)
        .stdout_has("your output:\n    dbg 1")
        .run();
}

#[test]
fn compile_errors_point_at_the_learners_file() {
    add(&fixture("verdicts/compile_error.rs"))
        .kata(&["submit", "add"])
        .status(1)
        .verdict("compile_error")
        .stdout_has("--> add.rs:3:13")
        .stdout_lacks("/tmp/")
        .run();
}

#[test]
fn a_wrong_signature_is_explained() {
    add("pub fn add(a: i32, b: i32) -> i32 { a + b }")
        .kata(&["submit", "add.rs"])
        .status(1)
        .verdict("compile_error")
        .stdout_has("--> <kata harness>/main.rs:")
        .stdout_has("expected `i32`, found `i64`")
        // The learner's own line, where the parameters differ.
        .stdout_has("--> add.rs:1:8")
        .stdout_has("check that it is `pub`")
        .stdout_lacks("/tmp/")
        .run();
}

#[test]
fn a_kata_s_glue_is_built_once_for_all_its_solutions() {
    let t = add(&fixture("verdicts/accepted.rs"));
    let cache = t.path("cache");
    add_with_cache(&t, &cache).run();
    let glue = files_in(&cache.join("glue"));
    assert_eq!(glue.len(), 1, "{glue:?}");
    // Marked as long unused: a judge that uses the entry again touches it.
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let mark = |path: &str| {
        std::fs::File::open(path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap()
    };
    mark(&glue[0]);
    // Another solution of the same kata, never seen: a program of its own, the same glue.
    t.write(
        "add.rs",
        "pub fn add(a: i64, b: i64) -> i64 {\n    b + a\n}\n",
    );
    add_with_cache(&t, &cache).run();
    assert_eq!(files_in(&cache.join("glue")), glue);
    let used = std::fs::metadata(&glue[0]).unwrap().modified().unwrap();
    assert!(used > long_ago + std::time::Duration::from_secs(60));
    assert_eq!(files_in(&cache.join("bin")).len(), 2);
}

#[test]
fn json_follows_the_results_json_shape() {
    let out = add(&fixture("verdicts/wrong_answer.rs"))
        .kata(&["submit", "add.rs", "--json"])
        .status(1)
        .run();
    let json = out.json();
    assert_eq!(json["version"], 2);
    assert_eq!(json["status"], "fail");
    assert_eq!(json["kata"], "add");
    assert_eq!(
        (json["passed"].as_u64(), json["total"].as_u64()),
        (Some(2), Some(3))
    );
    let tests = out.tests();
    assert_eq!(tests.len(), 3);
    assert_eq!(
        (&tests[0]["name"], &tests[0]["status"]),
        (&"sample 1".into(), &"pass".into())
    );
    assert!(tests[0]["time_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(
        (&tests[1]["status"], &tests[1]["verdict"]),
        (&"fail".into(), &"wrong_answer".into())
    );
    assert!(tests[1]["message"]
        .as_str()
        .unwrap()
        .contains("expected -12"));
    let json = add(&fixture("verdicts/compile_error.rs"))
        .kata(&["submit", "add.rs", "--json"])
        .status(1)
        .run()
        .json();
    assert_eq!(json["status"], "error");
    assert!(json["message"].as_str().unwrap().contains("undefined_name"));
}

#[test]
fn judging_that_cannot_happen_still_prints_one_json_object() {
    let json = Test::new()
        .fixture_katas()
        .kata(&["submit", "missing.rs", "--kata", "add", "--json"])
        .status(2)
        .stderr_has("missing.rs: no such file")
        .run()
        .json();
    assert_eq!(json["status"], "error");
    assert!(json["kata"].is_null() && json["verdict"].is_null());
}

#[test]
fn stdin_stdout_katas_compare_lines_ignoring_trailing_space() {
    let t = Test::new()
        .fixture_katas()
        .fixture("sum-lines.rs", "solutions/sum-lines.rs");
    t.kata(&["submit", "sum-lines"]).status(0).run();
    t.write("sum-lines.rs", "fn main() { println!(\"6\"); }");
    t.kata(&["submit", "sum-lines"])
        .status(1)
        .stdout_has("  - 42\n  + 6")
        .run();
}

#[test]
fn every_supported_type_crosses_the_harness() {
    Test::new()
        .fixture_katas()
        .fixture("shapes.rs", "solutions/shapes.rs")
        .kata(&["submit", "shapes"])
        .status(0)
        .run();
}

#[test]
fn a_file_judged_before_is_answered_from_the_cache_unless_rerun() {
    let t = add(&fixture("verdicts/accepted.rs"));
    t.kata(&["submit", "add.rs"]).status(0).run();
    t.kata(&["submit", "add.rs"])
        .status(0)
        .stdout_has("judged before")
        .run();
    t.kata(&["submit", "add.rs", "--rerun"])
        .status(0)
        .stdout_lacks("judged before")
        .run();
}

// ---------------------------------------------------------------------------------------------
// Hidden tests stay hidden
// ---------------------------------------------------------------------------------------------

/// The fixture kata `secret` (hidden tests stay secret; the hidden input holds 7777777) with
/// `src` as `secret.rs`, judged for people and for scripts.
fn secret(src: &str) -> [common::Output; 2] {
    let t = Test::new().fixture_katas().file("secret.rs", src);
    [&["submit", "secret"][..], &["submit", "secret", "--json"]]
        .map(|args| t.kata(args).status(1).stdout_lacks("7777777").run())
}

/// The message of the hidden test of a JSON report.
fn hidden_message(json: &common::Output) -> String {
    let tests = json.tests();
    let hidden = tests.iter().find(|t| t["sample"] == false).unwrap();
    hidden["message"].as_str().unwrap_or("").to_string()
}

#[test]
fn hidden_tests_stay_secret_when_the_kata_says_so() {
    let [human, _] = secret("pub fn total(nums: &[i32]) -> i64 { nums.len() as i64 + 1 }");
    assert!(
        human.stdout.contains("✗ hidden: the secret one"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("stay secret"), "{}", human.stdout);
}

#[test]
fn a_secret_test_leaks_neither_through_printing_nor_panics() {
    let src = "pub fn total(nums: &[i32]) -> i64 {\n    println!(\"seen {nums:?}\");\n    if nums[0] > 1000 {\n        panic!(\"big {nums:?}\");\n    }\n    nums.iter().map(|&x| i64::from(x)).sum()\n}\n";
    for out in secret(src) {
        assert!(out.stdout.contains("message is hidden"), "{}", out.stdout);
    }
}

#[test]
fn a_hidden_input_printed_as_an_allocation_failure_stays_hidden() {
    let src = "pub fn total(nums: &[i32]) -> i64 {\n    eprintln!(\"memory allocation of {} bytes failed\", nums[0]);\n    std::process::abort()\n}\n";
    let [_, json] = secret(src);
    assert_eq!(hidden_message(&json), "over the memory limit");
}

#[test]
fn a_hidden_input_passed_as_the_exit_status_stays_hidden() {
    // 7777777 % 256 = 241.
    let src = "pub fn total(nums: &[i32]) -> i64 { std::process::exit(nums[0] % 256) }\n";
    let [human, json] = secret(src);
    for out in [&human, &json] {
        assert!(!out.stdout.contains("status 241"), "{}", out.stdout);
    }
    assert!(
        hidden_message(&json).contains("the message is hidden"),
        "{}",
        json.stdout
    );
}

#[test]
fn only_the_first_failing_hidden_test_is_revealed() {
    let out = add("pub fn add(a: i64, b: i64) -> i64 { if a == 1 { 3 } else { a * b } }")
        .kata(&["submit", "add.rs", "--json"])
        .status(1)
        .stdout_lacks("9000000000")
        .run();
    let tests = out.tests();
    assert!(tests[1]["message"]
        .as_str()
        .unwrap()
        .contains("expected -12"));
    // The second failing hidden test shows its verdict and a fixed reason, not its answer.
    assert_eq!(tests[2]["verdict"], "wrong_answer");
    assert_eq!(
        tests[2]["message"],
        "the answer differs from the expected one"
    );
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
    let src = format!(
        "static ME: &[u8] = include_bytes!({:?});\npub fn first_uniq_char(s: &str) -> i32 {{ ME.len() as i32 + s.len() as i32 }}\n",
        installed.display().to_string()
    );
    let t = Test::new().file("first-unique-char.rs", &src);
    let out = common::Run::new(&installed)
        .dir(t.workspace.path())
        .args(&["--color", "never", "submit", "first-unique-char", "--json"])
        .env("KATA_CACHE_DIR", t.path("cache"))
        .run();
    let _ = std::fs::remove_file(&installed);
    assert_eq!(out.verdict(), "compile_error", "{}", out.stdout);
}

// ---------------------------------------------------------------------------------------------
// Bounded reports
// ---------------------------------------------------------------------------------------------

#[test]
fn a_huge_panic_message_on_every_test_makes_a_small_report() {
    // The `secret` kata gives a program 256 MB, room for a 15 MiB message and its copies.
    let src = "pub fn total(nums: &[i32]) -> i64 { panic!(\"{}\", \"x\".repeat(15 << 20)) }\n";
    let t = Test::new().fixture_katas().file("secret.rs", src);
    for args in [&["submit", "secret", "--json"][..], &["submit", "secret"]] {
        let out = t
            .kata(args)
            .status(1)
            .verdict("runtime_error")
            .stdout_has("(cut: ")
            .run();
        assert!(out.stdout.len() < 64 << 10, "{} bytes", out.stdout.len());
    }
}

// ---------------------------------------------------------------------------------------------
// The private cache
// ---------------------------------------------------------------------------------------------

/// A judge of an accepted `add.rs` with its cache at `cache`, a folder of this test.
fn add_with_cache(t: &Test, cache: &Path) -> common::Run {
    t.kata(&["submit", "add.rs"])
        .env("KATA_CACHE_DIR", cache)
        .status(0)
}

/// The names of the files in `dir`, all levels down.
fn files_in(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_type().unwrap().is_dir() {
            found.extend(files_in(&entry.path()));
        } else {
            found.push(entry.path().display().to_string());
        }
    }
    found
}

#[test]
fn a_cache_folder_others_may_write_is_refused_and_left_alone() {
    let t = add(&fixture("verdicts/accepted.rs"));
    let cache = t.path("cache");
    std::fs::create_dir(&cache).unwrap();
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o770)).unwrap();
    add_with_cache(&t, &cache)
        .stderr_has("warning: not using the cache")
        .stderr_has("writable by group or others")
        .run();
    assert!(files_in(&cache).is_empty(), "{:?}", files_in(&cache));
    // With a private folder, the same judge keeps its entries there.
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o700)).unwrap();
    add_with_cache(&t, &cache).stderr_lacks("warning").run();
    assert!(!files_in(&cache).is_empty());
}

#[test]
fn a_cache_folder_of_another_user_is_refused() {
    if !is_root() {
        eprintln!("skipped: giving a folder to another user needs root");
        return;
    }
    let t = add(&fixture("verdicts/accepted.rs"));
    let cache = t.path("cache");
    std::fs::create_dir(&cache).unwrap();
    std::os::unix::fs::chown(&cache, Some(65534), Some(65534)).unwrap();
    add_with_cache(&t, &cache)
        .stderr_has("belongs to another user (uid 65534)")
        .run();
    assert!(files_in(&cache).is_empty(), "{:?}", files_in(&cache));
}

#[test]
fn a_corrupt_or_planted_cache_entry_counts_as_absent() {
    let t = add(&fixture("verdicts/wrong_answer.rs"));
    let cache = t.path("cache");
    let judged = || {
        t.kata(&["submit", "add.rs"])
            .env("KATA_CACHE_DIR", &cache)
            .status(1)
            .verdict("wrong_answer")
    };
    judged().run();
    let reports = cache.join("result");
    let entries = files_in(&reports);
    assert_eq!(entries.len(), 1, "{entries:?}");
    judged().stdout_has("judged before").run();
    // Garbage in every entry: judged afresh (and the entries rewritten).
    for entry in files_in(&cache) {
        std::fs::write(entry, b"\x7fnot an entry").unwrap();
    }
    judged().stdout_lacks("judged before").run();
    // A report that says `accepted`, in a file others may write: never believed.
    let planted = std::fs::read_to_string(&entries[0])
        .unwrap()
        .replace("wrong_answer", "accepted");
    std::fs::write(&entries[0], planted).unwrap();
    std::fs::set_permissions(&entries[0], std::fs::Permissions::from_mode(0o666)).unwrap();
    judged().stdout_lacks("judged before").run();
}

#[test]
fn without_a_home_the_cache_is_private_and_gone_after_the_run() {
    let t = add(&fixture("verdicts/accepted.rs"));
    let tmp = t.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    t.kata(&["submit", "add.rs"])
        .env_remove("KATA_CACHE_DIR")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("HOME")
        .env("TMPDIR", &tmp)
        .status(0)
        .stderr_lacks("warning: not using")
        .run();
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().flatten().collect();
    assert!(left.is_empty(), "left in TMPDIR: {left:?}");
}
