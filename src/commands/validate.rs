//! `kata validate [ID...] [--suggest-time-limit]`: lint kata files, then judge for each kata
//! its reference solution, its starter and every submission of its verdict folders
//! (`submissions/<id>/<verdict>/*.rs`), holding the time limit to rules no machine's speed
//! can flip.

use super::Ctx;
use crate::error::Status;
use crate::error::{Error, Result};
use crate::harness::{self, layout::SourceFile};
use crate::judge::{Judge, Submission};
use crate::kata::{self, Kata, KataSet, Source};
use crate::report::{Report, TestReport};
use crate::verdict::Verdict;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A submission that is not over the limit uses at most this fraction of it on every test
/// that decides its verdict, so that a machine this many times slower gives the same verdict.
const MARGIN: u32 = 3;
/// A `time_limit_exceeded` submission is still over twice the limit.
const CONFIRM: u32 = 2;
/// With `--suggest-time-limit`, `time_limit_exceeded` submissions are measured up to this
/// many times the limit.
const MEASURE: u32 = 4;
/// A submission over its margin is judged this many times more before it is called sensitive:
/// a loaded machine only makes runs slower, so each test's least time is kept.
const RETRIES: usize = 2;
/// Times below this are noise.
const FLOOR: Duration = Duration::from_millis(1);

pub fn run(ctx: &Ctx, ids: &[String], suggest: bool) -> Result<Status> {
    let loaded: Vec<(String, Result<Kata>)> = match &ctx.source {
        Source::Bundled => KataSet::load(&Source::Bundled)?
            .katas
            .into_iter()
            .map(|k| (k.path.display().to_string(), Ok(k)))
            .collect(),
        Source::Dir(dir) => kata::load_each(dir)?
            .into_iter()
            .map(|(p, k)| (p.display().to_string(), k))
            .collect(),
    };
    let stem_is = |path: &str, id: &str| path.ends_with(&format!("/{id}.toml"));
    for id in ids {
        let known = loaded.iter().any(|(p, k)| match k {
            Ok(k) => k.id.as_str() == id,
            Err(_) => stem_is(p, id),
        });
        if !known {
            return Err(Error::input(format!(
                "unknown kata `{id}` (see `kata list`)"
            )));
        }
    }
    let submissions = match &ctx.source {
        Source::Dir(dir) => Some(submissions_dir(dir)),
        // The bundled set's verdict folders are in its repository, not in the binary.
        Source::Bundled => None,
    };
    let c = ctx.color();
    let mut lint_errors = 0;
    let mut failures = 0;
    let chosen: Vec<(&String, &Result<Kata>)> = loaded
        .iter()
        .filter(|(path, kata)| match kata {
            Err(_) => ids.is_empty() || ids.iter().any(|id| stem_is(path, id)),
            Ok(k) => ids.is_empty() || ids.iter().any(|id| id == k.id.as_str()),
        })
        .map(|(p, k)| (p, k))
        .collect();
    // Made only when a kata loads: a folder of broken files needs no compiler.
    let judge = match chosen.iter().any(|(_, k)| k.is_ok()) {
        true => {
            let j = Judge::new(&ctx.source, c)?;
            for w in j.warnings() {
                ctx.ui.warn(w);
            }
            Some(j)
        }
        false => None,
    };
    let check = |kata: &Kata| {
        let judge = judge.as_ref().expect("made when a kata loads");
        let folder = submissions.as_ref().map(|s| s.join(kata.id.as_str()));
        Checker { ctx, judge, kata }.check(folder.as_deref(), suggest)
    };
    // Katas are checked side by side, one a core: most of a kata's time is compiling its
    // programs, one at a time, while its tests already run one a core. Verdicts do not
    // depend on it (the time rules are on CPU time, and the wall-clock deadline allows for
    // the time a run waits for a core). Results are printed in the katas' order.
    let results = crate::schedule::run_all(
        &chosen,
        crate::schedule::workers(),
        |_| 0,
        |(_, kata)| kata.as_ref().ok().map(check),
        |_| {},
    );
    for ((_, kata), checked) in chosen.iter().zip(results) {
        let (kata, checked) = match (kata, checked) {
            (Err(e), _) => {
                lint_errors += 1;
                ctx.ui.out(&format!("{} {e}", c.pass_fail(false)))?;
                continue;
            }
            (Ok(k), Some(checked)) => (k, checked?),
            (Ok(_), None) => unreachable!("every loaded kata is checked"),
        };
        let passed = checked.problems.is_empty();
        let summary = checked.summary(kata);
        let summary = if summary.is_empty() {
            summary
        } else {
            format!("  {}", c.paint(crate::color::Style::Dim, summary))
        };
        ctx.ui
            .out(&format!("{} {}{summary}", c.pass_fail(passed), kata.id))?;
        for p in &checked.problems {
            ctx.ui.out(&format!("    {p}"))?;
        }
        if suggest {
            ctx.ui
                .out(&format!("    {}", checked.timing.suggestion(kata)))?;
        }
        failures += usize::from(!passed);
    }
    // Verdict folders of katas that do not exist are never judged: say so.
    if let (Some(dir), true) = (&submissions, ids.is_empty()) {
        for orphan in orphans(dir, &loaded) {
            failures += 1;
            ctx.ui.out(&format!(
                "{} {}/: no kata file of that id",
                c.pass_fail(false),
                orphan.display()
            ))?;
        }
    }
    if lint_errors > 0 {
        let files = if lint_errors == 1 { "file" } else { "files" };
        return Err(Error::input(format!(
            "{lint_errors} kata {files} could not be loaded"
        )));
    }
    Ok(if failures > 0 {
        Status::Rejected
    } else {
        Status::Success
    })
}

/// The folder of verdict folders that goes with the kata folder `dir`: `submissions/` beside
/// it, as `solutions/` is.
fn submissions_dir(dir: &Path) -> PathBuf {
    kata::solutions_dir(dir).with_file_name("submissions")
}

/// The folders of `submissions/` named after no kata of `loaded`.
fn orphans(dir: &Path, loaded: &[(String, Result<Kata>)]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .filter(|p| {
            let id = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            !loaded.iter().any(|(path, k)| match k {
                Ok(k) => k.id.as_str() == id,
                Err(_) => path.ends_with(&format!("/{id}.toml")),
            })
        })
        .collect();
    out.sort();
    out
}

/// A submission of a verdict folder: its file and the verdict its folder names.
#[derive(Debug)]
struct Filed {
    path: PathBuf,
    expected: Verdict,
}

/// The `.rs` files of `folder` (`submissions/<id>/`), by verdict folder, and a problem for
/// each folder named after no verdict.
fn filed(folder: &Path) -> (Vec<Filed>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return (files, problems);
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    for dir in dirs.into_iter().filter(|d| d.is_dir()) {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Ok(expected) = Verdict::try_from(name.to_string()) else {
            let names: Vec<&str> = Verdict::ALL.iter().map(|v| v.as_str()).collect();
            problems.push(format!(
                "{}/: not a verdict folder (the verdicts are {})",
                dir.display(),
                names.join(", ")
            ));
            continue;
        };
        let mut rs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
            .collect();
        rs.sort();
        files.extend(rs.into_iter().map(|path| Filed { path, expected }));
    }
    files.sort_by_key(|f| Verdict::ALL.iter().position(|v| *v == f.expected));
    (files, problems)
}

/// What was judged of one kata.
#[derive(Debug, Default)]
struct Checked {
    problems: Vec<String>,
    reference: Option<Duration>,
    /// Submissions judged as filed, by verdict.
    as_filed: Vec<Verdict>,
    timing: Timing,
}

impl Checked {
    fn summary(&self, kata: &Kata) -> String {
        let mut parts = Vec::new();
        if let Some(t) = self.reference {
            parts.push(format!(
                "reference {} ms of {} ms",
                ms(t),
                kata.time_limit.as_millis()
            ));
        }
        if !self.as_filed.is_empty() {
            let counts: Vec<String> = Verdict::ALL
                .iter()
                .filter_map(|v| {
                    let n = self.as_filed.iter().filter(|f| *f == v).count();
                    (n > 0).then(|| format!("{n} {v}"))
                })
                .collect();
            parts.push(format!("as filed: {}", counts.join(", ")));
        }
        parts.join(" · ")
    }
}

/// The times the time rules are about, over every submission of a kata judged so far.
#[derive(Debug, Default)]
struct Timing {
    /// The slowest test that decides the verdict of a submission not over the limit, and
    /// whose it is.
    slowest: Option<(Duration, String)>,
    /// The least CPU time a `time_limit_exceeded` submission needs, whose it is, and whether
    /// it was still over the limit it was measured with (so it needs more).
    over: Option<(Duration, bool, String)>,
}

impl Timing {
    fn add_slowest(&mut self, time: Duration, whose: String) {
        if self.slowest.as_ref().is_none_or(|(t, _)| time > *t) {
            self.slowest = Some((time, whose));
        }
    }

    fn add_over(&mut self, time: Duration, at_least: bool, whose: String) {
        if self.over.as_ref().is_none_or(|(t, _, _)| time < *t) {
            self.over = Some((time, at_least, whose));
        }
    }

    /// The range of limits the rules allow: from [`MARGIN`] times the slowest deciding test
    /// to under a [`CONFIRM`]th of the least time over; `None` above when nothing is over.
    fn allowed(&self) -> (Duration, Option<Duration>) {
        let low = self
            .slowest
            .as_ref()
            .map_or(FLOOR, |(t, _)| (*t).max(FLOOR))
            * MARGIN;
        let high = self.over.as_ref().map(|(t, _, _)| *t / CONFIRM);
        (low, high)
    }

    /// The line of `--suggest-time-limit`.
    fn suggestion(&self, kata: &Kata) -> String {
        let (low, high) = self.allowed();
        let now = kata.time_limit;
        let mut why = Vec::new();
        if let Some((t, whose)) = &self.slowest {
            why.push(format!(
                "{MARGIN} × {} ms, the slowest within the limit: {whose}",
                ms(*t)
            ));
        }
        if let Some((t, at_least, whose)) = &self.over {
            let more = if *at_least { "+" } else { "" };
            why.push(format!(
                "1/{CONFIRM} × {}{more} ms, the fastest over it: {whose}",
                ms(*t)
            ));
        }
        let why = why.join("; ");
        let low_ms = low.as_micros().div_ceil(1000);
        let range = match high {
            // The limit must stay below half of what the fastest one over needs.
            Some(h) if h <= low => {
                return format!(
                "time limit: none satisfies both rules (at least {low_ms} ms, under {} ms: {why})",
                h.as_millis()
            )
            }
            Some(h) => {
                let more = if self.over.as_ref().is_some_and(|o| o.1) {
                    "at least "
                } else {
                    ""
                };
                format!(
                    "{low_ms} ms to {more}{} ms",
                    h.as_millis().saturating_sub(1)
                )
            }
            None => format!("{low_ms} ms or more"),
        };
        let allowed = now >= low && high.is_none_or(|h| now < h);
        let verdict = if allowed {
            format!("the current {} ms is allowed", now.as_millis())
        } else {
            format!(
                "the current {} ms is not; suggested: {} ms",
                now.as_millis(),
                suggest(low, high).as_millis()
            )
        };
        format!("time limit: {range} allowed ({why}); {verdict}")
    }
}

/// A round limit inside `[low, high)`: the one of 1, 2, 3, 5 times a power of ten nearest
/// (by ratio) to the middle of the range, or the smallest one from `low` when nothing is over.
fn suggest(low: Duration, high: Option<Duration>) -> Duration {
    let low_ms = low.as_secs_f64() * 1000.0;
    let round: Vec<f64> = (0..5)
        .flat_map(|p| [1.0, 2.0, 3.0, 5.0].map(|m| m * 10f64.powi(p)))
        .chain([60_000.0])
        .collect();
    let fits = |&r: &f64| r >= low_ms && high.is_none_or(|h| r < h.as_secs_f64() * 1000.0);
    let pick = match high {
        None => round.iter().copied().find(|r| fits(r)),
        Some(h) => {
            let mid = (low_ms * h.as_secs_f64() * 1000.0).sqrt();
            round
                .iter()
                .copied()
                .filter(fits)
                .min_by(|a, b| (a / mid).ln().abs().total_cmp(&(b / mid).ln().abs()))
        }
    };
    Duration::from_millis(pick.unwrap_or(low_ms.ceil()) as u64)
}

/// The tests that decide a report's verdict: every test of an accepted one, else those up to
/// its first failure.
fn deciding(report: &Report) -> &[TestReport] {
    let end = report
        .tests
        .iter()
        .position(|t| t.verdict != Verdict::Accepted)
        .map_or(report.tests.len(), |i| i + 1);
    &report.tests[..end]
}

fn slowest(report: &Report) -> Option<&TestReport> {
    deciding(report).iter().max_by_key(|t| t.time)
}

/// The verdict `report`, judged with a time limit of at least `limit`, would get with `limit`:
/// the first test that fails or uses more than `limit` decides.
fn verdict_at(report: &Report, limit: Duration) -> Verdict {
    if report.verdict == Verdict::CompileError {
        return report.verdict;
    }
    report
        .tests
        .iter()
        .find_map(|t| match t.verdict {
            Verdict::TimeLimitExceeded => Some(Verdict::TimeLimitExceeded),
            _ if t.time > limit => Some(Verdict::TimeLimitExceeded),
            Verdict::Accepted => None,
            v => Some(v),
        })
        .unwrap_or(Verdict::Accepted)
}

/// The least time limit that a `time_limit_exceeded` report, judged with `limit`, would not
/// be over: the slowest of its tests up to the first that fails for another reason; `true`
/// when a test was over `limit` itself, so that it needs `limit` or more.
fn time_needed(report: &Report, limit: Duration) -> (Duration, bool) {
    let mut needed = Duration::ZERO;
    for t in &report.tests {
        match t.verdict {
            // Stopped at `limit` (or at the wall clock, waiting): it needs more, how much more
            // is not known.
            Verdict::TimeLimitExceeded => return (limit, true),
            Verdict::Accepted => needed = needed.max(t.time),
            _ => return (needed.max(t.time), false),
        }
    }
    (needed, false)
}

/// Each test's least time over `reports` of the same program.
fn least_times(mut first: Report, others: &[Report]) -> Report {
    for (i, t) in first.tests.iter_mut().enumerate() {
        for r in others {
            if let Some(o) = r.tests.get(i) {
                t.time = t.time.min(o.time);
            }
        }
    }
    first
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Judges the programs of one kata.
struct Checker<'a> {
    ctx: &'a Ctx<'a>,
    judge: &'a Judge,
    kata: &'a Kata,
}

impl Checker<'_> {
    /// Every problem of the kata, in words, with the verdict folders of `folder`.
    fn check(&self, folder: Option<&Path>, suggest: bool) -> Result<Checked> {
        let kata = self.kata;
        let mut out = Checked {
            problems: lint(kata),
            ..Checked::default()
        };
        match &kata.solution {
            None => out.problems.push(format!(
                "no reference solution (expected solutions/{}.rs beside the kata folder)",
                kata.id
            )),
            Some((path, source)) => {
                let whose = format!("the reference solution {}", path.display());
                if let Some((file, report)) = self.judged(path, source, &mut out.problems)? {
                    if report.verdict == Verdict::Accepted {
                        out.reference = slowest(&report).map(|t| t.time);
                    }
                    self.held_to(Verdict::Accepted, &file, report, &whose, &mut out)?;
                }
            }
        }
        self.starter(&mut out.problems)?;
        let (files, folder_problems) = folder.map(filed).unwrap_or_default();
        out.problems.extend(folder_problems);
        for f in files {
            let text = match std::fs::read_to_string(&f.path) {
                Ok(t) => t,
                Err(e) => {
                    out.problems.push(Error::io("read", &f.path, e).to_string());
                    continue;
                }
            };
            let whose = f.path.display().to_string();
            let Some((file, report)) = self.judged(&f.path, &text, &mut out.problems)? else {
                continue;
            };
            if report.verdict != f.expected {
                out.problems.push(format!(
                    "{whose}: filed as {}, judged {}{}",
                    f.expected,
                    report.verdict,
                    first_failure(&report)
                ));
                continue;
            }
            out.as_filed.push(f.expected);
            if f.expected == Verdict::TimeLimitExceeded {
                self.still_over(&file, &whose, suggest, &mut out)?;
            } else {
                self.held_to(f.expected, &file, report, &whose, &mut out)?;
            }
        }
        Ok(out)
    }

    /// Judges `text`, the file at `path`, afresh; a file that cannot be judged is a problem.
    fn judged(
        &self,
        path: &Path,
        text: &str,
        problems: &mut Vec<String>,
    ) -> Result<Option<(SourceFile, Report)>> {
        let judged = SourceFile::at(path, text.to_string()).and_then(|file| {
            let report = self.judge_again(&file, self.kata)?;
            Ok((file, report))
        });
        self.problem_or(judged, problems)
    }

    /// Judges `file` afresh against `kata`, the checked kata or a copy with other limits.
    fn judge_again(&self, file: &SourceFile, kata: &Kata) -> Result<Report> {
        let sub = Submission {
            kata,
            file: file.clone(),
            samples_only: false,
            // Validation measures times: never from an earlier run.
            rerun: true,
        };
        let shown = sub.file.shown();
        let report = self
            .judge
            .judge(&sub, &super::progress_line(self.ctx.ui, &shown));
        self.ctx.ui.clear_status();
        report
    }

    /// What was judged, or the problem that stopped it; a broken environment stops all.
    fn problem_or<T>(&self, judged: Result<T>, problems: &mut Vec<String>) -> Result<Option<T>> {
        match judged {
            Ok(r) => Ok(Some(r)),
            Err(e @ Error::Environment(_)) => Err(e),
            Err(e) => {
                problems.push(e.to_string());
                Ok(None)
            }
        }
    }

    /// The rule for a submission of a verdict other than over the time limit (the reference
    /// solution's is accepted): it gets `expected`, and each test that decides it uses at most
    /// a [`MARGIN`]th of the limit, in the least time of [`RETRIES`] more runs if need be.
    fn held_to(
        &self,
        expected: Verdict,
        file: &SourceFile,
        report: Report,
        whose: &str,
        out: &mut Checked,
    ) -> Result<()> {
        if report.verdict != expected {
            out.problems.push(format!(
                "{whose} is not {expected}: {}{}",
                report.verdict,
                first_failure(&report)
            ));
            return Ok(());
        }
        let limit = self.kata.time_limit;
        let over = |r: &Report| slowest(r).is_some_and(|t| t.time.max(FLOOR) * MARGIN > limit);
        let mut report = report;
        if over(&report) {
            let mut again = Vec::new();
            for _ in 0..RETRIES {
                let judged = self.judge_again(file, self.kata);
                let Some(r) = self.problem_or(judged, &mut out.problems)? else {
                    return Ok(());
                };
                if r.verdict != expected {
                    out.problems.push(format!(
                        "sensitive: {whose} was judged {expected}, then {} when judged again",
                        r.verdict
                    ));
                    return Ok(());
                }
                again.push(r);
            }
            report = least_times(report, &again);
        }
        let Some(t) = slowest(&report) else {
            return Ok(());
        };
        if over(&report) {
            out.problems.push(format!(
                "sensitive: {whose} uses {} ms on {:?}, more than 1/{MARGIN} of time_limit_ms = {}: a slower machine may judge it time_limit_exceeded",
                ms(t.time),
                t.name,
                limit.as_millis()
            ));
        }
        out.timing.add_slowest(t.time, whose.to_string());
        Ok(())
    }

    /// The rule for a `time_limit_exceeded` submission: still over with [`CONFIRM`] times
    /// the limit (judged with [`MEASURE`] times the limit to measure what it needs).
    fn still_over(
        &self,
        file: &SourceFile,
        whose: &str,
        suggest: bool,
        out: &mut Checked,
    ) -> Result<()> {
        let limit = self.kata.time_limit;
        let measured_with = limit * if suggest { MEASURE } else { CONFIRM };
        let longer = Kata {
            time_limit: measured_with,
            ..self.kata.clone()
        };
        let judged = self.judge_again(file, &longer);
        let Some(report) = self.problem_or(judged, &mut out.problems)? else {
            return Ok(());
        };
        let confirmed = verdict_at(&report, limit * CONFIRM);
        if confirmed != Verdict::TimeLimitExceeded {
            out.problems.push(format!(
                "sensitive: {whose} is time_limit_exceeded with time_limit_ms = {}, but {confirmed} with {}{}",
                limit.as_millis(),
                (limit * CONFIRM).as_millis(),
                first_failure(&report)
            ));
        }
        let (needed, at_least) = time_needed(&report, measured_with);
        out.timing.add_over(needed, at_least, whose.to_string());
        Ok(())
    }

    /// The starter `kata next` writes must compile and must not be accepted.
    fn starter(&self, problems: &mut Vec<String>) -> Result<()> {
        let kata = self.kata;
        let file = SourceFile::named(&format!("{}.rs", kata.id), "", harness::starter(kata));
        let judged = self.judge_again(&file, kata);
        let Some(report) = self.problem_or(judged, problems)? else {
            return Ok(());
        };
        match report.verdict {
            Verdict::Accepted => problems.push(
                "the starter file (what `kata next` writes) is accepted: the tests hold it to nothing"
                    .into(),
            ),
            Verdict::CompileError => problems.push(format!(
                "the starter file (what `kata next` writes) does not compile:\n{}",
                report.compile_output.unwrap_or_default()
            )),
            _ => {}
        }
        Ok(())
    }
}

/// What the kata file alone shows: duplicate test names, no samples, no hidden tests.
fn lint(kata: &Kata) -> Vec<String> {
    let mut problems = Vec::new();
    let mut names = HashSet::new();
    for case in &kata.cases {
        if !names.insert(case.name.as_str()) {
            let (line, column) = crate::error::line_column(&kata.source, case.offset);
            problems.push(format!(
                "{}:{line}:{column}: two tests are named {:?}",
                kata.path.display(),
                case.name
            ));
        }
    }
    if kata.samples().next().is_none() {
        problems.push(format!("{}: no [[samples]]", kata.path.display()));
    }
    if kata.cases.iter().all(|c| c.sample) {
        problems.push(format!("{}: no hidden [[tests]]", kata.path.display()));
    }
    problems
}

/// Where a report failed, for a message: the compiler's diagnostics, or the first failing
/// test and its reason.
fn first_failure(report: &Report) -> String {
    let first = report.tests.iter().find(|t| t.verdict != Verdict::Accepted);
    match (first, &report.compile_output) {
        (_, Some(diag)) => format!(":\n{diag}"),
        (Some(t), None) => format!(
            " on {:?}{}",
            t.name,
            t.reason
                .as_ref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        ),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kata::{KataId, Reveal};

    fn report(tests: &[(Verdict, u64)]) -> Report {
        let tests: Vec<TestReport> = tests
            .iter()
            .enumerate()
            .map(|(i, &(verdict, ms))| TestReport {
                name: format!("test {i}"),
                sample: false,
                verdict,
                time: Duration::from_millis(ms),
                reason: None,
                output: String::new(),
                detail: None,
                call: None,
            })
            .collect();
        Report {
            kata: KataId::new("k").unwrap(),
            title: "K".into(),
            verdict: tests
                .iter()
                .map(|t| t.verdict)
                .find(|v| *v != Verdict::Accepted)
                .unwrap_or(Verdict::Accepted),
            compile_output: None,
            tests,
            reveal: Reveal::FirstFailure,
            samples_only: false,
            cached: false,
        }
    }

    const A: Verdict = Verdict::Accepted;
    const WA: Verdict = Verdict::WrongAnswer;
    const TLE: Verdict = Verdict::TimeLimitExceeded;

    #[test]
    fn the_tests_up_to_the_first_failure_decide() {
        let r = report(&[(A, 5), (WA, 2), (A, 900)]);
        assert_eq!(deciding(&r).len(), 2);
        assert_eq!(slowest(&r).unwrap().time, Duration::from_millis(5));
        assert_eq!(deciding(&report(&[(A, 1), (A, 2)])).len(), 2);
    }

    #[test]
    fn a_verdict_with_a_shorter_limit_is_read_from_the_times() {
        let ms = Duration::from_millis;
        // Judged with 4 s: over on the second test, and a wrong answer after it.
        let r = report(&[(A, 10), (TLE, 4000), (WA, 3)]);
        assert_eq!(verdict_at(&r, ms(2000)), TLE);
        assert_eq!(time_needed(&r, ms(4000)), (ms(4000), true));
        // 1.5 s on the slow test: over 1 s, not over 2 s, where the wrong answer decides.
        let r = report(&[(A, 10), (A, 1500), (WA, 3)]);
        assert_eq!(verdict_at(&r, ms(1000)), TLE);
        assert_eq!(verdict_at(&r, ms(2000)), WA);
        assert_eq!(time_needed(&r, ms(4000)), (ms(1500), false));
    }

    #[test]
    fn least_times_are_kept_over_runs() {
        let r = least_times(report(&[(A, 400), (A, 9)]), &[report(&[(A, 300), (A, 12)])]);
        let times: Vec<u128> = r.tests.iter().map(|t| t.time.as_millis()).collect();
        assert_eq!(times, [300, 9]);
    }

    #[test]
    fn the_allowed_range_runs_from_three_times_the_slowest_to_half_the_least_over() {
        let ms = Duration::from_millis;
        let mut t = Timing::default();
        t.add_slowest(ms(20), "a".into());
        t.add_slowest(ms(30), "b".into());
        t.add_over(ms(5000), false, "c".into());
        t.add_over(ms(3000), true, "d".into());
        assert_eq!(t.allowed(), (ms(90), Some(ms(1500))));
        // A round value near the middle (by ratio) of 90 ms .. 1500 ms.
        assert_eq!(suggest(ms(90), Some(ms(1500))), ms(300));
        assert_eq!(suggest(ms(90), None), ms(100));
        // A range too narrow for a round value: its lower end.
        assert_eq!(suggest(ms(91), Some(ms(99))), ms(91));
    }
}
