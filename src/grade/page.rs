//! `report.html`: the class on one self-contained page (styles inline, no script, nothing
//! fetched): a student × kata heat map of verdicts, the verdicts of each kata, the slowest
//! and the most failed tests, the alike pairs with their shared lines, the files not graded,
//! and a section per student.

use super::class::State;
use super::similarity::Pair;
use super::store::{Graded, Grades};
use super::table::{lines, Mark};
use crate::verdict::Verdict;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Rows of the slowest and most-failed tables.
const TOP: usize = 10;

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1180px;padding:1.5em;color:#1d2330;background:#fff}
h1{margin:.2em 0}h2{margin-top:2em;border-bottom:2px solid #e3e6ee;padding-bottom:.2em}
.facts{color:#5b6475}nav a{margin-right:1em}
table{border-collapse:collapse;margin:.6em 0}th,td{padding:.3em .6em;text-align:left;border-bottom:1px solid #eceef3}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.heat td.cell{text-align:center;font-weight:600;min-width:3.2em;border:2px solid #fff;color:#fff}
.v-accepted{background:#2e9d55}.v-wrong_answer{background:#d8443c}.v-time_limit_exceeded{background:#e8892b}
.v-memory_limit_exceeded{background:#8e5bd0}.v-runtime_error{background:#a62a5c}.v-output_limit_exceeded{background:#8a6a3b}
.v-compile_error{background:#4b6fa8}.v-not_submitted{background:#d5d9e2;color:#5b6475!important}.v-unreadable{background:#e7c23a;color:#1d2330!important}
.legend span{display:inline-block;padding:.1em .5em;margin:.15em;border-radius:3px;color:#fff;font-size:13px}
.bar{display:flex;width:340px;height:16px;border-radius:3px;overflow:hidden}.bar span{display:block;height:100%}
pre{background:#f5f6f9;padding:.6em;overflow-x:auto;font-size:13px;line-height:1.35}
.code{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1em}.code pre{margin:0}
.shared{background:#ffe58a}.ln{color:#9aa1af;user-select:none;display:inline-block;width:2.5em}
.flag{color:#b3261e;font-weight:700}.student{border-top:1px solid #e3e6ee;margin-top:1.4em}
details{margin:.8em 0}summary{cursor:pointer}
"#;

/// The whole page.
pub fn render(g: &Grades) -> String {
    let class = &g.class;
    let problems: Vec<_> = class.problems().collect();
    let mut h = String::new();
    write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Class report: {} students, {} katas</title><style>{STYLE}</style></head><body>\n",
        class.students.len(),
        class.katas.len()
    )
    .unwrap();
    let solved = g
        .results
        .values()
        .filter(|r| r.verdict == Verdict::Accepted)
        .count();
    writeln!(
        h,
        "<header><h1>Class report</h1><p class=\"facts\" id=\"facts\">{} students · {} katas · \
         {} files judged, {} accepted · {} files not graded · {} flagged as alike</p>\
         <nav><a href=\"#heatmap\">At a glance</a><a href=\"#distribution\">Verdicts per kata</a>\
         <a href=\"#slowest\">Slowest tests</a><a href=\"#most-failed\">Most failed tests</a>\
         <a href=\"#similarity\">Similar files</a><a href=\"#students\">Students</a></nav></header>",
        class.students.len(),
        class.katas.len(),
        g.results.len(),
        solved,
        problems.len(),
        match g.pairs.iter().filter(|p| p.flagged).count() {
            1 => "1 pair".to_string(),
            n => format!("{n} pairs"),
        }
    )
    .unwrap();
    heat_map(g, &mut h);
    distribution(g, &mut h);
    slowest(g, &mut h);
    most_failed(g, &mut h);
    similar(&g.pairs, &mut h);
    h.push_str("<section id=\"not-graded\"><h2>Files not graded</h2>");
    if problems.is_empty() {
        h.push_str("<p>None.</p>");
    } else {
        h.push_str("<ul>");
        for (f, why) in &problems {
            writeln!(
                h,
                "<li><code>{}/{}</code>: {}</li>",
                esc(&f.student),
                esc(&f.file),
                esc(why)
            )
            .unwrap();
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>\n<section id=\"students\"><h2>Students</h2>");
    for (i, s) in class.students.iter().enumerate() {
        student(g, i, s, &mut h);
    }
    h.push_str("</section>\n</body></html>\n");
    h
}

fn short(m: Mark) -> &'static str {
    match m {
        Mark::Judged(Verdict::Accepted) => "AC",
        Mark::Judged(Verdict::WrongAnswer) => "WA",
        Mark::Judged(Verdict::TimeLimitExceeded) => "TLE",
        Mark::Judged(Verdict::MemoryLimitExceeded) => "MLE",
        Mark::Judged(Verdict::RuntimeError) => "RE",
        Mark::Judged(Verdict::OutputLimitExceeded) => "OLE",
        Mark::Judged(Verdict::CompileError) => "CE",
        Mark::NotSubmitted => "—",
        Mark::Unreadable => "?",
    }
}

const MARKS: [Mark; 9] = [
    Mark::Judged(Verdict::Accepted),
    Mark::Judged(Verdict::WrongAnswer),
    Mark::Judged(Verdict::TimeLimitExceeded),
    Mark::Judged(Verdict::MemoryLimitExceeded),
    Mark::Judged(Verdict::RuntimeError),
    Mark::Judged(Verdict::OutputLimitExceeded),
    Mark::Judged(Verdict::CompileError),
    Mark::Unreadable,
    Mark::NotSubmitted,
];

fn heat_map(g: &Grades, h: &mut String) {
    h.push_str("<section id=\"heatmap\"><h2>At a glance</h2><table class=\"heat\"><thead><tr><th>student</th>");
    for k in &g.class.katas {
        write!(h, "<th title=\"{}\">{}</th>", esc(&k.title), esc(&k.id)).unwrap();
    }
    h.push_str(
        "<th class=\"num\">solved</th><th class=\"num\">tests passed</th></tr></thead><tbody>\n",
    );
    for (i, s) in g.class.students.iter().enumerate() {
        write!(h, "<tr><th><a href=\"#student-{i}\">{}</a></th>", esc(s)).unwrap();
        for k in &g.class.katas {
            let m = g.mark(s, &k.id);
            let tests = g
                .results
                .get(&(s.clone(), k.id.clone()))
                .map(|r| format!(", {}/{} tests", r.passed, r.total))
                .unwrap_or_default();
            write!(
                h,
                "<td class=\"cell v-{}\" data-kata=\"{}\" title=\"{}: {}{tests}\">{}</td>",
                m.as_str(),
                esc(&k.id),
                esc(&k.id),
                m.label(),
                short(m)
            )
            .unwrap();
        }
        let (solved, passed, total) = g.totals(s);
        writeln!(
            h,
            "<td class=\"num\">{solved}/{}</td><td class=\"num\">{passed}/{total}</td></tr>",
            g.class.katas.len()
        )
        .unwrap();
    }
    h.push_str("</tbody></table><p class=\"legend\">");
    for m in MARKS {
        write!(
            h,
            "<span class=\"v-{}\">{} {}</span>",
            m.as_str(),
            short(m),
            m.label()
        )
        .unwrap();
    }
    h.push_str("</p></section>\n");
}

fn distribution(g: &Grades, h: &mut String) {
    h.push_str("<section id=\"distribution\"><h2>Verdicts per kata</h2><table><thead><tr><th>kata</th><th></th>");
    for m in MARKS {
        write!(
            h,
            "<th class=\"num\" title=\"{}\">{}</th>",
            m.label(),
            short(m)
        )
        .unwrap();
    }
    h.push_str("</tr></thead><tbody>\n");
    let n = g.class.students.len().max(1);
    for k in &g.class.katas {
        let counts: Vec<usize> = MARKS
            .iter()
            .map(|m| {
                g.class
                    .students
                    .iter()
                    .filter(|s| g.mark(s, &k.id) == *m)
                    .count()
            })
            .collect();
        write!(
            h,
            "<tr data-kata=\"{}\"><th>{}</th><td><div class=\"bar\">",
            esc(&k.id),
            esc(&k.id)
        )
        .unwrap();
        for (m, c) in MARKS.iter().zip(&counts).filter(|(_, c)| **c > 0) {
            write!(
                h,
                "<span class=\"v-{}\" style=\"width:{:.2}%\" title=\"{}: {c}\"></span>",
                m.as_str(),
                100.0 * *c as f64 / n as f64,
                m.label()
            )
            .unwrap();
        }
        h.push_str("</div></td>");
        for c in counts {
            write!(h, "<td class=\"num\">{c}</td>").unwrap();
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></section>\n");
}

/// Every (student, kata, result), in roster order.
fn each(g: &Grades) -> impl Iterator<Item = (&str, &str, &Graded)> {
    g.results
        .iter()
        .map(|((s, k), r)| (s.as_str(), k.as_str(), r))
}

fn slowest(g: &Grades, h: &mut String) {
    let mut runs: Vec<(f64, &str, &str, &str, Verdict)> = each(g)
        .flat_map(|(s, k, r)| {
            r.tests
                .iter()
                .map(move |t| (t.time_ms, k, t.name.as_str(), s, t.verdict))
        })
        .collect();
    runs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then((a.1, a.2, a.3).cmp(&(b.1, b.2, b.3)))
    });
    h.push_str("<section id=\"slowest\"><h2>Slowest tests</h2><p>CPU time of each run, the slowest first.</p>\
                <table><thead><tr><th class=\"num\">CPU ms</th><th>kata</th><th>test</th><th>student</th><th>verdict</th></tr></thead><tbody>\n");
    for (ms, k, t, s, v) in runs.into_iter().take(TOP) {
        writeln!(
            h,
            "<tr><td class=\"num\">{ms:.1}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"v-{}\" style=\"color:#fff\">{}</td></tr>",
            esc(k),
            esc(t),
            esc(s),
            v.as_str(),
            v.label()
        )
        .unwrap();
    }
    h.push_str("</tbody></table></section>\n");
}

fn most_failed(g: &Grades, h: &mut String) {
    // (kata, test) → (failed, run, who failed)
    let mut tally: BTreeMap<(&str, &str), (usize, usize, Vec<&str>)> = BTreeMap::new();
    for (s, k, r) in each(g) {
        for t in &r.tests {
            let e = tally.entry((k, &t.name)).or_default();
            e.1 += 1;
            if t.verdict != Verdict::Accepted {
                e.0 += 1;
                e.2.push(s);
            }
        }
    }
    let mut rows: Vec<_> = tally.into_iter().filter(|(_, v)| v.0 > 0).collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    h.push_str("<section id=\"most-failed\"><h2>Most failed tests</h2><table><thead><tr><th>kata</th><th>test</th>\
                <th class=\"num\">failed</th><th>by</th></tr></thead><tbody>\n");
    if rows.is_empty() {
        h.push_str("<tr><td colspan=\"4\">No test failed.</td></tr>");
    }
    for ((k, t), (failed, run, who)) in rows.into_iter().take(TOP) {
        writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{failed}/{run}</td><td>{}</td></tr>",
            esc(k),
            esc(t),
            esc(&who.join(", "))
        )
        .unwrap();
    }
    h.push_str("</tbody></table></section>\n");
}

fn similar(pairs: &[Pair], h: &mut String) {
    h.push_str("<section id=\"similarity\"><h2>Similar files</h2><p>Pairs of files for the same kata that share \
                token sequences once names, literals, comments and layout are set aside (the starter and \
                what most of the class shares do not count), most alike first. Shared lines are marked.</p>");
    if pairs.is_empty() {
        h.push_str("<p>No pair of files is alike.</p>");
    }
    for p in pairs {
        write!(
            h,
            "<details class=\"pair\" data-kata=\"{}\" data-a=\"{}\" data-b=\"{}\"{}><summary>{}<b>{}%</b> \
             <code>{}</code>: {} and {} ({} shared fingerprints; lines {} and {})</summary><div class=\"code\">",
            esc(&p.kata),
            esc(&p.a),
            esc(&p.b),
            if p.flagged { " open" } else { "" },
            if p.flagged { "<span class=\"flag\">flagged</span> " } else { "" },
            p.similarity,
            esc(&p.kata),
            esc(&p.a),
            esc(&p.b),
            p.shared,
            lines(&p.lines_a),
            lines(&p.lines_b)
        )
        .unwrap();
        code(&p.a, &p.source_a, &p.lines_a, h);
        code(&p.b, &p.source_b, &p.lines_b, h);
        h.push_str("</div></details>\n");
    }
    h.push_str("</section>\n");
}

fn code(who: &str, text: &str, shared: &[(usize, usize)], h: &mut String) {
    write!(h, "<div><b>{}</b><pre>", esc(who)).unwrap();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let mark = shared.iter().any(|&(a, b)| a <= n && n <= b);
        writeln!(
            h,
            "<span{}><span class=\"ln\">{n}</span>{}</span>",
            if mark { " class=\"shared\"" } else { "" },
            esc(line)
        )
        .unwrap();
    }
    h.push_str("</pre></div>");
}

fn student(g: &Grades, i: usize, s: &str, h: &mut String) {
    let (solved, passed, total) = g.totals(s);
    write!(
        h,
        "<section class=\"student\" id=\"student-{i}\"><h3>{}</h3><p>{solved} of {} katas solved · {passed}/{total} tests passed</p>\
         <table><thead><tr><th>kata</th><th>verdict</th><th class=\"num\">tests</th><th>failing tests</th></tr></thead><tbody>",
        esc(s),
        g.class.katas.len()
    )
    .unwrap();
    let mut diagnostics = Vec::new();
    for k in &g.class.katas {
        let m = g.mark(s, &k.id);
        let r = g.results.get(&(s.to_string(), k.id.clone()));
        let tests = r
            .map(|r| format!("{}/{}", r.passed, r.total))
            .unwrap_or_default();
        let mut failing = String::new();
        if let Some(r) = r {
            for t in r.tests.iter().filter(|t| t.verdict != Verdict::Accepted) {
                write!(
                    failing,
                    "<div>{}{}: {}{}</div>",
                    if t.sample { "sample " } else { "" },
                    esc(&t.name),
                    t.verdict.label(),
                    t.message
                        .as_deref()
                        .map(|m| format!(" — {}", esc(m)))
                        .unwrap_or_default()
                )
                .unwrap();
            }
            if let Some(msg) = &r.message {
                diagnostics.push((k.id.as_str(), msg.as_str()));
            }
        }
        if let Some(super::class::Handed {
            state: State::Unreadable { why },
            ..
        }) = g.class.handed(s, &k.id)
        {
            failing = esc(why);
        }
        write!(
            h,
            "<tr><td>{}</td><td class=\"v-{}\" style=\"color:#fff\">{}</td><td class=\"num\">{tests}</td><td>{failing}</td></tr>",
            esc(&k.id),
            m.as_str(),
            m.label()
        )
        .unwrap();
    }
    h.push_str("</tbody></table>");
    for (k, msg) in diagnostics {
        write!(
            h,
            "<p>Compiler output for <code>{}</code>:</p><pre>{}</pre>",
            esc(k),
            esc(msg)
        )
        .unwrap();
    }
    h.push_str("</section>\n");
}

/// Text made safe inside HTML elements and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
