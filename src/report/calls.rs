//! A design test shown as a table of its calls: each call, its expected result and, for a
//! run, what the program returned, up to the first call that failed.

use crate::signature::Method;
use crate::value::{call_parts, truncate_text, Value};

/// Most rows of a table; a longer sequence shows its first call, then the rows that lead to
/// the one that failed.
const MAX_ROWS: usize = 24;
/// Longest cell.
const CELL_CHARS: usize = 72;

/// What a run returned, for the table's `got` column.
pub struct Got<'a> {
    /// The results of the calls that returned, in order.
    pub results: &'a [Value],
    /// The first call that failed, when known.
    pub failed: Option<usize>,
    /// What to show for a failed call that did not return (the verdict).
    pub label: &'a str,
}

/// The table of `calls` of a `type_name` with `methods`, their `expected` results and, for a
/// run, what it returned.
pub fn table(
    type_name: &str,
    methods: &[Method],
    calls: &[Value],
    expected: &[Value],
    got: Option<Got>,
) -> String {
    let n = calls.len();
    if n == 0 {
        return String::new();
    }
    // The rows to show, and whether calls are left out before the last few or after them.
    let failed = got.as_ref().and_then(|g| g.failed).map(|f| f.min(n - 1));
    let (rows, gap_after_first, more_after): (Vec<usize>, bool, usize) = match failed {
        Some(f) if f >= MAX_ROWS => {
            let start = f + 2 - MAX_ROWS;
            (std::iter::once(0).chain(start..=f).collect(), start > 1, 0)
        }
        Some(f) => ((0..=f).collect(), false, 0),
        None => (
            (0..n.min(MAX_ROWS)).collect(),
            false,
            n.saturating_sub(MAX_ROWS),
        ),
    };
    let result_text = |r: &Value| {
        let (index, value) = call_parts(r);
        match (index, value.first()) {
            (0, _) => String::new(),
            (_, Some(v)) => truncate_text(&v.compact(), CELL_CHARS),
            (_, None) => "()".to_string(),
        }
    };
    let mut header = vec!["#".to_string(), "call".into(), "expected".into()];
    if got.is_some() {
        header.push("got".into());
    }
    let mut table: Vec<Vec<String>> = vec![header];
    let mut failed_row = None;
    let mut gap_row = None;
    for (k, &i) in rows.iter().enumerate() {
        let (index, args) = call_parts(&calls[i]);
        let args: Vec<String> = args.iter().map(Value::compact).collect();
        let name = &methods[index].name;
        let call = if index == 0 {
            format!("{type_name}::{name}({})", args.join(", "))
        } else {
            format!("{name}({})", args.join(", "))
        };
        let mut row = vec![
            (i + 1).to_string(),
            truncate_text(&call, CELL_CHARS),
            expected.get(i).map(result_text).unwrap_or_default(),
        ];
        if let Some(g) = &got {
            let cell = match g.results.get(i) {
                Some(_) if index == 0 => "ok".to_string(),
                Some(r) => result_text(r),
                None if Some(i) == failed => g.label.to_string(),
                None => String::new(),
            };
            row.push(cell);
        }
        if Some(i) == failed {
            failed_row = Some(table.len());
        }
        table.push(row);
        if k == 0 && gap_after_first {
            gap_row = Some(table.len());
        }
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut lines: Vec<String> = table
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let pad = widths[c] - cell.chars().count();
                if c == 0 {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str("  ");
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                }
            }
            if Some(r) == failed_row {
                line.push_str("  ←");
            }
            line.trim_end().to_string()
        })
        .collect();
    if let Some(at) = gap_row {
        let left_out = rows[1] - 1;
        lines.insert(
            at,
            format!("   … {left_out} calls that returned what was expected"),
        );
    }
    if more_after > 0 {
        lines.push(format!("   … {more_after} more calls"));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kata::{CaseData, Kata};
    use std::path::Path;

    fn counter() -> (Kata, Vec<Value>, Vec<Value>) {
        let k = Kata::parse(
            "counter",
            Path::new("counter.toml"),
            crate::kata::tests::COUNTER,
        )
        .unwrap();
        let CaseData::Function { args, expected } = k.cases[0].data.clone() else {
            unreachable!()
        };
        let (Value::List(calls), Value::List(results)) = (args[0].clone(), expected) else {
            unreachable!()
        };
        (k, calls, results)
    }

    #[test]
    fn a_wrong_result_ends_the_table() {
        let (k, calls, expected) = counter();
        let d = k.design().unwrap();
        let mut got = expected.clone();
        got[2] = Value::Tuple(vec![Value::Int(2), Value::Int(4)]);
        let t = table(
            "Counter",
            &d.methods,
            &calls,
            &expected,
            Some(Got {
                results: &got,
                failed: Some(2),
                label: "",
            }),
        );
        assert_eq!(
            t,
            "#  call             expected  got\n\
             1  Counter::new(1)            ok\n\
             2  add(2)           ()        ()\n\
             3  get()            3         4    ←"
        );
        let t = table(
            "Counter",
            &d.methods,
            &calls,
            &expected,
            Some(Got {
                results: &got[..1],
                failed: Some(1),
                label: "runtime error",
            }),
        );
        assert!(
            t.ends_with("2  add(2)           ()        runtime error  ←"),
            "{t}"
        );
        assert!(!t.contains("get()"), "{t}");
        let t = table("Counter", &d.methods, &calls, &expected, None);
        assert!(t.starts_with("#  call             expected\n"), "{t}");
    }

    #[test]
    fn a_long_sequence_shows_the_calls_before_the_failure() {
        let (k, calls, expected) = counter();
        let d = k.design().unwrap();
        let add = calls[1].clone();
        let added = expected[1].clone();
        let mut calls = calls[..1].to_vec();
        let mut expected = expected[..1].to_vec();
        calls.extend(std::iter::repeat_n(add, 99));
        expected.extend(std::iter::repeat_n(added, 99));
        let got = Got {
            results: &expected[..80],
            failed: Some(80),
            label: "runtime error",
        };
        let t = table("Counter", &d.methods, &calls, &expected, Some(got));
        assert_eq!(t.lines().count(), 1 + MAX_ROWS + 1, "{t}");
        assert!(
            t.contains("… 57 calls that returned what was expected"),
            "{t}"
        );
        assert!(
            t.ends_with("81  add(2)           ()        runtime error  ←"),
            "{t}"
        );
        let t = table("Counter", &d.methods, &calls, &expected, None);
        assert!(t.ends_with("… 76 more calls"), "{t}");
    }
}
