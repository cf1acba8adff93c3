//! The report for people: one line a test, then the first failure's input, diff, reason and
//! output, and the verdict. Text from the program is made safe for a terminal first.

use super::{Report, TestReport};
use crate::color::{Color, Style};
use crate::kata::Reveal;
use crate::verdict::Verdict;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write as _;

/// A kata's heading line, `Title (id)`, with its newline.
pub fn heading(title: &str, id: &str, c: Color) -> String {
    format!(
        "{} {}\n",
        c.paint(Style::Strong, title),
        c.paint(Style::Dim, format!("({id})"))
    )
}

/// The report. `all_failures`: show the detail of every failing test (`kata test`), not only
/// the first.
pub fn render(report: &Report, all_failures: bool, c: Color) -> String {
    let mut s = heading(&report.title, report.kata.as_str(), c);
    if let Some(diag) = &report.compile_output {
        // rustc's own colours stay; anything else the learner's source smuggles in does not.
        writeln!(s, "{}", printable(diag.trim_end(), true)).unwrap();
        writeln!(s).unwrap();
        writeln!(s, "{}", verdict_line(report, c)).unwrap();
        return s;
    }
    let width = report
        .tests
        .iter()
        .map(|t| display_name(t).chars().count())
        .max()
        .unwrap_or(0);
    for t in &report.tests {
        let mark = c.pass_fail(t.verdict == Verdict::Accepted);
        let name = display_name(t);
        let pad = " ".repeat(width - name.chars().count());
        let time = format!("{:>8.1} ms", t.time.as_secs_f64() * 1000.0);
        let mut line = format!("  {mark} {name}{pad}  {}", c.paint(Style::Dim, time));
        if t.verdict != Verdict::Accepted {
            write!(line, "  {}", c.paint(Style::Bad, t.verdict.label())).unwrap();
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
        failure(&mut s, t, report.reveal, c);
    }
    writeln!(s).unwrap();
    writeln!(s, "{}", verdict_line(report, c)).unwrap();
    s
}

fn display_name(t: &TestReport) -> String {
    if t.sample || t.name.starts_with("sample") {
        t.name.clone()
    } else {
        format!("hidden: {}", t.name)
    }
}

fn failure(s: &mut String, t: &TestReport, reveal: Reveal, c: Color) {
    let strong = |text: &str| c.paint(Style::Strong, text);
    writeln!(
        s,
        "{} {}",
        c.paint(Style::Dim, "──"),
        strong(&format!("{} — {}", display_name(t), t.verdict.label()))
    )
    .unwrap();
    match &t.detail {
        Some(d) if d.table.is_some() => {
            writeln!(s, "{}", strong("calls:")).unwrap();
            let table = d.table.as_deref().unwrap_or_default();
            writeln!(s, "{}", indent(&printable(table, false))).unwrap();
        }
        Some(d) => {
            writeln!(s, "{}", strong("input:")).unwrap();
            writeln!(s, "{}", indent(&printable(&d.input, false))).unwrap();
            match &d.actual {
                Some(actual) => {
                    writeln!(
                        s,
                        "{} ({} expected, {} yours):",
                        strong("diff"),
                        c.paint(Style::Removed, "-"),
                        c.paint(Style::Added, "+")
                    )
                    .unwrap();
                    s.push_str(&diff(
                        &printable(&d.expected, false),
                        &printable(actual, false),
                        c,
                    ));
                }
                None => {
                    writeln!(s, "{}", strong("expected:")).unwrap();
                    writeln!(s, "{}", indent(&printable(&d.expected, false))).unwrap();
                }
            }
        }
        None if !t.sample && reveal == Reveal::Samples => {
            let note = "(a hidden test: its input and answer stay secret)";
            writeln!(s, "{}", c.paint(Style::Dim, note)).unwrap();
        }
        None => {}
    }
    if let Some(reason) = &t.reason {
        writeln!(s, "{} {}", strong("reason:"), printable(reason, false)).unwrap();
    }
    if !t.output.trim().is_empty() {
        writeln!(s, "{}", strong("your output:")).unwrap();
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
pub fn diff(expected: &str, actual: &str, c: Color) -> String {
    let expected = format!("{expected}\n");
    let actual = format!("{actual}\n");
    let diff = TextDiff::from_lines(&expected, &actual);
    let mut s = String::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches('\n');
        let text = match change.tag() {
            ChangeTag::Delete => c.paint(Style::Removed, format!("  - {line}")),
            ChangeTag::Insert => c.paint(Style::Added, format!("  + {line}")),
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

fn verdict_line(report: &Report, c: Color) -> String {
    let style = if report.verdict == Verdict::Accepted {
        Style::Good
    } else {
        Style::Bad
    };
    let v = c.paint(style, report.verdict);
    if report.verdict == Verdict::CompileError {
        return format!("{v}: fix the errors above and submit again");
    }
    let what = if report.samples_only {
        "samples"
    } else {
        "tests"
    };
    let cached = if report.cached {
        let note = " (this file was judged before: results and times are from that run)";
        c.paint(Style::Dim, note)
    } else {
        String::new()
    };
    format!(
        "{v}: {}/{} {what} passed{cached}",
        report.passed(),
        report.tests.len(),
    )
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
        let d = diff(
            "[\n  [1, 2],\n  [3, 4],\n]",
            "[\n  [1, 2],\n  [3, 5],\n]",
            Color::NEVER,
        );
        assert!(d.contains("  -   [3, 4],"), "{d}");
        assert!(d.contains("  +   [3, 5],"), "{d}");
        assert!(d.contains("      [1, 2],"), "{d}");
    }
}
