//! `kata validate [ID...]`: lint kata files, judge each reference solution, check test names
//! are unique and the time limit leaves a margin over the reference's time.

use super::Ctx;
use crate::error::Status;
use crate::error::{Error, Result};
use crate::harness::layout::SourceFile;
use crate::judge::{Judge, Submission};
use crate::kata::{self, Kata, KataSet, Source};
use crate::report::Report;
use crate::verdict::Verdict;
use std::collections::HashSet;
use std::time::Duration;

/// The time limit must be at least this many times the reference's slowest test.
const MARGIN: u32 = 3;

pub fn run(ctx: &Ctx, ids: &[String]) -> Result<Status> {
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
    for id in ids {
        let known = loaded.iter().any(|(p, k)| match k {
            Ok(k) => k.id.as_str() == id,
            Err(_) => p.ends_with(&format!("/{id}.toml")),
        });
        if !known {
            return Err(Error::input(format!(
                "unknown kata `{id}` (see `kata list`)"
            )));
        }
    }
    let c = ctx.color();
    let mut lint_errors = 0;
    let mut failures = 0;
    // Made for the first kata that loads: a folder of broken files needs no compiler.
    let mut judge: Option<Judge> = None;
    for (path, kata) in loaded {
        let kata = match kata {
            Err(e) => {
                if ids.is_empty() || ids.iter().any(|id| path.ends_with(&format!("/{id}.toml"))) {
                    lint_errors += 1;
                    ctx.ui.out(&format!("{} {e}", c.pass_fail(false)))?;
                }
                continue;
            }
            Ok(k) if ids.is_empty() || ids.iter().any(|id| id == k.id.as_str()) => k,
            Ok(_) => continue,
        };
        let judge = match &mut judge {
            Some(j) => j,
            None => {
                let j = judge.insert(Judge::new(&ctx.source, c)?);
                for w in j.warnings() {
                    ctx.ui.warn(w);
                }
                j
            }
        };
        let problems = check(ctx, judge, &kata)?;
        ctx.ui
            .out(&format!("{} {}", c.pass_fail(problems.is_empty()), kata.id))?;
        if !problems.is_empty() {
            failures += 1;
            for p in problems {
                ctx.ui.out(&format!("    {p}"))?;
            }
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

/// Every problem of one loaded kata, in words.
fn check(ctx: &Ctx, judge: &Judge, kata: &Kata) -> Result<Vec<String>> {
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
    let Some((path, source)) = &kata.solution else {
        problems.push(format!(
            "no reference solution (expected solutions/{}.rs beside the kata folder)",
            kata.id
        ));
        return Ok(problems);
    };
    let submission = SourceFile::at(path, source.clone()).map(|file| Submission {
        kata,
        file,
        samples_only: false,
        // Validation measures the reference's time: never from an earlier run.
        rerun: true,
    });
    let report = submission.and_then(|sub| {
        let shown = sub.file.shown();
        let report = judge.judge(&sub, &super::progress_line(ctx.ui, &shown));
        ctx.ui.clear_status();
        report
    });
    let report = match report {
        Ok(r) => r,
        Err(e @ Error::Environment(_)) => return Err(e),
        Err(e) => {
            problems.push(e.to_string());
            return Ok(problems);
        }
    };
    problems.extend(reference_problems(
        kata,
        &report,
        &path.display().to_string(),
    ));
    Ok(problems)
}

fn reference_problems(kata: &Kata, report: &Report, path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if report.verdict != Verdict::Accepted {
        let first = report.tests.iter().find(|t| t.verdict != Verdict::Accepted);
        let detail = match (first, &report.compile_output) {
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
        };
        problems.push(format!(
            "the reference solution {path} is not accepted: {}{detail}",
            report.verdict
        ));
        return problems;
    }
    let slowest = report.tests.iter().max_by_key(|t| t.time);
    if let Some(t) = slowest {
        let floor = Duration::from_millis(1);
        if t.time.max(floor) * MARGIN > kata.time_limit {
            problems.push(format!(
                "time_limit_ms = {} leaves less than {MARGIN}× the reference's {:.1} ms on {:?}",
                kata.time_limit.as_millis(),
                t.time.as_secs_f64() * 1000.0,
                t.name
            ));
        }
    }
    problems
}
