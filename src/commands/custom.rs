//! `kata run ID`: the learner's file and the reference solution on the learner's own input
//! (LeetCode's "run with a custom test"), side by side, judged by the kata's checker.

use super::Ctx;
use crate::cli::RunArgs;
use crate::color::{Color, Style};
use crate::error::{Error, Result, Status};
use crate::judge::{Input, InputReport, Judge, Ran, Submission};
use crate::kata::{self, CallSpec, CheckMode, Kata};
use crate::report;
use crate::signature::{Design, Signature};
use crate::value::Value;
use crate::verdict::{Answer, Verdict};
use crate::workspace::display_path;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Read as _;

pub fn run(ctx: &Ctx, args: &RunArgs) -> Result<Status> {
    let set = ctx.katas()?;
    let kata = set.get(&args.id)?;
    let input = read_input(kata, args)?;
    let path = ctx.workspace.file(kata.id.as_str());
    if !path.is_file() {
        return Err(Error::input(format!(
            "{}: no such file (run `kata next` to get a starter file)",
            display_path(&path).display()
        )));
    }
    let file = super::submit::read_solution(&path)?;
    let color = if args.json { Color::NEVER } else { ctx.color() };
    let judge = Judge::new(&ctx.source, color)?;
    let sub = Submission {
        kata,
        file,
        samples_only: true,
        rerun: true,
    };
    let shown = sub.file.shown();
    let progress = super::progress_line(ctx.ui, &shown);
    let quiet = |_| {};
    let on_stage: &(dyn Fn(_) + Sync) = if args.json { &quiet } else { &progress };
    let result = judge.judge_input(&sub, &input, on_stage);
    ctx.ui.clear_status();
    let ran = match result? {
        Ok(ran) => ran,
        Err(compile_error) => {
            let text = if args.json {
                report::json::render(&compile_error, judge.warnings())
            } else {
                report::human::render(&compile_error, true, ctx.color())
            };
            ctx.ui.out(text.trim_end())?;
            return Ok(Status::Rejected);
        }
    };
    if args.json {
        ctx.ui.out(&json(kata, &input, &ran))?;
    } else {
        for w in judge.warnings() {
            ctx.ui.warn(w);
        }
        ctx.ui.out(&human(kata, &input, &ran, ctx.color()))?;
    }
    match ran.verdict {
        Some(Verdict::Accepted) => Ok(Status::Success),
        Some(_) => Ok(Status::Rejected),
        None => Err(Error::input(format!(
            "the reference solution does not handle this input ({}): is it within the \
             constraints of `kata show {}`?",
            ran.reference
                .failure
                .as_ref()
                .map_or("no answer".to_string(), |(v, _)| v.to_string()),
            kata.id
        ))),
    }
}

/// The input from `--args` or `--input`, checked against the kata's parameters.
fn read_input(kata: &Kata, args: &RunArgs) -> Result<Input> {
    let (text, what) = match (&args.args, &args.input) {
        (Some(text), _) => (text.clone(), "--args".to_string()),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::input(format!("--input -: cannot read stdin: {e}")))?;
            (text, "--input -".to_string())
        }
        (None, Some(path)) => (
            std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?,
            path.display().to_string(),
        ),
        (None, None) => {
            return Err(Error::input(match kata.signature() {
                Some(_) if kata.design().is_some() => {
                    "give the calls with --args, as a test's `calls` without the expected results: [[\"new\", ...], [\"method\", ...], ...]".to_string()
                }
                Some(sig) => format!(
                    "give the input with --args, one TOML value per parameter of `{}` ({})",
                    sig.name,
                    params(sig)
                ),
                None => "give the input with --input FILE (`-` for stdin)".to_string(),
            }))
        }
    };
    if let Some(design) = kata.design() {
        return parse_calls(design, &text, &what).map(|calls| Input::Args(vec![calls]));
    }
    match kata.signature() {
        Some(sig) => parse_args(sig, &text, &what).map(Input::Args),
        None if args.args.is_some() => Err(Error::input(format!(
            "--args: {} is a stdin/stdout kata; give its input with --input FILE",
            kata.id
        ))),
        None => Ok(Input::Stdin(text)),
    }
}

/// `name: type, ...` of a signature.
fn params(sig: &Signature) -> String {
    sig.params
        .iter()
        .map(|p| format!("{}: {}", p.name, p.written))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A TOML array of one value per parameter (as a test's `args`), or a document holding
/// `args = [...]`.
fn parse_args(sig: &Signature, text: &str, what: &str) -> Result<Vec<Value>> {
    let parsed = if text.trim_start().starts_with('[') {
        toml::from_str::<toml::Table>(&format!("args = {}", text.trim()))
    } else {
        toml::from_str::<toml::Table>(text)
    };
    let parsed = parsed.map_err(|e| {
        Error::input(format!(
            "{what}: not valid TOML: {}",
            e.message().trim_end()
        ))
    })?;
    let Some(toml::Value::Array(values)) = parsed.get("args") else {
        return Err(Error::input(format!(
            "{what}: expected an array of {} values ({})",
            sig.params.len(),
            params(sig)
        )));
    };
    if values.len() != sig.params.len() {
        return Err(Error::input(format!(
            "{what}: `{}` takes {} arguments ({}), got {}",
            sig.name,
            sig.params.len(),
            params(sig),
            values.len()
        )));
    }
    values
        .iter()
        .zip(&sig.params)
        .map(|(v, p)| {
            Value::from_toml(v, &p.ty)
                .map_err(|e| Error::input(format!("{what}: `{}`: {e}", p.name)))
        })
        .collect()
}

/// A design kata's calls, as a test's `calls` without the expected results: a TOML array, or
/// a document holding `calls = [...]`.
fn parse_calls(design: &Design, text: &str, what: &str) -> Result<Value> {
    #[derive(serde::Deserialize)]
    struct Calls {
        calls: Vec<CallSpec>,
    }
    let doc = if text.trim_start().starts_with('[') {
        format!("calls = {}", text.trim())
    } else {
        text.to_string()
    };
    let parsed: Calls = toml::from_str(&doc).map_err(|e| {
        Error::input(format!(
            "{what}: not valid TOML calls: {}",
            e.message().trim_end()
        ))
    })?;
    if parsed.calls.is_empty() {
        return Err(Error::input(format!(
            "{what}: no calls: they start with the constructor, {}",
            design.methods[0].call_form()
        )));
    }
    let (calls, _) = kata::design_calls(design, &parsed.calls, false)
        .map_err(|(_, why)| Error::input(format!("{what}: {why}")))?;
    Ok(Value::List(calls))
}

/// A design kata's run: its calls, the reference's results and yours, up to the first call
/// where they differ.
fn calls_table(kata: &Kata, input: &Input, ran: &InputReport) -> Option<String> {
    let design = kata.design()?;
    let Input::Args(args) = input else {
        return None;
    };
    let Some(Value::List(calls)) = args.first() else {
        return None;
    };
    let list = |a: Option<&Answer>| match a {
        Some(Answer::Value(Value::List(r))) => r.clone(),
        _ => Vec::new(),
    };
    let reference = list(ran.reference.answer.as_ref());
    let decision = ran.decision.as_ref();
    let yours = match (&ran.learner.answer, decision) {
        (Some(a), _) => list(Some(a)),
        (None, Some(d)) => list(d.wrong.as_ref()),
        (None, None) => Vec::new(),
    };
    let label = ran.learner.failure.as_ref().map_or("", |(v, _)| v.label());
    let got = report::calls::Got {
        results: &yours,
        failed: decision.and_then(|d| d.call),
        label,
    };
    Some(report::calls::table(
        &design.type_name,
        &design.methods,
        calls,
        &reference,
        Some(got),
    ))
}

/// The checker, as the statement would name it.
fn checker(kata: &Kata) -> String {
    match kata.check.mode {
        CheckMode::Exact => "exact".to_string(),
        CheckMode::Float => format!("float, tolerance {:e}", kata.check.tolerance),
        CheckMode::Unordered => "unordered".to_string(),
    }
}

fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Value(v) => v.compact(),
        Answer::Text(t) => t.trim_end().to_string(),
    }
}

fn ms(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The input as the learner gave it: `name = value` lines, or the stdin text.
fn input_lines(kata: &Kata, input: &Input) -> Vec<String> {
    match (input, kata.signature()) {
        (Input::Args(values), Some(sig)) => sig
            .params
            .iter()
            .zip(values)
            .map(|(p, v)| format!("{} = {}", p.name, v.compact()))
            .collect(),
        (Input::Stdin(text), _) => text.lines().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

fn human(kata: &Kata, input: &Input, ran: &InputReport, c: Color) -> String {
    let mut s = report::human::heading(&kata.title, kata.id.as_str(), c);
    if let Some(table) = calls_table(kata, input, ran) {
        let heading = "your calls (expected: the reference's results; got: yours):";
        writeln!(s, "{}", c.paint(Style::Strong, heading)).unwrap();
        for line in report::human::printable(&table, false).lines() {
            writeln!(s, "    {line}").unwrap();
        }
        if let Some((v, why)) = &ran.learner.failure {
            writeln!(
                s,
                "\n{} {v}: {}",
                c.paint(Style::Strong, "yours:"),
                report::human::printable(why, false)
            )
            .unwrap();
        }
        return finish(kata, ran, s, c);
    }
    writeln!(s, "{}", c.paint(Style::Strong, "your input:")).unwrap();
    for line in input_lines(kata, input) {
        writeln!(s, "    {line}").unwrap();
    }
    // The reference's panic message would quote its source: only its verdict is shown.
    let shown = |r: &Ran| match (&r.answer, &r.failure) {
        (Some(a), _) => (answer_text(a), None),
        (None, Some((v, _))) if std::ptr::eq(r, &ran.reference) => {
            (v.to_string(), Some(Style::Bad))
        }
        (None, Some((v, why))) => (format!("{v}: {why}"), Some(Style::Bad)),
        (None, None) => (String::new(), None),
    };
    let width = [&ran.reference, &ran.learner]
        .iter()
        .map(|r| shown(r).0.lines().next().unwrap_or("").chars().count())
        .max()
        .unwrap_or(0);
    let row = |s: &mut String, who: &str, r: &Ran| {
        let (what, style) = shown(r);
        let time = c.paint(Style::Dim, format!("{:.1} ms", ms(r.time)));
        let mut lines = what.lines();
        let first = format!("{:width$}", lines.next().unwrap_or(""));
        let first = style.map_or(first.clone(), |st| c.paint(st, &first));
        writeln!(s, "{who:>10}  {first}  {time}").unwrap();
        for l in lines {
            writeln!(s, "{:>10}  {l}", "").unwrap();
        }
    };
    writeln!(s).unwrap();
    row(&mut s, "reference", &ran.reference);
    row(&mut s, "yours", &ran.learner);
    finish(kata, ran, s, c)
}

/// Your output and the checker's verdict, after the answers.
fn finish(kata: &Kata, ran: &InputReport, mut s: String, c: Color) -> String {
    if !ran.learner.output.trim().is_empty() {
        writeln!(s, "\n{}", c.paint(Style::Strong, "your output:")).unwrap();
        for l in ran.learner.output.lines() {
            writeln!(s, "    {l}").unwrap();
        }
    }
    let verdict = match ran.verdict {
        Some(Verdict::Accepted) => format!(
            "{} the checker ({}) accepts your answer",
            c.pass_fail(true),
            checker(kata)
        ),
        Some(v) if ran.learner.failure.is_some() => format!(
            "{} {v}: your program ended without an answer",
            c.pass_fail(false)
        ),
        Some(v) => format!(
            "{} {v}: the checker ({}) does not accept your answer",
            c.pass_fail(false),
            checker(kata)
        ),
        None => format!(
            "{} no reference answer to judge yours by",
            c.pass_fail(false)
        ),
    };
    writeln!(s, "\n{verdict}").unwrap();
    s.trim_end().to_string()
}

/// `kata run --json`: these structs are the schema.
#[derive(Serialize)]
struct RunJson<'a> {
    kata: &'a str,
    /// `name = value` lines, or the stdin text's lines.
    input: Vec<String>,
    reference: RanJson,
    yours: RanJson,
    /// The checker's verdict on your answer; `null` when the reference has none.
    verdict: Option<Verdict>,
    /// A design kata's calls as a table (call, the reference's result, yours), up to the
    /// first where they differ; `null` for other katas.
    calls: Option<String>,
}

#[derive(Serialize)]
struct RanJson {
    /// The answer, compact; `null` when the program did not end normally.
    answer: Option<String>,
    /// How it ended when not normally, or `null`.
    failure: Option<Verdict>,
    message: Option<String>,
    time_ms: f64,
    /// What it printed (a function kata's debugging output).
    output: String,
}

fn json(kata: &Kata, input: &Input, ran: &InputReport) -> String {
    let one = |r: &Ran, own: bool| RanJson {
        answer: r.answer.as_ref().map(answer_text),
        failure: r.failure.as_ref().map(|(v, _)| *v),
        // The reference's panic message would quote its source.
        message: r
            .failure
            .as_ref()
            .filter(|_| own)
            .map(|(_, why)| why.clone()),
        time_ms: ms(r.time),
        output: r.output.clone(),
    };
    serde_json::to_string(&RunJson {
        kata: kata.id.as_str(),
        input: input_lines(kata, input),
        reference: one(&ran.reference, false),
        yours: one(&ran.learner, true),
        verdict: ran.verdict,
        calls: calls_table(kata, input, ran),
    })
    .expect("serializes")
}
