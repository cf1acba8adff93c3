//! The bundled katas, checked as an instructor checks theirs: `kata validate` on this
//! repository's `katas/` folder judges every reference solution, starter and known-wrong
//! submission of `submissions/<id>/<verdict>/` under the time rules, and passes; and
//! `validate` fails where it must, on the fixture bank of `tests/fixtures/bank`.

mod common;

use common::{fixtures, Test};
use std::path::Path;
use std::time::Duration;

#[test]
fn every_bundled_kata_validates_with_its_verdict_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Test::new()
        .katas(&root.join("katas"))
        .kata(&["validate"])
        // Every known-wrong submission is judged, those over the time limit twice.
        .timeout(Duration::from_secs(1500))
        .status(0)
        .run();
    // The folder is the bundled set.
    let katas = Test::new().kata(&["list", "--json"]).status(0).run().json();
    for k in katas["katas"].as_array().unwrap() {
        let id = k["id"].as_str().unwrap();
        assert!(
            out.stdout.contains(&format!("✓ {id} ")),
            "{id} not validated:\n{}",
            out.stdout
        );
        let wrong: usize = std::fs::read_dir(root.join("submissions").join(id))
            .unwrap()
            .map(|d| d.unwrap().path())
            .filter(|d| !d.ends_with("accepted"))
            .map(|d| std::fs::read_dir(d).unwrap().count())
            .sum();
        assert!(wrong >= 2, "{id}: fewer than two known-wrong submissions");
    }
}

fn bank() -> Test {
    Test::new().katas(&fixtures().join("bank/katas"))
}

#[test]
fn a_misfiled_submission_fails_validate_with_its_file_and_both_verdicts() {
    bank()
        .kata(&["validate", "double"])
        .status(1)
        .stdout_has("✗ double")
        .stdout_has("submissions/double/accepted/plus-two.rs: filed as accepted, judged wrong_answer on \"negative\"")
        .stdout_has("submissions/double/slow/: not a verdict folder")
        // The others are judged as filed, the one over the limit still over at twice it.
        .stdout_has("as filed: 1 accepted, 1 wrong_answer, 1 time_limit_exceeded")
        .stdout_lacks("square.rs")
        .stdout_lacks("spin.rs")
        .run();
}

#[test]
fn a_starter_the_tests_accept_fails_validate_as_do_folders_of_no_kata() {
    bank()
        .kata(&["validate"])
        .status(1)
        .stdout_has("✗ untested")
        .stdout_has("the starter file (what `kata next` writes) is accepted")
        .stdout_has("submissions/halve/: no kata file of that id")
        .run();
}

#[test]
fn suggest_time_limit_gives_the_range_the_rules_allow() {
    // The reference takes a few milliseconds; `spin.rs` is still over at 4 × 200 ms.
    bank()
        .kata(&["validate", "double", "--suggest-time-limit"])
        .status(1)
        .stdout_has("ms to at least 399 ms allowed")
        .stdout_has("the current 200 ms is allowed")
        .run();
}
