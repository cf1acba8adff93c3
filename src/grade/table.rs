//! `grades.csv` and `similarity.csv`: one row per student (a column per kata holding its
//! verdict, then the katas solved and the tests passed), and one row per alike pair.

use super::class::{Class, State};
use super::similarity::Pair;
use super::store::Grades;
use crate::verdict::Verdict;

/// A student's mark for one kata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Judged(Verdict),
    NotSubmitted,
    Unreadable,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Judged(v) => v.as_str(),
            Mark::NotSubmitted => "not_submitted",
            Mark::Unreadable => "unreadable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mark::Judged(v) => v.label(),
            Mark::NotSubmitted => "not submitted",
            Mark::Unreadable => "unreadable",
        }
    }
}

impl Grades {
    pub fn mark(&self, student: &str, kata: &str) -> Mark {
        match self.class.handed(student, kata).map(|h| &h.state) {
            None | Some(State::UnknownKata) => Mark::NotSubmitted,
            Some(State::Unreadable { .. }) => Mark::Unreadable,
            Some(State::Submitted { .. }) => {
                Mark::Judged(self.results[&(student.to_string(), kata.to_string())].verdict)
            }
        }
    }

    /// Katas solved, tests passed, tests run.
    pub fn totals(&self, student: &str) -> (usize, usize, usize) {
        let mut t = (0, 0, 0);
        for k in &self.class.katas {
            if let Some(g) = self.results.get(&(student.to_string(), k.id.clone())) {
                t.0 += usize::from(g.verdict == Verdict::Accepted);
                t.1 += g.passed;
                t.2 += g.total;
            }
        }
        t
    }
}

pub fn grades_csv(grades: &Grades) -> String {
    let class: &Class = &grades.class;
    let mut header = vec!["student".to_string()];
    header.extend(class.katas.iter().map(|k| k.id.clone()));
    header.extend(["solved", "tests_passed", "tests_total"].map(String::from));
    let mut out = row(&header);
    for s in &class.students {
        let mut cells = vec![s.clone()];
        cells.extend(
            class
                .katas
                .iter()
                .map(|k| grades.mark(s, &k.id).as_str().to_string()),
        );
        let (solved, passed, total) = grades.totals(s);
        cells.extend([solved, passed, total].map(|n| n.to_string()));
        out.push_str(&row(&cells));
    }
    out
}

pub fn similarity_csv(pairs: &[Pair]) -> String {
    let mut out = row(&[
        "kata",
        "student_a",
        "student_b",
        "similarity_percent",
        "shared_fingerprints",
        "flagged",
        "lines_a",
        "lines_b",
    ]
    .map(String::from));
    for p in pairs {
        out.push_str(&row(&[
            p.kata.clone(),
            p.a.clone(),
            p.b.clone(),
            p.similarity.to_string(),
            p.shared.to_string(),
            p.flagged.to_string(),
            lines(&p.lines_a),
            lines(&p.lines_b),
        ]));
    }
    out
}

/// `3-9 14-20`.
pub fn lines(ranges: &[(usize, usize)]) -> String {
    ranges
        .iter()
        .map(|(a, b)| format!("{a}-{b}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One CSV line (RFC 4180): a field with a comma, quote or line break is quoted, and one
/// that a spreadsheet would take for a formula is prefixed with a quote mark.
fn row(cells: &[String]) -> String {
    let mut line = cells
        .iter()
        .map(|c| {
            let c = if c.starts_with(['=', '+', '-', '@']) {
                format!("'{c}")
            } else {
                c.clone()
            };
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let r = row(&[
            "a,b".into(),
            "say \"hi\"".into(),
            "=1+1".into(),
            "ok".into(),
        ]);
        assert_eq!(r, "\"a,b\",\"say \"\"hi\"\"\",'=1+1,ok\n");
    }
}
