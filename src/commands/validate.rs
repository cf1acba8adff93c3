//! `kata validate [ID...]`: lint kata files, judge each reference solution, check test names
//! are unique and the time limit leaves a margin over the reference's time.

use super::Ctx;
use crate::error::{Error, Result};
use crate::judge::Report;
use crate::kata::{self, Kata, KataSet, Source};
use crate::verdict::Verdict;
use colored::Colorize;
use std::collections::HashSet;
use std::process::ExitCode;
use std::time::Duration;

/// The time limit must be at least this many times the reference's slowest test.
const MARGIN: u32 = 3;

pub fn run(ctx: &Ctx, ids: &[String]) -> Result<ExitCode> {
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
    let mut lint_errors = 0;
    let mut failures = 0;
    for (path, kata) in loaded {
        let kata = match kata {
            Err(e) => {
                if ids.is_empty() || ids.iter().any(|id| path.ends_with(&format!("/{id}.toml"))) {
                    lint_errors += 1;
                    ctx.ui.out(&format!("{} {e}", "✗".red().bold()));
                }
                continue;
            }
            Ok(k) if ids.is_empty() || ids.iter().any(|id| id == k.id.as_str()) => k,
            Ok(_) => continue,
        };
        let problems = check(ctx, &kata)?;
        if problems.is_empty() {
            ctx.ui.out(&format!("{} {}", "✓".green().bold(), kata.id));
        } else {
            failures += 1;
            ctx.ui.out(&format!("{} {}", "✗".red().bold(), kata.id));
            for p in problems {
                ctx.ui.out(&format!("    {p}"));
            }
        }
    }
    Ok(if lint_errors > 0 {
        ExitCode::from(2)
    } else if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every problem of one loaded kata, in words.
fn check(ctx: &Ctx, kata: &Kata) -> Result<Vec<String>> {
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
    let opts = super::judge::JudgeOptions {
        samples_only: false,
        // Validation measures the reference's time: never from an earlier run.
        rerun: true,
        show_progress: true,
    };
    let report = match super::judge::judge_file(ctx, kata, path, source.clone(), opts) {
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
