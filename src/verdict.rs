//! Verdicts, and how the way a run ended becomes one.

use crate::run::{Exit, Limits, Outcome};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::WrongAnswer => "wrong_answer",
            Verdict::TimeLimitExceeded => "time_limit_exceeded",
            Verdict::MemoryLimitExceeded => "memory_limit_exceeded",
            Verdict::RuntimeError => "runtime_error",
            Verdict::OutputLimitExceeded => "output_limit_exceeded",
            Verdict::CompileError => "compile_error",
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::WrongAnswer => "wrong answer",
            Verdict::TimeLimitExceeded => "time limit exceeded",
            Verdict::MemoryLimitExceeded => "memory limit exceeded",
            Verdict::RuntimeError => "runtime error",
            Verdict::OutputLimitExceeded => "output limit exceeded",
            Verdict::CompileError => "compile error",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

    const LIMITS: Limits = Limits {
        time: Duration::from_secs(1),
        memory: 64 << 20,
        output: 1 << 20,
        answer: 1 << 20,
    };

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
