//! Comparing an answer with the expected one: `exact`, `float` (absolute-or-relative
//! tolerance, NaN never matches) and `unordered` (multisets down to a declared depth), and
//! stdout text with trailing white space ignored.

use crate::kata::{Check, CheckMode};
use crate::value::{call_parts, Value};
use std::cmp::Ordering;

/// Whether `actual` is an accepted answer when `expected` is.
pub fn values_match(expected: &Value, actual: &Value, check: &Check) -> bool {
    let tolerance = match check.mode {
        CheckMode::Exact => None,
        CheckMode::Float | CheckMode::Unordered => Some(check.tolerance),
    };
    if check.mode == CheckMode::Unordered {
        let e = canonical(expected, check.depth);
        let a = canonical(actual, check.depth);
        same(&e, &a, tolerance)
    } else {
        same(expected, actual, tolerance)
    }
}

/// The first of a design test's calls whose result is wrong (or missing), each judged with
/// `check` on its own; `None` when every result matches.
pub fn first_wrong_call(expected: &[Value], actual: &[Value], check: &Check) -> Option<usize> {
    let wrong = expected.iter().zip(actual).position(|(e, a)| {
        let ((ei, ev), (ai, av)) = (call_parts(e), call_parts(a));
        ei != ai
            || ev.len() != av.len()
            || ev.iter().zip(av).any(|(e, a)| !values_match(e, a, check))
    });
    wrong.or((actual.len() != expected.len()).then(|| actual.len().min(expected.len())))
}

fn same(e: &Value, a: &Value, tol: Option<f64>) -> bool {
    match (e, a) {
        (Value::Float(x), Value::Float(y)) => match tol {
            None => x == y,
            Some(t) => floats_close(*x, *y, t),
        },
        (Value::List(xs), Value::List(ys)) | (Value::Tuple(xs), Value::Tuple(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y, tol))
        }
        (Value::Option(x), Value::Option(y)) => match (x, y) {
            (None, None) => true,
            (Some(x), Some(y)) => same(x, y, tol),
            _ => false,
        },
        _ => e == a,
    }
}

/// Where `actual` first departs from `expected`, for a reason line under a long diff:
/// `at [2][5]: expected 3, got 4`, or a length that differs. `None` when they match, or
/// for `unordered`, where positions mean nothing.
pub fn first_difference(expected: &Value, actual: &Value, check: &Check) -> Option<String> {
    if check.mode == CheckMode::Unordered || values_match(expected, actual, check) {
        return None;
    }
    let mut path = String::new();
    let (mut e, mut a) = (expected, actual);
    loop {
        match (e, a) {
            (Value::List(xs), Value::List(ys)) | (Value::Tuple(xs), Value::Tuple(ys)) => {
                let Some(i) = xs
                    .iter()
                    .zip(ys)
                    .position(|(x, y)| !values_match(x, y, check))
                else {
                    return Some(format!(
                        "{}length {} expected, got {}",
                        if path.is_empty() {
                            String::new()
                        } else {
                            format!("at {path}: ")
                        },
                        xs.len(),
                        ys.len()
                    ));
                };
                path.push_str(&format!("[{i}]"));
                (e, a) = (&xs[i], &ys[i]);
            }
            _ => {
                let show = |v: &Value| crate::value::truncate_text(&v.compact(), 200);
                return Some(format!("at {path}: expected {}, got {}", show(e), show(a)));
            }
        }
    }
}

/// `|a - e| <= tol` or `|a - e| <= tol * |e|`; infinities must be equal; NaN never matches.
pub fn floats_close(expected: f64, actual: f64, tol: f64) -> bool {
    if expected.is_nan() || actual.is_nan() {
        return false;
    }
    if expected.is_infinite() || actual.is_infinite() {
        return expected == actual;
    }
    let diff = (expected - actual).abs();
    diff <= tol || diff <= tol * expected.abs()
}

/// Sorts lists down to `depth` levels so that multisets compare item by item.
fn canonical(v: &Value, depth: usize) -> Value {
    match v {
        Value::List(items) if depth > 0 => {
            let mut items: Vec<Value> = items.iter().map(|x| canonical(x, depth - 1)).collect();
            items.sort_by(order);
            Value::List(items)
        }
        _ => v.clone(),
    }
}

/// A total order over values of one type.
fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.total_cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Char(x), Value::Char(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::List(xs), Value::List(ys)) | (Value::Tuple(xs), Value::Tuple(ys)) => xs
            .iter()
            .zip(ys)
            .map(|(x, y)| order(x, y))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| xs.len().cmp(&ys.len())),
        (Value::Option(x), Value::Option(y)) => match (x, y) {
            (Some(x), Some(y)) => order(x, y),
            _ => x.is_some().cmp(&y.is_some()),
        },
        _ => Ordering::Equal,
    }
}

/// Stdout comparison: trailing white space at line ends and trailing empty lines ignored.
pub fn stdout_matches(expected: &str, actual: &str) -> bool {
    normalize_stdout(expected) == normalize_stdout(actual)
}

pub fn normalize_stdout(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(mode: CheckMode, depth: usize) -> Check {
        Check {
            mode,
            tolerance: 1e-6,
            depth,
        }
    }

    fn words(groups: &[&[&str]]) -> Value {
        Value::List(
            groups
                .iter()
                .map(|g| Value::List(g.iter().map(|w| Value::Str(w.to_string())).collect()))
                .collect(),
        )
    }

    #[test]
    fn float_tolerance_is_absolute_or_relative() {
        assert!(floats_close(1.0, 1.0 + 1e-7, 1e-6));
        assert!(floats_close(1e9, 1e9 + 100.0, 1e-6));
        assert!(!floats_close(1.0, 1.001, 1e-6));
        assert!(!floats_close(f64::NAN, f64::NAN, 1e-6));
        assert!(floats_close(f64::INFINITY, f64::INFINITY, 1e-6));
        assert!(!floats_close(f64::INFINITY, 1e300, 1e-6));
    }

    #[test]
    fn exact_mode_compares_floats_exactly() {
        let c = check(CheckMode::Exact, 1);
        assert!(!values_match(
            &Value::Float(0.1),
            &Value::Float(0.1000001),
            &c
        ));
        let c = check(CheckMode::Float, 1);
        assert!(values_match(
            &Value::Float(0.1),
            &Value::Float(0.1000001),
            &c
        ));
        assert!(!values_match(
            &Value::Float(f64::NAN),
            &Value::Float(f64::NAN),
            &c
        ));
    }

    #[test]
    fn unordered_compares_multisets_to_the_declared_depth() {
        let e = words(&[&["eat", "tea"], &["bat"]]);
        let a = words(&[&["bat"], &["tea", "eat"]]);
        assert!(values_match(&e, &a, &check(CheckMode::Unordered, 2)));
        assert!(!values_match(&e, &a, &check(CheckMode::Unordered, 1)));
        // Multiplicity counts.
        let e = words(&[&["a", "a"]]);
        let a = words(&[&["a"]]);
        assert!(!values_match(&e, &a, &check(CheckMode::Unordered, 2)));
    }

    #[test]
    fn the_first_difference_is_located() {
        let c = check(CheckMode::Exact, 1);
        let e = Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        let a = Value::List(vec![Value::Int(1), Value::Int(5), Value::Int(3)]);
        assert_eq!(
            first_difference(&e, &a, &c).unwrap(),
            "at [1]: expected 2, got 5"
        );
        let short = Value::List(vec![Value::Int(1)]);
        assert_eq!(
            first_difference(&e, &short, &c).unwrap(),
            "length 3 expected, got 1"
        );
        assert_eq!(first_difference(&e, &e, &c), None);
    }

    #[test]
    fn stdout_ignores_trailing_white_space() {
        assert!(stdout_matches("1 2\n3\n", "1 2   \n3"));
        assert!(stdout_matches("x", "x\n\n"));
        assert!(!stdout_matches("1 2", " 1 2"));
        assert!(!stdout_matches("a\nb", "a\n\nb"));
    }
}
