//! `kata stress`: a planted wrong solution differs from the reference on a small drawn input,
//! shown with both answers and a `[[tests]]` entry; the reference itself never differs within
//! the budget; a kata without a generator is bad input.

mod common;

use common::Test;
use std::path::Path;

/// Pairs an element with itself when twice it makes the target.
const SAME_ELEMENT_TWICE: &str = r#"
use std::collections::HashMap;

pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let index: HashMap<i32, usize> = nums.iter().enumerate().map(|(i, &x)| (x, i)).collect();
    for (i, &x) in nums.iter().enumerate() {
        if let Some(&j) = index.get(&(target - x)) {
            return (i.min(j), i.max(j));
        }
    }
    (0, 0)
}
"#;

#[test]
fn a_planted_wrong_solution_differs_on_a_small_input_kept_as_a_test() {
    let t = Test::new().file("planted.rs", SAME_ELEMENT_TWICE);
    t.kata(&["stress", "two-sum", "planted.rs", "--seconds", "3"])
        .status(1)
        .stdout_has("✗ planted.rs differs from the reference solution on seed ")
        .stdout_has("input:\n    nums = [")
        .stdout_has("diff (- the reference's answer, + yours):")
        .stdout_has("[[tests]]\nname = \"found by kata stress (seed ")
        .stdout_has("\nargs = [[")
        .run();
    let json = t
        .kata(&[
            "stress",
            "two-sum",
            "planted.rs",
            "--seconds",
            "3",
            "--json",
        ])
        .status(1)
        .run()
        .json();
    assert_eq!(json["verdict"], "wrong_answer");
    let found = &json["difference"];
    assert_eq!(found["args"][0]["name"], "nums");
    assert!(found["test"].as_str().unwrap().starts_with("[[tests]]\n"));
    // Sizes grow from 0, and the difference is made as small as a few batches more can.
    assert!(found["size"].as_u64().unwrap() < 20, "{json}");
}

#[test]
fn the_reference_never_differs_from_itself_within_the_budget() {
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("solutions/two-sum.rs");
    let json = Test::new()
        .kata(&[
            "stress",
            "two-sum",
            reference.to_str().unwrap(),
            "--seconds",
            "2",
            "--json",
        ])
        .status(0)
        .run()
        .json();
    assert_eq!(json["verdict"], "accepted");
    assert!(json["difference"].is_null());
    assert!(json["inputs"].as_u64().unwrap() > 0, "{json}");
}

#[test]
fn a_kata_without_a_generator_cannot_be_stressed() {
    Test::new()
        .fixture_katas()
        .fixture("add.rs", "solutions/add.rs")
        .kata(&["stress", "add", "add.rs"])
        .status(2)
        .stderr_has("kata `add` has no [generator]")
        .run();
}
