//! The report for scripts (`--json`): exercism's test-runner `results.json`, version 2, plus
//! the judge's own fields. These structs are the schema.

use super::{bound, Report, FIELD_LIMIT};
use crate::kata::KataId;
use crate::verdict::Verdict;
use serde::Serialize;

/// The whole object on stdout.
#[derive(Debug, Serialize)]
pub struct Results<'a> {
    /// Always 2.
    pub version: u32,
    pub status: Status,
    /// The compiler's output (status `error`), or why no report could be made.
    pub message: Option<&'a str>,
    /// `null` when no report could be made.
    pub kata: Option<&'a KataId>,
    pub verdict: Option<Verdict>,
    pub passed: usize,
    pub total: usize,
    pub tests: Vec<TestResult<'a>>,
    /// The report comes from an earlier run of the same program.
    pub cached: bool,
    /// Sandbox guards this machine lacks, a cache that could not be used.
    pub warnings: &'a [String],
}

/// exercism's status: of the submission, or of one test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// A compile error (or, for a test, an error other than a wrong answer).
    Error,
}

#[derive(Debug, Serialize)]
pub struct TestResult<'a> {
    pub name: &'a str,
    pub status: Status,
    pub verdict: Verdict,
    /// CPU time, to a tenth of a millisecond.
    pub time_ms: f64,
    /// Why it failed.
    pub message: Option<String>,
    /// What the program printed.
    pub output: Option<&'a str>,
    pub sample: bool,
}

/// The object for `report`.
pub fn render(report: &Report, warnings: &[String]) -> String {
    let status = match report.verdict {
        Verdict::Accepted => Status::Pass,
        Verdict::CompileError => Status::Error,
        _ => Status::Fail,
    };
    let tests = report
        .tests
        .iter()
        .map(|t| {
            let message = match (&t.detail, &t.reason) {
                // A design test: why, then the calls up to the one that failed.
                (Some(d), r) if d.table.is_some() => Some(format!(
                    "{}\n{}",
                    r.as_deref().unwrap_or(t.verdict.label()),
                    d.table.as_deref().unwrap_or_default()
                )),
                (_, Some(r)) => Some(r.clone()),
                (Some(d), None) => d
                    .actual
                    .as_ref()
                    .map(|a| bound(format!("expected {}, got {a}", d.expected), FIELD_LIMIT)),
                (None, None) if t.verdict != Verdict::Accepted => {
                    Some(t.verdict.label().to_string())
                }
                _ => None,
            };
            TestResult {
                name: &t.name,
                status: match t.verdict {
                    Verdict::Accepted => Status::Pass,
                    Verdict::WrongAnswer => Status::Fail,
                    _ => Status::Error,
                },
                verdict: t.verdict,
                time_ms: (t.time.as_secs_f64() * 1e4).round() / 10.0,
                message,
                output: (!t.output.is_empty()).then_some(t.output.as_str()),
                sample: t.sample,
            }
        })
        .collect();
    to_string(&Results {
        version: 2,
        status,
        message: report.compile_output.as_deref(),
        kata: Some(&report.kata),
        verdict: Some(report.verdict),
        passed: report.passed(),
        total: report.tests.len(),
        tests,
        cached: report.cached,
        warnings,
    })
}

/// The object when no report could be made (bad input, a broken environment): status
/// `error` with the cause.
pub fn error(message: &str) -> String {
    to_string(&Results {
        version: 2,
        status: Status::Error,
        message: Some(message),
        kata: None,
        verdict: None,
        passed: 0,
        total: 0,
        tests: Vec::new(),
        cached: false,
        warnings: &[],
    })
}

fn to_string(results: &Results) -> String {
    serde_json::to_string(results).expect("results serialize")
}
