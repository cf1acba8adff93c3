//! The report of one submission, the model its two renderers share ([`human`], [`json`]):
//! how each test's decision becomes its entry, what hidden tests may show, and the bound on
//! every field the program controls, so that no program can make a report large.

pub mod calls;
pub mod human;
pub mod json;

use crate::check;
use crate::kata::{Case, KataId, Reveal};
use crate::signature::{Signature, Ty};
use crate::value::{self, Value};
use crate::verdict::{Answer, Decision, Verdict};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Longest reason, output, input or answer in a report, in bytes: a program that prints a
/// 15 MiB panic message on every test still gets a report of a few hundred KiB.
pub const FIELD_LIMIT: usize = 4 << 10;
/// Longest compiler output kept: the compiler's words, not the program's, and all the
/// learner has to go on after a compile error, so more of it is worth keeping.
pub const DIAGNOSTICS_LIMIT: usize = 32 << 10;
/// Longest line and most lines of an input or answer shown.
const SHOW_CHARS: usize = 600;
const SHOW_LINES: usize = 40;

/// The result of judging one submission.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub kata: KataId,
    pub title: String,
    pub verdict: Verdict,
    /// The compiler's diagnostics, for a compile error.
    pub compile_output: Option<String>,
    pub tests: Vec<TestReport>,
    pub reveal: Reveal,
    pub samples_only: bool,
    /// The report of an earlier run of the identical program on the identical kata.
    #[serde(default)]
    pub cached: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TestReport {
    pub name: String,
    pub sample: bool,
    pub verdict: Verdict,
    /// CPU time, the quantity the time limit bounds.
    pub time: Duration,
    /// Why it failed, in a sentence (a panic message, a limit).
    pub reason: Option<String>,
    /// What the learner's program printed (function katas: its debugging output).
    pub output: String,
    /// Input and answers, absent for hidden tests that may not show them.
    pub detail: Option<Detail>,
    /// A design test's first call that failed (0-based), when known.
    #[serde(default)]
    pub call: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Detail {
    pub input: String,
    pub expected: String,
    pub actual: Option<String>,
    /// A design test's calls up to the first that failed, as a table (call, expected, got),
    /// in place of the input and the diff.
    #[serde(default)]
    pub table: Option<String>,
}

/// What a failing test may show of itself: its input and expected answer.
pub enum Shown<'a> {
    Function {
        sig: &'a Signature,
        args: Vec<Value>,
        expected: &'a Value,
    },
    Stdio {
        input: &'a str,
        expected: &'a str,
    },
}

/// Where the kata and the submission's mode come from.
pub struct Header<'a> {
    pub kata: &'a KataId,
    pub title: &'a str,
    pub reveal: Reveal,
    pub samples_only: bool,
}

impl Report {
    /// A program that did not compile.
    pub fn compile_error(header: Header, diagnostics: String) -> Report {
        Report {
            compile_output: Some(bound(diagnostics, DIAGNOSTICS_LIMIT)),
            ..Report::new(header, Verdict::CompileError, Vec::new())
        }
    }

    /// A program that ran its tests: the first failure is the verdict, and hidden tests
    /// show only what [`redact`] leaves.
    pub fn ran(header: Header, mut tests: Vec<TestReport>) -> Report {
        redact(&mut tests, header.reveal);
        let verdict = tests
            .iter()
            .map(|t| t.verdict)
            .find(|v| *v != Verdict::Accepted)
            .unwrap_or(Verdict::Accepted);
        Report::new(header, verdict, tests)
    }

    fn new(header: Header, verdict: Verdict, tests: Vec<TestReport>) -> Report {
        Report {
            kata: header.kata.clone(),
            title: header.title.to_string(),
            verdict,
            compile_output: None,
            tests,
            reveal: header.reveal,
            samples_only: header.samples_only,
            cached: false,
        }
    }

    pub fn passed(&self) -> usize {
        self.tests
            .iter()
            .filter(|t| t.verdict == Verdict::Accepted)
            .count()
    }

    /// Whether the same program would get the same report again: no limit decided it.
    pub fn is_deterministic(&self) -> bool {
        self.tests
            .iter()
            .all(|t| matches!(t.verdict, Verdict::Accepted | Verdict::WrongAnswer))
    }
}

impl TestReport {
    /// The entry of test `case`, which used `time` of CPU, printed `stdout` and was judged
    /// `decision`. `shown` is what it may show if it failed; `debug_output`: the program's
    /// stdout is its debugging output (a function kata), shown when it failed.
    pub fn new(
        case: &Case,
        time: Duration,
        decision: Decision,
        stdout: &[u8],
        debug_output: bool,
        shown: Option<Shown>,
    ) -> TestReport {
        let failed = decision.verdict != Verdict::Accepted;
        let output = if failed && debug_output {
            let text = String::from_utf8_lossy(stdout);
            bound(value::truncate_text(&text, SHOW_CHARS * 4), FIELD_LIMIT)
        } else {
            String::new()
        };
        let call = decision.call;
        let detail = shown.filter(|_| failed).map(|shown| {
            if let Shown::Function {
                sig,
                args,
                expected,
            } = &shown
            {
                if let Ty::Calls(methods) = &sig.params[0].ty {
                    let results = match &decision.wrong {
                        Some(Answer::Value(Value::List(r))) => r.as_slice(),
                        _ => &[],
                    };
                    let (Some(Value::List(calls)), Value::List(expected)) =
                        (args.first(), expected)
                    else {
                        unreachable!("a design test's calls and results are lists")
                    };
                    // Stopped by a limit, the program left no results to show.
                    let got = (call.is_some() || !results.is_empty()).then(|| calls::Got {
                        results,
                        failed: call,
                        label: decision.verdict.label(),
                    });
                    let table = calls::table(&sig.name, methods, calls, expected, got);
                    return Detail {
                        input: String::new(),
                        expected: String::new(),
                        actual: None,
                        table: Some(bound(table, FIELD_LIMIT)),
                    };
                }
            }
            let actual = decision.wrong.as_ref().map(|a| match a {
                Answer::Value(v) => v.pretty(SHOW_LINES, SHOW_CHARS),
                Answer::Text(t) => shown_text(t),
            });
            let (input, expected) = match shown {
                Shown::Function {
                    sig,
                    args,
                    expected,
                } => (
                    sig.params
                        .iter()
                        .zip(args)
                        .map(|(p, v)| {
                            format!(
                                "{} = {}",
                                p.name,
                                value::truncate_text(&v.compact(), SHOW_CHARS)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                    expected.pretty(SHOW_LINES, SHOW_CHARS),
                ),
                Shown::Stdio { input, expected } => (shown_text(input), shown_text(expected)),
            };
            Detail {
                input: bound(input, FIELD_LIMIT),
                expected: bound(expected, FIELD_LIMIT),
                actual: actual.map(|a| bound(a, FIELD_LIMIT)),
                table: None,
            }
        });
        TestReport {
            name: case.name.clone(),
            sample: case.sample,
            verdict: decision.verdict,
            time,
            reason: decision.reason.map(|r| bound(r, FIELD_LIMIT)),
            output,
            detail,
            call,
        }
    }
}

/// What the learner may see of hidden tests. With `first-failure`, everything about the first
/// failing one; every other failing hidden test (and all of them with `samples`) shows its
/// verdict and a fixed sentence for it, nothing the program controls: a panic message, a
/// stderr line, an exit status or the program's output could each carry the test's input.
fn redact(tests: &mut [TestReport], reveal: Reveal) {
    let mut first_shown = reveal == Reveal::Samples;
    for t in tests
        .iter_mut()
        .filter(|t| !t.sample && t.verdict != Verdict::Accepted)
    {
        if !first_shown {
            first_shown = true;
            continue;
        }
        t.detail = None;
        t.output.clear();
        t.reason = Some(hidden_reason(t.verdict).to_string());
    }
}

/// The fixed reason of a failing hidden test whose details stay secret.
pub fn hidden_reason(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::WrongAnswer => "the answer differs from the expected one",
        Verdict::TimeLimitExceeded => "over the time limit (CPU time or wall-clock time)",
        Verdict::MemoryLimitExceeded => "over the memory limit",
        Verdict::RuntimeError => {
            "the program failed (a panic, a signal, an exit or no answer); the message is hidden with the test's input"
        }
        Verdict::OutputLimitExceeded => "the program wrote more than the output limit",
        Verdict::Accepted | Verdict::CompileError => "",
    }
}

/// `text` cut to at most `limit` bytes (at a character boundary), with a note saying so.
pub fn bound(mut text: String, limit: usize) -> String {
    if text.len() <= limit {
        return text;
    }
    let total = text.len();
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text.push_str(&format!("… (cut: {total} bytes in all)"));
    text
}

/// Program text as shown: trailing white space ignored, long lines and many lines cut.
fn shown_text(text: &str) -> String {
    let lines: Vec<String> = check::normalize_stdout(text)
        .into_iter()
        .map(|l| value::truncate_text(l, SHOW_CHARS))
        .collect();
    value::truncate_lines(lines, SHOW_LINES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kata::CaseData;

    fn case(name: &str, sample: bool) -> Case {
        Case {
            name: name.into(),
            offset: 0,
            sample,
            data: CaseData::Stdio {
                input: "secret input".into(),
                expected: "1".into(),
            },
        }
    }

    fn failing(name: &str, sample: bool, verdict: Verdict, reason: &str) -> TestReport {
        let decision = Decision {
            verdict,
            reason: Some(reason.into()),
            wrong: Some(Answer::Text("2".into())),
            call: None,
        };
        let shown = Shown::Stdio {
            input: "secret input",
            expected: "1",
        };
        TestReport::new(
            &case(name, sample),
            Duration::ZERO,
            decision,
            b"secret output",
            true,
            Some(shown),
        )
    }

    fn report(reveal: Reveal, tests: Vec<TestReport>) -> Report {
        let id = KataId::new("k").unwrap();
        let header = Header {
            kata: &id,
            title: "K",
            reveal,
            samples_only: false,
        };
        Report::ran(header, tests)
    }

    #[test]
    fn only_the_first_failing_hidden_test_shows_its_detail() {
        let r = report(
            Reveal::FirstFailure,
            vec![
                failing("s", true, Verdict::WrongAnswer, "why s"),
                failing("a", false, Verdict::RuntimeError, "exited with status 7"),
                failing(
                    "b",
                    false,
                    Verdict::MemoryLimitExceeded,
                    "memory allocation of 7",
                ),
            ],
        );
        assert_eq!(r.verdict, Verdict::WrongAnswer);
        assert!(r.tests[0].detail.is_some());
        assert!(r.tests[1].detail.is_some());
        assert_eq!(r.tests[1].reason.as_deref(), Some("exited with status 7"));
        assert!(r.tests[2].detail.is_none() && r.tests[2].output.is_empty());
        assert_eq!(r.tests[2].reason.as_deref(), Some("over the memory limit"));
    }

    #[test]
    fn hidden_tests_of_a_samples_kata_show_a_fixed_reason_only() {
        let r = report(
            Reveal::Samples,
            vec![
                failing("s", true, Verdict::RuntimeError, "panicked at s"),
                failing("a", false, Verdict::RuntimeError, "exited with status 7"),
            ],
        );
        assert_eq!(r.tests[0].reason.as_deref(), Some("panicked at s"));
        let hidden = &r.tests[1];
        assert!(hidden.detail.is_none() && hidden.output.is_empty());
        assert_eq!(
            hidden.reason.as_deref(),
            Some(hidden_reason(Verdict::RuntimeError))
        );
        let json = serde_json::to_string(hidden).unwrap();
        assert!(
            !json.contains("status 7") && !json.contains("secret"),
            "{json}"
        );
    }

    #[test]
    fn every_field_the_program_controls_is_bounded() {
        let huge = "x".repeat(15 << 20);
        let t = failing("s", true, Verdict::RuntimeError, &huge);
        let reason = t.reason.unwrap();
        assert!(reason.len() < FIELD_LIMIT + 100, "{}", reason.len());
        assert!(reason.ends_with(&format!("(cut: {} bytes in all)", 15 << 20)));
        assert_eq!(bound("é".repeat(3), 3), "é… (cut: 6 bytes in all)");
        assert_eq!(bound("short".into(), 10), "short");
    }
}
