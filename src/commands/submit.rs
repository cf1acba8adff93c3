//! `kata submit` and `kata test`: judge a file, record the result, print the report.

use super::Ctx;
use crate::cli::JudgeArgs;
use crate::color::Color;
use crate::error::Status;
use crate::error::{Error, Result};
use crate::harness::layout::SourceFile;
use crate::judge::{Judge, Stage, Submission};
use crate::kata::{Kata, KataSet};
use crate::progress::Progress;
use crate::report::{self, Report};
use crate::verdict::Verdict;
use crate::workspace::display_path;
use std::path::{Path, PathBuf};

pub fn run(ctx: &Ctx, args: &JudgeArgs, samples_only: bool) -> Result<Status> {
    let result = judge_and_report(ctx, args, samples_only);
    match &result {
        // Scripts reading `--json` still get one object: exercism's `error` status, with
        // the cause; the exit status (2 or 3) and the line on stderr say the same.
        Err(e) if args.json && !matches!(e, Error::BrokenPipe) => {
            ctx.ui.out(&report::json::error(&e.to_string()))?;
        }
        _ => {}
    }
    result
}

fn judge_and_report(ctx: &Ctx, args: &JudgeArgs, samples_only: bool) -> Result<Status> {
    let last_served = ctx.progress()?.last_served;
    let set = KataSet::load_for(
        &ctx.source,
        wanted_id(args, last_served.as_deref()).as_deref(),
    )?;
    let (kata, path) = resolve(ctx, &set, args, last_served.as_deref())?;
    let file = read_solution(&path)?;
    // JSON carries diagnostics as plain text.
    let color = if args.json { Color::NEVER } else { ctx.color() };
    let judge = Judge::new(&ctx.source, color)?;
    let submission = Submission {
        kata,
        file,
        samples_only,
        rerun: args.rerun,
    };
    let shown = submission.file.shown();
    let progress = super::progress_line(ctx.ui, &shown);
    let quiet = |_| {};
    let on_stage: &(dyn Fn(_) + Sync) = if args.json { &quiet } else { &progress };
    // Recorded before anything is printed: a closed stdout must not lose the result.
    let (report, review) = judge_and_record(ctx, &judge, &submission, &path, on_stage)?;
    if args.json {
        ctx.ui
            .out(&report::json::render(&report, judge.warnings()))?;
    } else {
        for w in judge.warnings() {
            ctx.ui.warn(w);
        }
        let text = report::human::render(&report, samples_only, ctx.color());
        ctx.ui.out(text.trim_end())?;
        for note in &review {
            ctx.ui.out(&format!("\n{note}"))?;
        }
        let c = ctx.color();
        if let Some(line) =
            super::interview::countdown_line(&ctx.progress()?, crate::clock::now(), c)
        {
            ctx.ui.out(&format!("\n{line}"))?;
        }
    }
    Ok(if report.verdict == Verdict::Accepted {
        Status::Success
    } else {
        Status::Rejected
    })
}

/// Judges `sub`, the file at `path`, and, unless it is the samples only, records the result
/// in the progress file, and, for a review file (`review/ID.rs`) of a kata due, the review.
/// Records it too in the running mock interview. Returns the report and what else to say:
/// a line on the review, the interview's summary when this submission ended it.
pub(super) fn judge_and_record(
    ctx: &Ctx,
    judge: &Judge,
    sub: &Submission,
    path: &Path,
    on_stage: &(dyn Fn(Stage) + Sync),
) -> Result<(Report, Vec<String>)> {
    let report = judge.judge(sub, on_stage);
    ctx.ui.clear_status();
    let report = report?;
    if sub.samples_only {
        return Ok((report, Vec::new()));
    }
    let id = sub.kata.id.as_str();
    let is_review = ctx.workspace.is_review_file(path, id);
    let now = crate::clock::now();
    let accepted = report.verdict == Verdict::Accepted;
    let (review, ended) = Progress::update(&ctx.workspace.root, |p| {
        p.record(id, report.verdict, report.passed(), report.tests.len());
        let review = is_review
            .then(|| p.record_review(id, accepted, now))
            .flatten();
        (review, p.record_interview(id, report.verdict, now))
    })?;
    let mut notes: Vec<String> = review
        .map(|r| {
            let wait = crate::clock::span(r.due.saturating_sub(now));
            if accepted {
                format!("Review passed: {id} comes back in {wait}.")
            } else {
                format!("Review not passed: {id} comes back in {wait}, and the waits start again.")
            }
        })
        .into_iter()
        .collect();
    notes.extend(ended.map(|iv| super::interview::summary(&iv, now, ctx.color())));
    Ok((report, notes))
}

/// Reads the file to judge. A symbolic link is refused: a grader judging someone else's
/// files would otherwise compile, and quote back in diagnostics, whatever file the link
/// points at.
pub(super) fn read_solution(path: &Path) -> Result<SourceFile> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| Error::io("read", path, e))?;
    if meta.file_type().is_symlink() {
        return Err(Error::input(format!(
            "{}: is a symbolic link; judge the file it points to by its own path",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Err(Error::input(format!(
            "{}: not a regular file",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    SourceFile::at(path, text)
}

/// Which kata and which file: no argument is the kata `next` served last; an id is `ID.rs`
/// in the workspace; a path is judged against `--kata` or the kata named by its stem.
/// Whether a target names a file rather than a kata.
fn is_path(target: &str) -> bool {
    target.ends_with(".rs") || target.contains('/') || Path::new(target).is_file()
}

/// The id [`resolve`] looks up, known before any kata is loaded.
fn wanted_id(args: &JudgeArgs, last_served: Option<&str>) -> Option<String> {
    if let Some(id) = &args.kata {
        return Some(id.clone());
    }
    let target = args.target.as_deref().or(last_served)?;
    if is_path(target) {
        Some(Path::new(target).file_stem()?.to_str()?.to_string())
    } else {
        Some(target.to_string())
    }
}

pub(super) fn resolve<'s>(
    ctx: &Ctx,
    set: &'s KataSet,
    args: &JudgeArgs,
    last_served: Option<&str>,
) -> Result<(&'s Kata, PathBuf)> {
    let target = match (&args.target, last_served) {
        (Some(t), _) => t.as_str(),
        (None, Some(last)) => last,
        (None, None) => {
            return Err(Error::input(
                "no kata to judge: run `kata next` first, or name one (`kata submit two-sum`)",
            ))
        }
    };
    if is_path(target) {
        let path = PathBuf::from(target);
        let id = match &args.kata {
            Some(id) => id.clone(),
            None => path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string(),
        };
        let kata = set.get(&id).map_err(|e| match &args.kata {
            None => Error::input(format!(
                "{e}; name the kata of {} with --kata ID",
                path.display()
            )),
            Some(_) => e,
        })?;
        if !path.is_file() {
            return Err(Error::input(format!("{}: no such file", path.display())));
        }
        Ok((kata, path))
    } else {
        let kata = set.get(args.kata.as_deref().unwrap_or(target))?;
        let path = ctx.workspace.file(target);
        if !path.is_file() {
            return Err(Error::input(format!(
                "{}: no such file (run `kata next` to get a starter file)",
                display_path(&path).display()
            )));
        }
        Ok((kata, path))
    }
}
