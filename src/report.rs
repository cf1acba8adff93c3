//! Rendering a judge report: for people (one line a test, then the first failure's input,
//! diff, output and the verdict) and as `--json` (exercism's results.json version 2, plus the
//! judge's own fields). Both render the same `Report`.

use crate::judge::{Report, TestReport};
use crate::kata::Reveal;
use crate::verdict::Verdict;
use colored::Colorize;
use serde_json::json;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write as _;

/// A kata's heading line, `Title (id)`, with its newline.
pub fn heading(title: &str, id: &str) -> String {
    format!("{} {}\n", title.bold(), format!("({id})").dimmed())
}

/// The human report. `all_failures`: show the detail of every failing test (`kata test`),
/// not only the first.
pub fn human(report: &Report, all_failures: bool) -> String {
    let mut s = heading(&report.title, report.kata.as_str());
    if let Some(diag) = &report.compile_output {
        // rustc's own colours stay; anything else the learner's source smuggles in does not.
        writeln!(s, "{}", printable(diag.trim_end(), true)).unwrap();
        writeln!(s).unwrap();
        writeln!(s, "{}", verdict_line(report)).unwrap();
        return s;
    }
    let width = report
        .tests
        .iter()
        .map(|t| display_name(t).chars().count())
        .max()
        .unwrap_or(0);
    for t in &report.tests {
        let mark = if t.verdict == Verdict::Accepted {
            "✓".green().bold()
        } else {
            "✗".red().bold()
        };
        let name = display_name(t);
        let pad = " ".repeat(width - name.chars().count());
        let time = format!("{:>8.1} ms", t.time.as_secs_f64() * 1000.0);
        let mut line = format!("  {mark} {name}{pad}  {}", time.dimmed());
        if t.verdict != Verdict::Accepted {
            write!(line, "  {}", t.verdict.label().red()).unwrap();
        }
        writeln!(s, "{line}").unwrap();
    }
    let failures = report
        .tests
        .iter()
        .filter(|t| t.verdict != Verdict::Accepted);
    for (i, t) in failures.enumerate() {
        if i > 0 && !all_failures {
            break;
        }
        writeln!(s).unwrap();
        failure(&mut s, t, report.reveal);
    }
    writeln!(s).unwrap();
    writeln!(s, "{}", verdict_line(report)).unwrap();
    s
}

fn display_name(t: &TestReport) -> String {
    if t.sample || t.name.starts_with("sample") {
        t.name.clone()
    } else {
        format!("hidden: {}", t.name)
    }
}

fn failure(s: &mut String, t: &TestReport, reveal: Reveal) {
    writeln!(
        s,
        "{} {}",
        "──".dimmed(),
        format!("{} — {}", display_name(t), t.verdict.label()).bold()
    )
    .unwrap();
    match &t.detail {
        Some(d) => {
            writeln!(s, "{}", "input:".bold()).unwrap();
            writeln!(s, "{}", indent(&printable(&d.input, false))).unwrap();
            match &d.actual {
                Some(actual) => {
                    writeln!(
                        s,
                        "{} ({} expected, {} yours):",
                        "diff".bold(),
                        "-".red(),
                        "+".green()
                    )
                    .unwrap();
                    s.push_str(&diff(
                        &printable(&d.expected, false),
                        &printable(actual, false),
                    ));
                }
                None => {
                    writeln!(s, "{}", "expected:".bold()).unwrap();
                    writeln!(s, "{}", indent(&printable(&d.expected, false))).unwrap();
                }
            }
        }
        None if !t.sample && reveal == Reveal::Samples => {
            writeln!(
                s,
                "{}",
                "(a hidden test: its input and answer stay secret)".dimmed()
            )
            .unwrap();
        }
        None => {}
    }
    if let Some(reason) = &t.reason {
        writeln!(s, "{} {}", "reason:".bold(), printable(reason, false)).unwrap();
    }
    if !t.output.trim().is_empty() {
        writeln!(s, "{}", "your output:".bold()).unwrap();
        writeln!(s, "{}", indent(&printable(t.output.trim_end(), false))).unwrap();
    }
}

/// Text from the learner's program made safe for a terminal: control characters (escape
/// sequences that could move the cursor, clear the screen or fake a verdict) are shown as
/// `\u{1b}`-style escapes. Tabs and newlines stay; with `keep_colors`, so do SGR colour
/// sequences (`ESC [ digits ; ... m`), which rustc's coloured diagnostics are made of.
pub fn printable(text: &str, keep_colors: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' && keep_colors {
            let sgr_len = rest[1..]
                .strip_prefix('[')
                .and_then(|r| r.find('m').map(|m| (r, m)))
                .filter(|(r, m)| r[..*m].chars().all(|c| c.is_ascii_digit() || c == ';'))
                .map(|(_, m)| m + 3);
            if let Some(len) = sgr_len {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A line diff of expected against actual, `-` expected, `+` yours.
pub fn diff(expected: &str, actual: &str) -> String {
    let expected = format!("{expected}\n");
    let actual = format!("{actual}\n");
    let diff = TextDiff::from_lines(&expected, &actual);
    let mut s = String::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n');
        let text = match change.tag() {
            ChangeTag::Delete => format!("  - {line}").red().to_string(),
            ChangeTag::Insert => format!("  + {line}").green().to_string(),
            ChangeTag::Equal => format!("    {line}"),
        };
        s.push_str(&text);
        s.push('\n');
    }
    s
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn verdict_line(report: &Report) -> String {
    let v = report.verdict.as_str();
    let v = if report.verdict == Verdict::Accepted {
        v.green().bold()
    } else {
        v.red().bold()
    };
    if report.verdict == Verdict::CompileError {
        return format!("{v}: fix the errors above and submit again");
    }
    let what = if report.samples_only {
        "samples"
    } else {
        "tests"
    };
    let cached = if report.cached {
        " (this file was judged before: results and times are from that run)"
    } else {
        ""
    };
    format!(
        "{v}: {}/{} {what} passed{}",
        report.passed(),
        report.tests.len(),
        cached.dimmed()
    )
}

fn test_status(v: Verdict) -> &'static str {
    match v {
        Verdict::Accepted => "pass",
        Verdict::WrongAnswer => "fail",
        _ => "error",
    }
}

/// The `--json` object when no report could be made (bad input, broken environment).
pub fn json_error(message: &str) -> serde_json::Value {
    json!({
        "version": 2,
        "status": "error",
        "message": message,
        "kata": null,
        "verdict": null,
        "passed": 0,
        "total": 0,
        "tests": [],
    })
}

/// The `--json` report.
pub fn json(report: &Report, warnings: &[String]) -> serde_json::Value {
    let status = match report.verdict {
        Verdict::Accepted => "pass",
        Verdict::CompileError => "error",
        _ => "fail",
    };
    let tests: Vec<serde_json::Value> = report
        .tests
        .iter()
        .map(|t| {
            let message = match (&t.detail, &t.reason) {
                (_, Some(r)) => Some(r.clone()),
                (Some(d), None) => d
                    .actual
                    .as_ref()
                    .map(|a| format!("expected {}, got {}", d.expected, a)),
                (None, None) if t.verdict != Verdict::Accepted => {
                    Some(t.verdict.label().to_string())
                }
                _ => None,
            };
            json!({
                "name": t.name,
                "status": test_status(t.verdict),
                "verdict": t.verdict,
                "time_ms": (t.time.as_secs_f64() * 1e4).round() / 10.0,
                "message": message,
                "output": (!t.output.is_empty()).then_some(&t.output),
                "sample": t.sample,
            })
        })
        .collect();
    json!({
        "version": 2,
        "status": status,
        "message": report.compile_output,
        "kata": report.kata,
        "verdict": report.verdict,
        "passed": report.passed(),
        "total": report.tests.len(),
        "tests": tests,
        "cached": report.cached,
        "warnings": warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_from_the_program_are_escaped() {
        assert_eq!(
            printable("ok\x1b[2J\x1b]0;x\x07\r", false),
            "ok\\u{1b}[2J\\u{1b}]0;x\\u{7}\\u{d}"
        );
        assert_eq!(printable("a\tb\nc", false), "a\tb\nc");
        assert_eq!(
            printable("\x1b[1;31merror\x1b[0m", true),
            "\x1b[1;31merror\x1b[0m"
        );
        assert_eq!(printable("\x1b[2J", true), "\\u{1b}[2J");
    }

    #[test]
    fn the_diff_marks_expected_and_actual_lines() {
        colored::control::set_override(false);
        let d = diff("[\n  [1, 2],\n  [3, 4],\n]", "[\n  [1, 2],\n  [3, 5],\n]");
        assert!(d.contains("  -   [3, 4],"), "{d}");
        assert!(d.contains("  +   [3, 5],"), "{d}");
        assert!(d.contains("      [1, 2],"), "{d}");
    }
}
