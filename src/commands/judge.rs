//! `kata submit` and `kata test`: judge a file, print the report, record the result.

use super::Ctx;
use crate::cache::Cache;
use crate::cli::JudgeArgs;
use crate::error::{Error, Result};
use crate::judge::{Judge, Report, Stage, Submission};
use crate::kata::{Kata, KataSet, Source};
use crate::progress::Progress;
use crate::report;
use crate::sandbox;
use crate::toolchain::Toolchain;
use crate::verdict::Verdict;
use crate::workspace::display_path;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: &JudgeArgs, samples_only: bool) -> Result<ExitCode> {
    let result = judge_and_report(ctx, args, samples_only);
    if let (Err(e), true) = (&result, args.json) {
        // Scripts reading `--json` still get one object: exercism's `error` status, with
        // the cause; the exit status (2 or 3) and the line on stderr say the same.
        ctx.ui.out(&report::json_error(&e.to_string()).to_string());
    }
    result
}

fn judge_and_report(ctx: &Ctx, args: &JudgeArgs, samples_only: bool) -> Result<ExitCode> {
    let set = ctx.katas()?;
    let last_served = ctx.progress()?.last_served;
    let (kata, path) = resolve(ctx, &set, args, last_served.as_deref())?;
    let source = read_solution(&path)?;
    let warnings = guard_warnings(&Cache::locate());
    let opts = JudgeOptions {
        samples_only,
        rerun: args.rerun,
        show_progress: !args.json,
    };
    let report = judge_file(ctx, kata, &path, source, opts)?;
    // Recorded before anything is printed: a closed stdout must not lose the result.
    if !samples_only {
        Progress::update(&ctx.workspace.root, |p| {
            p.record(
                kata.id.as_str(),
                report.verdict,
                report.passed(),
                report.tests.len(),
            )
        })?;
    }
    if args.json {
        ctx.ui.out(&report::json(&report, &warnings).to_string());
    } else {
        for w in &warnings {
            ctx.ui.warn(w);
        }
        ctx.ui.out(report::human(&report, samples_only).trim_end());
    }
    Ok(if report.verdict == Verdict::Accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// How to judge.
#[derive(Debug, Clone, Copy)]
pub struct JudgeOptions {
    pub samples_only: bool,
    pub rerun: bool,
    /// A progress line on the terminal, coloured diagnostics.
    pub show_progress: bool,
}

/// Judges the file at `path` against `kata`, showing progress on the terminal.
pub fn judge_file(
    ctx: &Ctx,
    kata: &Kata,
    path: &Path,
    source: String,
    opts: JudgeOptions,
) -> Result<Report> {
    let JudgeOptions {
        samples_only,
        rerun,
        show_progress,
    } = opts;
    let cache = Cache::locate();
    let toolchain = Toolchain::detect_cached(&cache)?;
    let shown = display_path(path);
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::input(format!("{}: not a file name", path.display())))?
        .to_string();
    let display_dir = match shown.parent() {
        Some(p) if !p.as_os_str().is_empty() => format!("{}/", p.display()),
        _ => String::new(),
    };
    let ui = ctx.ui;
    let on_stage = move |stage: Stage| {
        if !show_progress {
            return;
        }
        match stage {
            Stage::Compiling => ui.status(&format!("compiling {}…", shown.display())),
            Stage::Running { done, total } => ui.status(&format!("running tests {done}/{total}…")),
        }
    };
    let hidden = hidden_paths(ctx, &cache);
    let judge = Judge {
        toolchain: &toolchain,
        cache: &cache,
        // JSON carries diagnostics as plain text.
        color: ui.color && show_progress,
        on_stage: &on_stage,
        hidden: &hidden,
    };
    let report = judge.judge(&Submission {
        kata,
        source,
        file_name,
        display_dir,
        samples_only,
        rerun,
    });
    ui.clear_status();
    report
}

/// [`sandbox::missing_guard_warnings`], probed once per boot and user: the probe forks
/// and tries a namespace, which is worth a few milliseconds of every submission only the
/// first time. `kata doctor` always probes afresh.
fn guard_warnings(cache: &Cache) -> Vec<String> {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").unwrap_or_default();
    let key = crate::cache::key(&[
        boot.as_bytes(),
        &crate::sys::euid().to_le_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
    ]);
    let cached = (!boot.is_empty())
        .then(|| cache.get("guards", &key))
        .flatten()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok());
    cached.unwrap_or_else(|| {
        let warnings = sandbox::missing_guard_warnings();
        if !boot.is_empty() {
            let json = serde_json::to_vec(&warnings).expect("strings serialize");
            let _ = cache.put_bytes("guards", &key, &json);
        }
        warnings
    })
}

/// What holds hidden tests or their answers: this binary (it embeds the bundled katas),
/// the kata folder and its reference solutions, and the caches of generated tests and
/// reports. The compiler may read none of it, wherever the judge is installed.
fn hidden_paths(ctx: &Ctx, cache: &Cache) -> Vec<PathBuf> {
    let mut hidden: Vec<PathBuf> = std::env::current_exe().into_iter().collect();
    if let Source::Dir(dir) = &ctx.source {
        hidden.push(dir.clone());
        hidden.push(crate::kata::solutions_dir(dir));
    }
    hidden.push(cache.path("gen", ""));
    hidden.push(cache.path("result", ""));
    hidden
}

/// Reads the file to judge. A symbolic link is refused: a grader judging someone else's
/// files would otherwise compile, and quote back in diagnostics, whatever file the link
/// points at.
fn read_solution(path: &Path) -> Result<String> {
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
    std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))
}

/// Which kata and which file: no argument is the kata `next` served last; an id is `ID.rs`
/// in the workspace; a path is judged against `--kata` or the kata named by its stem.
fn resolve<'s>(
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
    let is_path = target.ends_with(".rs") || target.contains('/') || Path::new(target).is_file();
    if is_path {
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
