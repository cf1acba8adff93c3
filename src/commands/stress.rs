//! `kata stress ID FILE [--seconds N] [--json]`: run FILE and the reference solution on small
//! random inputs from the kata's generator; on a difference, show the smallest input found,
//! both answers and a `[[tests]]` entry that keeps it (exit 1), else exit 0.

use super::Ctx;
use crate::cli::StressArgs;
use crate::color::{Color, Style};
use crate::error::{Error, Result, Status};
use crate::judge::{Drawn, Judge, Submission};
use crate::kata::{Kata, KataId};
use crate::report;
use crate::report::human::{diff, printable};
use crate::stress::{self, Outcome};
use crate::verdict::Verdict;
use serde::Serialize;
use std::fmt::Write as _;
use std::time::Duration;

pub fn run(ctx: &Ctx, args: &StressArgs) -> Result<Status> {
    let set = ctx.katas()?;
    let kata = set.get(&args.id)?;
    if kata.generator.is_none() {
        return Err(Error::input(format!(
            "kata `{}` has no [generator]: stress draws its inputs from one",
            kata.id
        )));
    }
    if kata.solution.is_none() {
        return Err(Error::input(format!(
            "kata `{}` has no reference solution to compare with (solutions/{}.rs)",
            kata.id, kata.id
        )));
    }
    let file = super::submit::read_solution(&args.file)?;
    let color = if args.json { Color::NEVER } else { ctx.color() };
    let judge = Judge::new(&ctx.source, color)?;
    if !args.json {
        for w in judge.warnings() {
            ctx.ui.warn(w);
        }
    }
    let sub = Submission {
        kata,
        file,
        samples_only: false,
        rerun: true,
    };
    let shown = sub.file.shown();
    let stage = super::progress_line(ctx.ui, &shown);
    let progress = |p: stress::Progress| {
        ctx.ui.status(&format!(
            "stress: {} inputs, size {}{}…",
            p.inputs,
            p.size,
            if p.differing > 0 { ", shrinking" } else { "" }
        ))
    };
    let budget = Duration::from_secs(args.seconds);
    let outcome = if args.json {
        stress::stress(&judge, &sub, budget, &|_| {}, &|_| {})
    } else {
        stress::stress(&judge, &sub, budget, &stage, &progress)
    };
    ctx.ui.clear_status();
    let outcome = outcome?;
    let verdict = match (&outcome.compile_error, &outcome.found) {
        (Some(r), _) => r.verdict,
        (None, Some(d)) => d.test.verdict,
        (None, None) => Verdict::Accepted,
    };
    if args.json {
        ctx.ui
            .out(&json(kata, &shown, &outcome, verdict, judge.warnings()))?;
    } else {
        ctx.ui.out(&human(kata, &shown, &outcome, ctx.color()))?;
    }
    Ok(if verdict == Verdict::Accepted {
        Status::Success
    } else {
        Status::Rejected
    })
}

fn human(kata: &Kata, shown: &str, o: &Outcome, c: Color) -> String {
    if let Some(r) = &o.compile_error {
        return report::human::render(r, false, c).trim_end().to_string();
    }
    let searched = format!(
        "{} inputs of sizes 0 to {}, {:.1} s",
        o.inputs,
        o.largest,
        o.elapsed.as_secs_f64()
    );
    let Some(d) = &o.found else {
        return format!(
            "{} no difference from the reference solution ({searched})",
            c.pass_fail(true)
        );
    };
    let mut s = format!(
        "{} {shown} differs from the reference solution on {}: {}\n",
        c.pass_fail(false),
        d.test.name,
        d.test.verdict.label()
    );
    let of = if o.differing > 1 {
        format!("the smallest of {} found", o.differing)
    } else {
        "the only one found".into()
    };
    writeln!(
        s,
        "{}",
        c.paint(Style::Dim, format!("({of} in {searched})"))
    )
    .unwrap();
    // What the program controls (its answer, panic message, output) is made safe to print.
    let safe = |text: &str| printable(text, false);
    let strong = |l: &str| c.paint(Style::Strong, l);
    if let Some(table) = d.test.detail.as_ref().and_then(|det| det.table.as_deref()) {
        let heading = "calls (expected: the reference's results):";
        writeln!(s, "\n{}\n{}", strong(heading), indent(&safe(table))).unwrap();
    } else if let Some(det) = &d.test.detail {
        writeln!(s, "\n{}\n{}", strong("input:"), indent(&det.input)).unwrap();
        match &det.actual {
            Some(actual) => {
                writeln!(
                    s,
                    "{} ({} the reference's answer, {} yours):",
                    strong("diff"),
                    c.paint(Style::Removed, "-"),
                    c.paint(Style::Added, "+")
                )
                .unwrap();
                s.push_str(&diff(&det.expected, &safe(actual), c));
            }
            None => writeln!(
                s,
                "{}\n{}",
                strong("expected (the reference's answer):"),
                indent(&det.expected)
            )
            .unwrap(),
        }
    }
    if let Some(reason) = &d.test.reason {
        writeln!(s, "{} {}", strong("reason:"), safe(reason)).unwrap();
    }
    if !d.test.output.trim().is_empty() {
        writeln!(s, "{}", strong("your output:")).unwrap();
        writeln!(s, "{}", indent(&safe(d.test.output.trim_end()))).unwrap();
    }
    writeln!(
        s,
        "\nA test for {} that keeps this input:\n",
        kata.path.display()
    )
    .unwrap();
    s.push_str(&stress::test_entry(kata, d));
    s.trim_end().to_string()
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The object on stdout with `--json`: this struct is the schema.
#[derive(Serialize)]
struct StressJson<'a> {
    kata: &'a KataId,
    file: &'a str,
    /// `accepted` when no input differed; else the verdict on the input found, or
    /// `compile_error`.
    verdict: Verdict,
    /// The compiler's output, for a compile error.
    message: Option<&'a str>,
    /// Inputs run, the largest size drawn and the seconds spent.
    inputs: usize,
    largest_size: usize,
    seconds: f64,
    /// How many inputs differed; the smallest of them follows.
    differing: usize,
    difference: Option<Difference<'a>>,
    /// Sandbox guards this machine lacks, a cache that could not be used.
    warnings: &'a [String],
}

#[derive(Serialize)]
struct Difference<'a> {
    seed: u64,
    size: usize,
    verdict: Verdict,
    /// One entry a parameter, its value as Rust prints it.
    args: Vec<Arg<'a>>,
    expected: String,
    /// The program's answer, when it gave a wrong one.
    actual: Option<&'a str>,
    /// Why it failed, for a verdict other than a wrong answer.
    reason: Option<&'a str>,
    /// The `[[tests]]` entry that keeps this input.
    test: String,
}

#[derive(Serialize)]
struct Arg<'a> {
    name: &'a str,
    value: String,
}

fn json(kata: &Kata, shown: &str, o: &Outcome, verdict: Verdict, warnings: &[String]) -> String {
    let difference = o.found.as_ref().map(|d: &Drawn| Difference {
        seed: d.draw.seed,
        size: d.draw.size,
        verdict: d.test.verdict,
        args: kata
            .signature()
            .map(|sig| {
                sig.params
                    .iter()
                    .zip(&d.args)
                    .map(|(p, v)| Arg {
                        name: &p.name,
                        value: v.compact(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        expected: d.expected.compact(),
        actual: d
            .test
            .detail
            .as_ref()
            .and_then(|det| det.actual.as_deref().or(det.table.as_deref())),
        reason: d.test.reason.as_deref(),
        test: stress::test_entry(kata, d),
    });
    let out = StressJson {
        kata: &kata.id,
        file: shown,
        verdict,
        message: o
            .compile_error
            .as_ref()
            .and_then(|r| r.compile_output.as_deref()),
        inputs: o.inputs,
        largest_size: o.largest,
        seconds: (o.elapsed.as_secs_f64() * 10.0).round() / 10.0,
        differing: o.differing,
        difference,
        warnings,
    };
    serde_json::to_string_pretty(&out).expect("plain data serializes")
}
