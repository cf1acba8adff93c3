//! Verdicts, and the whole decision of one: how the way a run ended, its answer channel and
//! its answer compared with the expected one become a verdict and its reason.

use crate::check;
use crate::harness::channel::{Nonce, ANSWER_FACTOR};
use crate::kata::Check;
use crate::prepare::Expected;
use crate::run::{Exit, Limits, Outcome};
use crate::signature::Ty;
use crate::value::{Value, Wire};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a submission, or one of its tests, was judged. Its names are the contract's (`--json`,
/// the progress file, `// expect:` lines) and are written once, in [`Verdict::names`]; serde
/// goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum Verdict {
    Accepted,
    WrongAnswer,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    RuntimeError,
    OutputLimitExceeded,
    CompileError,
}

impl Verdict {
    pub const ALL: [Verdict; 7] = [
        Verdict::Accepted,
        Verdict::WrongAnswer,
        Verdict::TimeLimitExceeded,
        Verdict::MemoryLimitExceeded,
        Verdict::RuntimeError,
        Verdict::OutputLimitExceeded,
        Verdict::CompileError,
    ];

    /// The name scripts read, and the words people read.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Verdict::Accepted => ("accepted", "accepted"),
            Verdict::WrongAnswer => ("wrong_answer", "wrong answer"),
            Verdict::TimeLimitExceeded => ("time_limit_exceeded", "time limit exceeded"),
            Verdict::MemoryLimitExceeded => ("memory_limit_exceeded", "memory limit exceeded"),
            Verdict::RuntimeError => ("runtime_error", "runtime error"),
            Verdict::OutputLimitExceeded => ("output_limit_exceeded", "output limit exceeded"),
            Verdict::CompileError => ("compile_error", "compile error"),
        }
    }

    pub fn as_str(self) -> &'static str {
        self.names().0
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        self.names().1
    }
}

impl From<Verdict> for &'static str {
    fn from(v: Verdict) -> Self {
        v.as_str()
    }
}

impl TryFrom<String> for Verdict {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == name)
            .ok_or_else(|| format!("unknown verdict `{name}`"))
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one test was judged.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub verdict: Verdict,
    /// Why, in a sentence: a panic message, a limit, where a long answer differs.
    pub reason: Option<String>,
    /// The program's answer, when it was wrong, to show against the expected one (a design
    /// test's: the results of the calls that returned).
    pub wrong: Option<Answer>,
    /// A design test's first call that failed (0-based): returned a wrong result, or did not
    /// return; `None` when that is not known (a limit stopped the program).
    pub call: Option<usize>,
}

/// An answer: a function's value or a program's stdout.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Value(Value),
    Text(String),
}

/// Judges one run: its limits and how it ended first, then (for a function kata) the answer
/// on its channel, then the answer against the expected one.
pub fn decide(
    outcome: &Outcome,
    limits: &Limits,
    expected: &Expected,
    nonce: &Nonce,
    check: &Check,
) -> Decision {
    let failed = |verdict, reason: String| Decision {
        verdict,
        reason: Some(reason),
        wrong: None,
        call: None,
    };
    if outcome.answer_overflow {
        return failed(
            Verdict::WrongAnswer,
            format!("the answer is more than {ANSWER_FACTOR} times the size of the expected one"),
        );
    }
    if let Some((verdict, why)) = classify(outcome, limits) {
        // A design test that panicked recorded the results of the calls before the panic.
        if let Expected::Value {
            ty: ty @ Ty::Returns(_),
            ..
        } = expected
        {
            let partial = nonce
                .answer(&outcome.channel)
                .and_then(|a| Value::decode(&mut Wire::new(a), ty));
            if let Ok(Value::List(done)) = partial {
                return Decision {
                    call: Some(done.len()),
                    wrong: Some(Answer::Value(Value::List(done))),
                    ..failed(verdict, why)
                };
            }
        }
        return failed(verdict, why);
    }
    match expected {
        Expected::Value { value, ty } => {
            let actual = nonce
                .answer(&outcome.channel)
                .and_then(|a| Value::decode(&mut Wire::new(a), ty));
            let actual = match actual {
                Ok(actual) => actual,
                Err(why) => return failed(Verdict::RuntimeError, why),
            };
            if let Ty::Returns(_) = ty {
                return decide_calls(value, actual, check);
            }
            if check::values_match(value, &actual, check) {
                return Decision::accepted();
            }
            Decision {
                verdict: Verdict::WrongAnswer,
                // A long answer's diff is cut short: say where it differs.
                reason: check::first_difference(value, &actual, check)
                    .filter(|_| matches!(value, Value::List(_) | Value::Tuple(_))),
                wrong: Some(Answer::Value(actual)),
                call: None,
            }
        }
        Expected::Text(text) => {
            let stdout = String::from_utf8_lossy(&outcome.stdout);
            if check::stdout_matches(text, &stdout) {
                return Decision::accepted();
            }
            Decision {
                verdict: Verdict::WrongAnswer,
                reason: None,
                wrong: Some(Answer::Text(stdout.into_owned())),
                call: None,
            }
        }
    }
}

/// A design test: each call's result judged with the kata's checker, the first wrong one
/// named.
fn decide_calls(expected: &Value, actual: Value, check: &Check) -> Decision {
    let (Value::List(want), Value::List(got)) = (expected, &actual) else {
        unreachable!("results decode as lists")
    };
    match check::first_wrong_call(want, got, check) {
        None => Decision::accepted(),
        Some(i) => Decision {
            verdict: Verdict::WrongAnswer,
            reason: Some(format!(
                "call {} of {} returned a wrong result",
                i + 1,
                want.len()
            )),
            wrong: Some(Answer::Value(actual)),
            call: Some(i),
        },
    }
}

impl Decision {
    fn accepted() -> Decision {
        Decision {
            verdict: Verdict::Accepted,
            reason: None,
            wrong: None,
            call: None,
        }
    }
}

/// The verdict of a run that did not end normally, with its reason; `None` when the program
/// exited with status 0 within its limits, so that its answer decides.
pub fn classify(outcome: &Outcome, limits: &Limits) -> Option<(Verdict, String)> {
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    if outcome.cpu > limits.time || outcome.exit == Exit::Signal(libc::SIGXCPU) {
        return Some((
            Verdict::TimeLimitExceeded,
            format!(
                "used {:.0} ms of CPU time, the limit is {:.0} ms",
                ms(outcome.cpu),
                ms(limits.time)
            ),
        ));
    }
    if outcome.timed_out {
        return Some((
            Verdict::TimeLimitExceeded,
            format!(
                "stopped after {:.0} ms of wall-clock time (sleeping or waiting?)",
                ms(outcome.wall)
            ),
        ));
    }
    if outcome.flooded {
        return Some((
            Verdict::OutputLimitExceeded,
            format!("wrote more than {} bytes", limits.output),
        ));
    }
    // The stack may grow to the memory limit, so an overflow also shows as peak memory:
    // the overflow is the cause to report.
    if stderr.contains("has overflowed its stack") {
        return Some((Verdict::RuntimeError, signal_reason(0, &stderr)));
    }
    let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
    if let Some(line) = stderr
        .lines()
        .find(|l| l.starts_with("memory allocation of"))
    {
        return Some((
            Verdict::MemoryLimitExceeded,
            format!("{} (limit {:.0} MB)", line.trim(), mb(limits.memory)),
        ));
    }
    if outcome.max_rss > limits.memory {
        return Some((
            Verdict::MemoryLimitExceeded,
            format!(
                "used {:.0} MB, the limit is {:.0} MB",
                mb(outcome.max_rss),
                mb(limits.memory)
            ),
        ));
    }
    match outcome.exit {
        Exit::Code(0) => None,
        Exit::Code(code) => Some((
            Verdict::RuntimeError,
            panic_message(&stderr).unwrap_or_else(|| format!("exited with status {code}")),
        )),
        Exit::Signal(sig) => Some((Verdict::RuntimeError, signal_reason(sig, &stderr))),
    }
}

/// `panicked at file:line:col: message` from Rust's panic output.
pub fn panic_message(stderr: &str) -> Option<String> {
    let mut lines = stderr.lines();
    let head = lines.find(|l| l.contains(" panicked at "))?;
    let location = head.split(" panicked at ").nth(1)?.trim_end_matches(':');
    let message: Vec<&str> = lines
        .take_while(|l| !l.starts_with("note: run with `RUST_BACKTRACE"))
        .collect();
    Some(format!(
        "panicked at {location}: {}",
        message.join("\n").trim()
    ))
}

fn signal_reason(sig: i32, stderr: &str) -> String {
    if stderr.contains("has overflowed its stack") {
        return "stack overflow (too deep a recursion?)".into();
    }
    if let Some(p) = panic_message(stderr) {
        return p;
    }
    let name = match sig {
        libc::SIGSEGV => "segmentation fault (SIGSEGV)",
        libc::SIGABRT => "aborted (SIGABRT)",
        libc::SIGBUS => "bus error (SIGBUS)",
        libc::SIGFPE => "arithmetic exception (SIGFPE)",
        libc::SIGILL => "illegal instruction (SIGILL)",
        libc::SIGKILL => "killed (SIGKILL)",
        libc::SIGSYS => "forbidden system call (SIGSYS)",
        _ => return format!("killed by signal {sig}"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn outcome(exit: Exit, stderr: &str) -> Outcome {
        Outcome {
            exit,
            wall: Duration::from_millis(5),
            cpu: Duration::from_millis(4),
            max_rss: 1 << 20,
            stdout: Vec::new(),
            stderr: stderr.as_bytes().to_vec(),
            channel: Vec::new(),
            timed_out: false,
            flooded: false,
            answer_overflow: false,
        }
    }

    fn decide_int(o: &Outcome, expected: i128, nonce: &Nonce) -> Decision {
        let expected = Expected::Value {
            value: Value::Int(expected),
            ty: &crate::signature::Ty::Int(crate::signature::IntTy::I64),
        };
        decide(o, &LIMITS, &expected, nonce, &EXACT)
    }

    const EXACT: Check = Check {
        mode: crate::kata::CheckMode::Exact,
        tolerance: 0.0,
        depth: 1,
    };

    fn answered(nonce: &Nonce, answer: &[u8]) -> Outcome {
        let mut o = outcome(Exit::Code(0), "");
        o.channel = crate::harness::protocol::frame_answer(nonce.as_bytes(), |out| {
            out.extend_from_slice(answer)
        });
        o
    }

    #[test]
    fn the_answer_on_the_channel_decides() {
        let nonce = Nonce::new();
        let d = decide_int(&answered(&nonce, &42i64.to_le_bytes()), 42, &nonce);
        assert_eq!(d.verdict, Verdict::Accepted);
        let d = decide_int(&answered(&nonce, &41i64.to_le_bytes()), 42, &nonce);
        assert_eq!(d.verdict, Verdict::WrongAnswer);
        assert_eq!(d.wrong, Some(Answer::Value(Value::Int(41))));
        // Another run's nonce is a forgery; no answer at all is a runtime error.
        let d = decide_int(&answered(&Nonce::new(), &42i64.to_le_bytes()), 42, &nonce);
        assert_eq!(d.verdict, Verdict::RuntimeError);
        assert!(d.reason.unwrap().contains("forged"));
        let d = decide_int(&outcome(Exit::Code(0), ""), 42, &nonce);
        assert_eq!(d.verdict, Verdict::RuntimeError);
        assert!(d.reason.unwrap().contains("process::exit"));
        // Too short for an i64.
        let d = decide_int(&answered(&nonce, b"x "), 42, &nonce);
        assert_eq!(d.verdict, Verdict::RuntimeError);
    }

    #[test]
    fn limits_and_overflow_come_before_the_answer() {
        let nonce = Nonce::new();
        let mut o = answered(&nonce, &42i64.to_le_bytes());
        o.answer_overflow = true;
        let d = decide_int(&o, 42, &nonce);
        assert_eq!(d.verdict, Verdict::WrongAnswer);
        assert!(d.reason.unwrap().contains("4 times the size"));
        let mut o = answered(&nonce, &42i64.to_le_bytes());
        o.exit = Exit::Code(3);
        assert_eq!(decide_int(&o, 42, &nonce).verdict, Verdict::RuntimeError);
    }

    #[test]
    fn stdout_is_the_answer_of_a_stdin_kata() {
        let nonce = Nonce::new();
        let mut o = outcome(Exit::Code(0), "");
        o.stdout = b"6  \n".to_vec();
        let d = decide(&o, &LIMITS, &Expected::Text("6"), &nonce, &EXACT);
        assert_eq!(d.verdict, Verdict::Accepted);
        let d = decide(&o, &LIMITS, &Expected::Text("7"), &nonce, &EXACT);
        assert_eq!(d.verdict, Verdict::WrongAnswer);
        assert_eq!(d.wrong, Some(Answer::Text("6  \n".into())));
    }

    const LIMITS: Limits = Limits {
        time: Duration::from_secs(1),
        memory: 64 << 20,
        output: 1 << 20,
        stdout_kept: 1 << 20,
        answer: 1 << 20,
    };

    #[test]
    fn verdict_names_round_trip_through_serde() {
        for v in Verdict::ALL {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.as_str()));
            assert_eq!(serde_json::from_str::<Verdict>(&json).unwrap(), v);
        }
        assert!(serde_json::from_str::<Verdict>("\"nope\"").is_err());
    }

    #[test]
    fn a_clean_exit_is_judged_by_its_answer() {
        assert_eq!(classify(&outcome(Exit::Code(0), ""), &LIMITS), None);
    }

    #[test]
    fn panics_show_their_message() {
        let stderr = "\nthread 'main' (7) panicked at two-sum.rs:4:5:\nnot yet implemented\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        let (v, why) = classify(&outcome(Exit::Code(101), stderr), &LIMITS).unwrap();
        assert_eq!(v, Verdict::RuntimeError);
        assert_eq!(why, "panicked at two-sum.rs:4:5: not yet implemented");
    }

    #[test]
    fn allocation_failure_is_a_memory_verdict() {
        let stderr = "memory allocation of 800000000 bytes failed\n";
        let (v, _) = classify(&outcome(Exit::Signal(libc::SIGABRT), stderr), &LIMITS).unwrap();
        assert_eq!(v, Verdict::MemoryLimitExceeded);
    }

    #[test]
    fn limits_come_before_exit_status() {
        let mut o = outcome(Exit::Signal(libc::SIGKILL), "");
        o.timed_out = true;
        let (v, why) = classify(&o, &LIMITS).unwrap();
        assert_eq!(v, Verdict::TimeLimitExceeded);
        assert!(why.contains("wall-clock"), "{why}");
        o.cpu = Duration::from_millis(1010);
        let (_, why) = classify(&o, &LIMITS).unwrap();
        assert!(why.contains("1010 ms of CPU time"), "{why}");
        let mut o = outcome(Exit::Signal(libc::SIGKILL), "");
        o.flooded = true;
        assert_eq!(
            classify(&o, &LIMITS).unwrap().0,
            Verdict::OutputLimitExceeded
        );
        let mut o = outcome(
            Exit::Signal(libc::SIGSEGV),
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
        );
        o.max_rss = 65 << 20;
        let (v, why) = classify(&o, &LIMITS).unwrap();
        assert_eq!(v, Verdict::RuntimeError);
        assert!(why.contains("stack overflow"));
    }
}
