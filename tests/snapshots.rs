//! What a learner and a script read, held against snapshots (`tests/snapshots/`): the report
//! for people, the JSON report and the help text. `cargo insta review` shows a change.

mod common;

use common::{fixture, Test};

/// A wrong answer to the fixture kata `add`, judged afresh with `extra` arguments.
fn wrong_answer(extra: &[&str]) -> common::Output {
    let mut args = vec!["submit", "add.rs", "--rerun"];
    args.extend(extra);
    Test::new()
        .fixture_katas()
        .fixture("add.rs", "verdicts/wrong_answer.rs")
        .kata(&args)
        .status(1)
        .run()
}

/// `text` with each time (`12.3 ms`, which varies from run to run) replaced by `T ms`,
/// right-aligned where the number was.
fn without_times(text: &str) -> String {
    text.lines()
        .map(|line| {
            let Some(end) = line.find(" ms") else {
                return line.to_string();
            };
            let start = line[..end]
                .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map_or(0, |i| i + 1);
            let width = end - start;
            format!("{}{:>width$}{}", &line[..start], "T", &line[end..])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_report_for_people() {
    let out = wrong_answer(&[]);
    insta::assert_snapshot!(without_times(&out.stdout));
}

#[test]
fn the_report_for_scripts() {
    let mut json = wrong_answer(&["--json"]).json();
    for t in json["tests"].as_array_mut().unwrap() {
        t["time_ms"] = 0.into();
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn a_hidden_test_of_a_samples_kata_in_the_report() {
    let out = Test::new()
        .fixture_katas()
        .file(
            "secret.rs",
            &fixture("solutions/secret.rs").replace("sum()", "sum::<i64>() + 1"),
        )
        .kata(&["submit", "secret", "--rerun", "--json"])
        .status(1)
        .run();
    let mut json = out.json();
    for t in json["tests"].as_array_mut().unwrap() {
        t["time_ms"] = 0.into();
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn the_help() {
    let t = Test::new();
    insta::assert_snapshot!("help", t.kata(&["--help"]).status(0).run().stdout);
    insta::assert_snapshot!(
        "submit_help",
        t.kata(&["submit", "--help"]).status(0).run().stdout
    );
}
