//! Judging a submission: build it (and, once per kata, the generated tests), run every test
//! case in parallel under its limits, and turn each run into a verdict.

use crate::cache::{self, Cache};
use crate::check;
use crate::compile::{Compiled, Compiler, Unit};
use crate::error::{Error, Result};
use crate::harness;
use crate::kata::{Case, CaseData, Generate, Kata, KataId, Kind, Reveal};
use crate::run::{self, Limits, Program};
use crate::signature::{Signature, Ty};
use crate::toolchain::Toolchain;
use crate::value::{self, Value, Wire};
use crate::verdict::{self, Verdict};
use serde::{Deserialize, Serialize};
use std::hash::{BuildHasher, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Bytes allowed on each of stdout and stderr.
const OUTPUT_LIMIT: usize = 16 << 20;
/// Longest input or answer shown in a report, in characters or lines.
const SHOW_CHARS: usize = 600;
const SHOW_LINES: usize = 40;

/// What the judge is doing, for a progress line.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    Compiling,
    Running { done: usize, total: usize },
}

/// A file to judge against a kata.
pub struct Submission<'a> {
    pub kata: &'a Kata,
    pub source: String,
    /// The file's name, as diagnostics and panic messages show it.
    pub file_name: String,
    /// Its folder as the learner sees it (`""` or `"work/"`).
    pub display_dir: String,
    /// Run the samples only (`kata test`).
    pub samples_only: bool,
    /// Run the tests even if this program was judged on this kata before.
    pub rerun: bool,
}

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

impl Report {
    pub fn passed(&self) -> usize {
        self.tests
            .iter()
            .filter(|t| t.verdict == Verdict::Accepted)
            .count()
    }
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
    /// Input and answers, absent for hidden tests of a `reveal = "samples"` kata.
    pub detail: Option<Detail>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Detail {
    pub input: String,
    pub expected: String,
    pub actual: Option<String>,
}

pub struct Judge<'a> {
    pub toolchain: &'a Toolchain,
    pub cache: &'a Cache,
    /// Colour in compiler diagnostics.
    pub color: bool,
    pub on_stage: &'a (dyn Fn(Stage) + Sync),
    /// Paths the compiler must not read even inside the folders it may (hidden tests).
    pub hidden: &'a [PathBuf],
}

/// A generated case's arguments and expected answer, in the wire format (in the order of
/// the kata's generated tests).
type GeneratedCase = (Vec<u8>, Vec<u8>);

/// One test ready to run: its stdin and how to judge the answer.
struct Job<'a> {
    case: &'a Case,
    stdin: Vec<u8>,
    expected: Expected,
    nonce: String,
    /// Bytes allowed on the result channel.
    answer_limit: usize,
}

/// The result channel of a test may carry this many times the expected answer's size (a
/// wrong answer may well be longer: floats printed in full, a longer list), and at least
/// [`MIN_ANSWER_LIMIT`].
const ANSWER_FACTOR: usize = 4;
const MIN_ANSWER_LIMIT: usize = 64 << 10;

enum Expected {
    Value { args: Args, value: Value },
    Text(String),
}

/// A test's arguments: written in the kata file, or generated (kept in the wire format and
/// decoded only to be shown, since a large input costs more to decode than to run).
enum Args {
    Values(Vec<Value>),
    Wire(Vec<u8>),
}

impl Args {
    fn values(&self, sig: &Signature) -> Vec<Value> {
        match self {
            Args::Values(v) => v.clone(),
            Args::Wire(bytes) => {
                let params = Ty::Tuple(sig.params.iter().map(|p| p.ty.clone()).collect());
                match Value::decode(&mut Wire::new(bytes), &params) {
                    Ok(Value::Tuple(values)) => values,
                    _ => Vec::new(),
                }
            }
        }
    }
}

impl Judge<'_> {
    fn compiler(&self) -> Compiler<'_> {
        Compiler {
            toolchain: self.toolchain,
            cache: self.cache,
            color: self.color,
            hidden: self.hidden,
        }
    }

    pub fn judge(&self, sub: &Submission) -> Result<Report> {
        let kata = sub.kata;
        (self.on_stage)(Stage::Compiling);
        let main = kata
            .signature()
            .map(|sig| harness::function_main(sig, &format!("src/{}", sub.file_name)));
        let unit = Unit {
            source: &sub.source,
            file_name: &sub.file_name,
            display_dir: &sub.display_dir,
            main,
            forbid_unsafe: true,
        };
        let needs_generated = !sub.samples_only
            && kata
                .cases
                .iter()
                .any(|c| matches!(c.data, CaseData::Generated(_)));
        // The learner's build and the generated tests do not depend on each other.
        let (compiled, generated) = std::thread::scope(|s| {
            let gen = needs_generated.then(|| s.spawn(|| self.generated_cases(kata)));
            let compiled = self.compiler().build(&unit);
            let generated = gen.map(|h| h.join().expect("generator thread"));
            (compiled, generated)
        });
        let compiled = compiled?;
        let generated = generated.transpose()?.unwrap_or_default();
        let binary = match compiled {
            Compiled::Binary(p) => p,
            Compiled::Failed(diag) => {
                return Ok(Report {
                    kata: kata.id.clone(),
                    title: kata.title.clone(),
                    verdict: Verdict::CompileError,
                    compile_output: Some(diag),
                    tests: Vec::new(),
                    reveal: kata.reveal,
                    samples_only: sub.samples_only,
                    cached: false,
                })
            }
        };
        // The same program on the same kata, run by the same user, gets the same report,
        // unless limits decided it.
        let reference = kata.solution.as_ref().map_or("", |(_, src)| src.as_str());
        let result_key = cache::key(&[
            binary.to_string_lossy().as_bytes(),
            &crate::sys::euid().to_le_bytes(),
            kata.source.as_bytes(),
            // Generated tests' answers come from the reference solution.
            reference.as_bytes(),
            &[u8::from(sub.samples_only)],
            judge_stamp().as_bytes(),
        ]);
        if let Some(report) = (!sub.rerun)
            .then(|| self.cache.get("result", &result_key))
            .flatten()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<Report>(&b).ok())
        {
            return Ok(Report {
                cached: true,
                ..report
            });
        }
        let jobs = jobs(kata, sub.samples_only, generated)?;
        let mut tests = self.run_all(kata, &binary, &jobs)?;
        redact_hidden(&mut tests, kata.reveal);
        let verdict = tests
            .iter()
            .map(|t| t.verdict)
            .find(|v| *v != Verdict::Accepted)
            .unwrap_or(Verdict::Accepted);
        let report = Report {
            kata: kata.id.clone(),
            title: kata.title.clone(),
            verdict,
            compile_output: None,
            tests,
            reveal: kata.reveal,
            samples_only: sub.samples_only,
            cached: false,
        };
        let deterministic = report
            .tests
            .iter()
            .all(|t| matches!(t.verdict, Verdict::Accepted | Verdict::WrongAnswer));
        if deterministic {
            let json = serde_json::to_vec(&report).expect("report serializes");
            let _ = self.cache.put_bytes("result", &result_key, &json);
        }
        Ok(report)
    }

    fn run_all(
        &self,
        kata: &Kata,
        binary: &std::path::Path,
        jobs: &[Job],
    ) -> Result<Vec<TestReport>> {
        let base = Limits {
            time: kata.time_limit,
            memory: kata.memory_limit,
            output: OUTPUT_LIMIT,
            answer: 0,
        };
        let program = Program {
            binary,
            read: Vec::new(),
        };
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(jobs.len().max(1));
        // Largest inputs first, so that the long tests run side by side and the short ones
        // fill the gaps; reports keep the kata's order.
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(jobs[i].stdin.len()));
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<Result<TestReport>>>> =
            Mutex::new((0..jobs.len()).map(|_| None).collect());
        (self.on_stage)(Stage::Running {
            done: 0,
            total: jobs.len(),
        });
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| {
                    while let Some(&i) = order.get(next.fetch_add(1, Ordering::SeqCst)) {
                        let job = &jobs[i];
                        let limits = Limits {
                            answer: job.answer_limit,
                            ..base
                        };
                        let r = run::run(&program, &job.stdin, limits)
                            .map(|outcome| judge_one(kata, job, &outcome, &limits));
                        results.lock().expect("results")[i] = Some(r);
                        let d = done.fetch_add(1, Ordering::SeqCst) + 1;
                        (self.on_stage)(Stage::Running {
                            done: d,
                            total: jobs.len(),
                        });
                    }
                });
            }
        });
        results
            .into_inner()
            .expect("results")
            .into_iter()
            .map(|r| r.expect("every job ran"))
            .collect()
    }

    /// The arguments and expected answers of a kata's generated tests: the generator makes
    /// the arguments, the reference solution the answer. Cached by everything they depend on.
    fn generated_cases(&self, kata: &Kata) -> Result<Vec<GeneratedCase>> {
        let sig = kata
            .signature()
            .expect("generated tests need a function kata");
        let gen_source = kata.generator.as_deref().expect("checked at load");
        let (sol_path, sol_source) = kata.solution.as_ref().ok_or_else(|| {
            Error::input(format!(
                "{}: generated tests need the reference solution solutions/{}.rs",
                kata.path.display(),
                kata.id
            ))
        })?;
        let base = [
            kata.source.as_bytes(),
            sol_source.as_bytes(),
            harness::RT_SOURCE.as_bytes(),
            self.toolchain.version.as_bytes(),
        ];
        let mut out = Vec::new();
        let mut built: Option<(std::path::PathBuf, std::path::PathBuf)> = None;
        for case in &kata.cases {
            let CaseData::Generated(g) = case.data else {
                continue;
            };
            let seed = g.seed.to_le_bytes();
            let size = (g.size as u64).to_le_bytes();
            let mut parts = base.to_vec();
            parts.extend([&seed[..], &size[..]]);
            let key = cache::key(&parts);
            if let Some(p) = self.cache.get("gen", &key) {
                if let Some((a, e)) = std::fs::read(&p).ok().and_then(|b| split_entry(&b)) {
                    out.push((a, e));
                    continue;
                }
            }
            if built.is_none() {
                built =
                    Some(self.build_generator_and_reference(
                        kata, sig, gen_source, sol_path, sol_source,
                    )?);
            }
            let (gen_bin, ref_bin) = built.as_ref().expect("just built");
            let (args, expected) = produce(kata, sig, &case.name, g, gen_bin, ref_bin)?;
            let mut entry = (args.len() as u64).to_le_bytes().to_vec();
            entry.extend_from_slice(&args);
            entry.extend_from_slice(&expected);
            let _ = self.cache.put_bytes("gen", &key, &entry);
            out.push((args, expected));
        }
        Ok(out)
    }

    fn build_generator_and_reference(
        &self,
        kata: &Kata,
        sig: &Signature,
        gen_source: &str,
        sol_path: &std::path::Path,
        sol_source: &str,
    ) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
        let gen_main = harness::generator_main(sig, gen_source);
        let gen_unit = Unit {
            source: &gen_main,
            file_name: "generator.rs",
            display_dir: "",
            main: None,
            forbid_unsafe: true,
        };
        let sol_name = format!("{}.rs", kata.id);
        let ref_unit = Unit {
            source: sol_source,
            file_name: &sol_name,
            display_dir: "solutions/",
            main: Some(harness::function_main(sig, &format!("src/{sol_name}"))),
            forbid_unsafe: true,
        };
        let compiler = self.compiler();
        let build = |unit: &Unit, what: String| -> Result<std::path::PathBuf> {
            match compiler.build(unit)? {
                Compiled::Binary(p) => Ok(p),
                Compiled::Failed(diag) => {
                    Err(Error::input(format!("{what} does not compile:\n{diag}")))
                }
            }
        };
        let (g, r) = std::thread::scope(|s| {
            let g = s.spawn(|| {
                build(
                    &gen_unit,
                    format!("the generator of {}", kata.path.display()),
                )
            });
            let r = build(
                &ref_unit,
                format!("the reference solution {}", sol_path.display()),
            );
            (g.join().expect("generator build"), r)
        });
        Ok((g?, r?))
    }
}

/// Runs the generator and the reference on one generated case: `(args, expected)` in the
/// wire format.
fn produce(
    kata: &Kata,
    sig: &Signature,
    name: &str,
    g: Generate,
    gen_bin: &std::path::Path,
    ref_bin: &std::path::Path,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let limits = Limits {
        time: Duration::from_secs(20),
        memory: 4 << 30,
        output: 1 << 30,
        answer: run::MAX_CHANNEL,
    };
    let fail = |what: &str, why: String| {
        Error::input(format!(
            "{}: test {name:?}: the {what} failed: {why}",
            kata.path.display()
        ))
    };
    let program = Program {
        binary: gen_bin,
        read: Vec::new(),
    };
    // The generator reads its `seed size` after an empty nonce line, like any harness.
    let o = run::run(
        &program,
        format!("\n{} {}\n", g.seed, g.size).as_bytes(),
        limits,
    )?;
    if let Some((v, why)) = verdict::classify(&o, &limits) {
        return Err(fail("generator", format!("{}: {why}", v.label())));
    }
    let args = o.stdout;
    let nonce = new_nonce();
    let program = Program {
        binary: ref_bin,
        read: Vec::new(),
    };
    let o = run::run(&program, &run::harness_input(&nonce, &args), limits)?;
    if let Some((v, why)) = verdict::classify(&o, &limits) {
        return Err(fail("reference solution", format!("{}: {why}", v.label())));
    }
    let answer =
        channel_answer(&o.channel, &nonce).map_err(|why| fail("reference solution", why))?;
    // Decode once to make sure the answer is well formed.
    Value::decode(&mut Wire::new(answer), sig.answer_ty())
        .map_err(|why| fail("reference solution", why))?;
    Ok((args, answer.to_vec()))
}

/// Identifies this build of the judge, so that a new judge never reuses an old one's report.
fn judge_stamp() -> String {
    use std::os::unix::fs::MetadataExt;
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{}:{}:{}", m.len(), m.mtime(), m.mtime_nsec()))
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

fn split_entry(bytes: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let len = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?) as usize;
    let args = bytes.get(8..8 + len)?.to_vec();
    Some((args, bytes[8 + len..].to_vec()))
}

/// A fresh random token for one run's result channel.
fn new_nonce() -> String {
    let a = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(a);
    format!("{a:016x}{:016x}", h.finish())
}

/// The answer on the result channel after its nonce line.
fn channel_answer<'c>(channel: &'c [u8], nonce: &str) -> Result<&'c [u8], String> {
    if channel.is_empty() {
        return Err(
            "the program ended without returning an answer (did it call `std::process::exit`?)"
                .into(),
        );
    }
    let nl = channel
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(channel.len());
    if &channel[..nl] != nonce.as_bytes() {
        return Err("the result channel carried a forged answer".into());
    }
    Ok(&channel[(nl + 1).min(channel.len())..])
}

fn jobs<'k>(
    kata: &'k Kata,
    samples_only: bool,
    generated: Vec<GeneratedCase>,
) -> Result<Vec<Job<'k>>> {
    let mut generated = generated.into_iter();
    let mut jobs = Vec::new();
    for case in &kata.cases {
        if samples_only && !case.sample {
            continue;
        }
        let nonce = new_nonce();
        // Each arm also gives the expected answer's size in the wire format, which bounds
        // the result channel.
        let (stdin, expected, expected_len) = match (&case.data, &kata.kind) {
            (CaseData::Function { args, expected }, Kind::Function(sig)) => {
                let mut wire = String::new();
                for (v, p) in args.iter().zip(&sig.params) {
                    v.encode(&p.ty, &mut wire);
                }
                let mut answer = String::new();
                expected.encode(sig.answer_ty(), &mut answer);
                (
                    run::harness_input(&nonce, wire.as_bytes()),
                    Expected::Value {
                        args: Args::Values(args.clone()),
                        value: expected.clone(),
                    },
                    answer.len(),
                )
            }
            (CaseData::Generated(_), Kind::Function(sig)) => {
                let (args, answer) = generated.next().expect("one entry per generated case");
                let value = Value::decode(&mut Wire::new(&answer), sig.answer_ty())
                    .map_err(|e| Error::env(format!("corrupt cache entry: {e}")))?;
                (
                    run::harness_input(&nonce, &args),
                    Expected::Value {
                        args: Args::Wire(args),
                        value,
                    },
                    answer.len(),
                )
            }
            (CaseData::Stdio { input, expected }, _) => (
                input.as_bytes().to_vec(),
                Expected::Text(expected.clone()),
                0,
            ),
            _ => unreachable!("case kinds are checked at load"),
        };
        jobs.push(Job {
            case,
            stdin,
            expected,
            answer_limit: (nonce.len() + 1 + expected_len * ANSWER_FACTOR).max(MIN_ANSWER_LIMIT),
            nonce,
        });
    }
    Ok(jobs)
}

fn judge_one(kata: &Kata, job: &Job, outcome: &run::Outcome, limits: &Limits) -> TestReport {
    let output = String::from_utf8_lossy(&outcome.stdout).into_owned();
    let show = job.case.sample || kata.reveal == Reveal::FirstFailure;
    let input = || match &job.expected {
        Expected::Value { args, .. } => {
            let sig = kata.signature().expect("function kata");
            sig.params
                .iter()
                .zip(args.values(sig))
                .map(|(p, v)| {
                    format!(
                        "{} = {}",
                        p.name,
                        value::truncate_text(&v.compact(), SHOW_CHARS)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Expected::Text(_) => {
            let CaseData::Stdio { input, .. } = &job.case.data else {
                unreachable!()
            };
            shown_text(input)
        }
    };
    let expected_text = || match &job.expected {
        Expected::Value { value, .. } => value.pretty(SHOW_LINES, SHOW_CHARS),
        Expected::Text(t) => shown_text(t),
    };
    let mut report = TestReport {
        name: job.case.name.clone(),
        sample: job.case.sample,
        verdict: Verdict::Accepted,
        time: outcome.cpu,
        reason: None,
        output: String::new(),
        detail: None,
    };
    let classified = if outcome.answer_overflow {
        Some((
            Verdict::WrongAnswer,
            format!("the answer is more than {ANSWER_FACTOR} times the size of the expected one"),
        ))
    } else {
        verdict::classify(outcome, limits)
    };
    let (verdict, reason, actual) = match classified {
        Some((v, why)) => (v, Some(why), None),
        None => match &job.expected {
            Expected::Value { value, .. } => {
                let sig = kata.signature().expect("function kata");
                match channel_answer(&outcome.channel, &job.nonce).and_then(|a| {
                    let mut w = Wire::new(a);
                    let v = Value::decode(&mut w, sig.answer_ty())?;
                    Ok(v)
                }) {
                    Err(why) => (Verdict::RuntimeError, Some(why), None),
                    Ok(actual) => {
                        let ok = check::values_match(value, &actual, &kata.check);
                        let v = if ok {
                            Verdict::Accepted
                        } else {
                            Verdict::WrongAnswer
                        };
                        // A long answer's diff is cut short: say where it differs.
                        let reason = check::first_difference(value, &actual, &kata.check)
                            .filter(|_| !ok && matches!(value, Value::List(_) | Value::Tuple(_)));
                        // Shown only for a failure: a large answer costs to print.
                        let shown = (!ok).then(|| actual.pretty(SHOW_LINES, SHOW_CHARS));
                        (v, reason, shown)
                    }
                }
            }
            Expected::Text(t) => {
                let ok = check::stdout_matches(t, &output);
                let v = if ok {
                    Verdict::Accepted
                } else {
                    Verdict::WrongAnswer
                };
                (v, None, (!ok).then(|| shown_text(&output)))
            }
        },
    };
    report.verdict = verdict;
    report.reason = reason;
    if verdict != Verdict::Accepted {
        if kata.signature().is_some() {
            report.output = value::truncate_text(&output, SHOW_CHARS * 4);
        }
        if show {
            report.detail = Some(Detail {
                input: input(),
                expected: expected_text(),
                actual,
            });
        }
    }
    report
}

/// What the learner may see of hidden tests: with `first-failure`, everything about the
/// first failing one; otherwise (and always with `samples`) only the name, verdict, time and
/// a reason that cannot carry the input (a panic message may print it, the program's own
/// output too).
fn redact_hidden(tests: &mut [TestReport], reveal: Reveal) {
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
        if t.verdict == Verdict::WrongAnswer {
            // Where the answer differs names the expected value there.
            t.reason = None;
        } else if t
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("panicked at"))
        {
            t.reason = Some("panicked (the message is hidden with the test's input)".into());
        }
    }
}

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

    #[test]
    fn the_channel_must_carry_the_runs_nonce() {
        assert_eq!(channel_answer(b"abc\n1 2 ", "abc").unwrap(), b"1 2 ");
        assert!(channel_answer(b"xyz\n1 2 ", "abc")
            .unwrap_err()
            .contains("forged"));
        assert!(channel_answer(b"", "abc")
            .unwrap_err()
            .contains("process::exit"));
    }

    #[test]
    fn nonces_differ() {
        assert_ne!(new_nonce(), new_nonce());
        assert_eq!(new_nonce().len(), 32);
    }
}
