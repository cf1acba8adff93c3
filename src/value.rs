//! Values passed to and returned by solutions: read from TOML, written to and read from the
//! harness's wire format, and printed the way Rust's `{:?}` would show them.
//!
//! The wire format is binary and typed by the signature on both ends (so it carries no
//! tags), little-endian throughout: an integer in its type's width (`isize`/`usize` in 8
//! bytes); a float its IEEE bits (4 or 8 bytes); a bool one byte, 0 or 1; a char its code
//! point in 4 bytes; a string its length in 8 bytes then its UTF-8 bytes; a sequence its
//! length in 8 bytes then its items; a tuple its items; an `Option` one byte, 0 or 1, then
//! the value. A design kata's calls are their count, then each call's method index (8
//! bytes) and arguments; their results the count of calls that returned, then each one's
//! method index and result (nothing for the constructor and for `()`). A harness reads a
//! million numbers of it in about a millisecond, where parsing decimal text took tens. The harness side of this format lives in `harness/kata_rt.rs`.

use crate::signature::{IntTy, Ty};
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i128),
    Float(f64),
    Bool(bool),
    Char(char),
    Str(String),
    /// `Vec<T>`, `&[T]` and `[T; N]`.
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Option(Option<Box<Value>>),
}

impl Value {
    /// Converts a TOML value to a value of type `ty` (see the README for the mapping).
    pub fn from_toml(v: &toml::Value, ty: &Ty) -> Result<Value, String> {
        use toml::Value as T;
        let mismatch = || {
            format!(
                "expected {} for `{ty}`, found {}",
                toml_shape(ty),
                describe(v)
            )
        };
        Ok(match (ty, v) {
            (Ty::Int(i), T::Integer(n)) => int_in_range(i128::from(*n), *i)?,
            (Ty::Int(i), T::String(s)) if s.parse::<i128>().is_ok() => {
                int_in_range(s.parse().unwrap(), *i)?
            }
            (Ty::F32 | Ty::F64, T::Float(x)) => Value::Float(*x),
            (Ty::F32 | Ty::F64, T::Integer(n)) => Value::Float(*n as f64),
            (Ty::Bool, T::Boolean(b)) => Value::Bool(*b),
            (Ty::Char, T::String(s)) => {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Value::Char(c),
                    _ => {
                        return Err(format!(
                            "expected a one-character string for `char`, found {s:?}"
                        ))
                    }
                }
            }
            (Ty::String, T::String(s)) => Value::Str(s.clone()),
            (Ty::Vec(elem), T::Array(items)) => Value::List(list(items, elem)?),
            (Ty::Array(elem, n), T::Array(items)) => {
                if items.len() != *n {
                    return Err(format!(
                        "expected {n} items for `{ty}`, found {}",
                        items.len()
                    ));
                }
                Value::List(list(items, elem)?)
            }
            (Ty::Tuple(tys), T::Array(items)) => {
                if items.len() != tys.len() {
                    return Err(format!(
                        "expected {} items for the tuple `{ty}`, found {}",
                        tys.len(),
                        items.len()
                    ));
                }
                Value::Tuple(
                    items
                        .iter()
                        .zip(tys)
                        .map(|(v, t)| Value::from_toml(v, t))
                        .collect::<Result<_, _>>()?,
                )
            }
            (Ty::Option(inner), T::Array(items)) => match items.as_slice() {
                [] => Value::Option(None),
                [x] => Value::Option(Some(Box::new(Value::from_toml(x, inner)?))),
                _ => return Err(format!("expected [] (None) or [value] (Some) for `{ty}`")),
            },
            _ => return Err(mismatch()),
        })
    }

    /// Appends this value, of type `ty`, in the wire format.
    pub fn encode(&self, ty: &Ty, out: &mut Vec<u8>) {
        match (self, ty) {
            (Value::Int(n), Ty::Int(i)) => out.extend_from_slice(&n.to_le_bytes()[..i.width()]),
            (Value::Float(x), Ty::F32) => out.extend_from_slice(&(*x as f32).to_le_bytes()),
            (Value::Float(x), _) => out.extend_from_slice(&x.to_le_bytes()),
            (Value::Bool(b), _) => out.push(u8::from(*b)),
            (Value::Char(c), _) => out.extend_from_slice(&u32::from(*c).to_le_bytes()),
            (Value::Str(s), _) => {
                write_len(out, s.len());
                out.extend_from_slice(s.as_bytes());
            }
            (Value::List(calls), Ty::Calls(methods)) => {
                write_len(out, calls.len());
                for call in calls {
                    let (index, args) = call_parts(call);
                    write_len(out, index);
                    for (v, p) in args.iter().zip(&methods[index].params) {
                        v.encode(&p.ty, out);
                    }
                }
            }
            (Value::List(results), Ty::Returns(methods)) => {
                write_len(out, results.len());
                for r in results {
                    let (index, value) = call_parts(r);
                    write_len(out, index);
                    if let (Some(v), Some(t)) = (value.first(), &methods[index].ret) {
                        v.encode(t, out);
                    }
                }
            }
            (Value::List(items), Ty::Vec(elem) | Ty::Array(elem, _)) => {
                write_len(out, items.len());
                for item in items {
                    item.encode(elem, out);
                }
            }
            (Value::Tuple(items), Ty::Tuple(tys)) => {
                for (item, t) in items.iter().zip(tys) {
                    item.encode(t, out);
                }
            }
            (Value::Option(None), _) => out.push(0),
            (Value::Option(Some(v)), Ty::Option(inner)) => {
                out.push(1);
                v.encode(inner, out);
            }
            (v, t) => unreachable!("value {v:?} was checked against `{t}`"),
        }
    }

    /// Reads one value of type `ty` from the wire format.
    pub fn decode(input: &mut Wire<'_>, ty: &Ty) -> Result<Value, String> {
        Ok(match ty {
            Ty::Int(i) => {
                let bytes = input.take(i.width())?;
                // Sign- or zero-extend to 16 bytes, then check the range as for TOML values.
                let fill = if i.signed() && bytes.last().is_some_and(|b| b & 0x80 != 0) {
                    0xff
                } else {
                    0
                };
                let mut wide = [fill; 16];
                wide[..bytes.len()].copy_from_slice(bytes);
                int_in_range(i128::from_le_bytes(wide), *i)?
            }
            Ty::F32 => Value::Float(f64::from(f32::from_le_bytes(input.array()?))),
            Ty::F64 => Value::Float(f64::from_le_bytes(input.array()?)),
            Ty::Bool => match input.take(1)?[0] {
                0 => Value::Bool(false),
                1 => Value::Bool(true),
                b => return Err(format!("bad bool {b}")),
            },
            Ty::Char => {
                let code = u32::from_le_bytes(input.array()?);
                Value::Char(char::from_u32(code).ok_or_else(|| format!("bad char {code:#x}"))?)
            }
            Ty::String => {
                let n = input.len(1)?;
                let bytes = input.take(n)?;
                Value::Str(String::from_utf8(bytes.to_vec()).map_err(|_| "string is not UTF-8")?)
            }
            Ty::Vec(elem) | Ty::Array(elem, _) => {
                let n = input.len(min_size(elem))?;
                let mut items = Vec::with_capacity(n.min(1 << 20));
                for _ in 0..n {
                    items.push(Value::decode(input, elem)?);
                }
                Value::List(items)
            }
            Ty::Tuple(tys) => Value::Tuple(
                tys.iter()
                    .map(|t| Value::decode(input, t))
                    .collect::<Result<_, _>>()?,
            ),
            Ty::Calls(methods) | Ty::Returns(methods) => {
                let n = input.len(8)?;
                let mut items = Vec::with_capacity(n.min(1 << 20));
                for _ in 0..n {
                    let index = u64::from_le_bytes(input.array()?);
                    let m = usize::try_from(index)
                        .ok()
                        .and_then(|i| methods.get(i))
                        .ok_or_else(|| format!("bad method index {index}"))?;
                    let mut item = vec![Value::Int(index.into())];
                    if matches!(ty, Ty::Calls(_)) {
                        for p in &m.params {
                            item.push(Value::decode(input, &p.ty)?);
                        }
                    } else if let Some(t) = &m.ret {
                        item.push(Value::decode(input, t)?);
                    }
                    items.push(Value::Tuple(item));
                }
                Value::List(items)
            }
            Ty::Option(inner) => match input.take(1)?[0] {
                0 => Value::Option(None),
                1 => Value::Option(Some(Box::new(Value::decode(input, inner)?))),
                b => return Err(format!("bad Option tag {b}")),
            },
        })
    }

    /// Rust-like `{:?}` text on one line.
    pub fn compact(&self) -> String {
        let mut s = String::new();
        self.write_compact(&mut s);
        s
    }

    fn write_compact(&self, s: &mut String) {
        match self {
            Value::Int(n) => write!(s, "{n}").unwrap(),
            Value::Float(x) => write!(s, "{x:?}").unwrap(),
            Value::Bool(b) => write!(s, "{b}").unwrap(),
            Value::Char(c) => write!(s, "{c:?}").unwrap(),
            Value::Str(t) => write!(s, "{t:?}").unwrap(),
            Value::List(items) | Value::Tuple(items) => {
                let (open, close) = match self {
                    Value::List(_) => ('[', "]"),
                    _ => ('(', if items.len() == 1 { ",)" } else { ")" }),
                };
                s.push(open);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    item.write_compact(s);
                }
                s.push_str(close);
            }
            Value::Option(None) => s.push_str("None"),
            Value::Option(Some(v)) => {
                s.push_str("Some(");
                v.write_compact(s);
                s.push(')');
            }
        }
    }

    /// Text for a diff: a list of lists is shown one row a line, so that a diff points
    /// at the rows that differ. At most `max_lines` lines of about `max_chars` characters.
    pub fn pretty(&self, max_lines: usize, max_chars: usize) -> String {
        let mut lines = Vec::new();
        self.pretty_lines(0, &mut lines);
        let lines = lines
            .into_iter()
            .take(max_lines + 1)
            .map(|l| truncate_text(&l, max_chars))
            .collect();
        truncate_lines(lines, max_lines)
    }

    fn pretty_lines(&self, indent: usize, lines: &mut Vec<String>) {
        let pad = "  ".repeat(indent);
        match self {
            Value::List(items) if items.iter().any(Value::is_list) => {
                lines.push(format!("{pad}["));
                for item in items {
                    let start = lines.len();
                    item.pretty_lines(indent + 1, lines);
                    if lines.len() > start {
                        if let Some(last) = lines.last_mut() {
                            last.push(',');
                        }
                    }
                }
                lines.push(format!("{pad}]"));
            }
            _ => lines.push(format!("{pad}{}", self.compact())),
        }
    }

    fn is_list(&self) -> bool {
        matches!(self, Value::List(_))
    }
}

/// A design kata's call or result, `(method index, arguments or result)`: how [`Ty::Calls`]
/// and [`Ty::Returns`] values are held.
pub fn call_parts(v: &Value) -> (usize, &[Value]) {
    match v {
        Value::Tuple(items) => match items.split_first() {
            Some((Value::Int(i), rest)) => (*i as usize, rest),
            _ => unreachable!("a call starts with its method's index"),
        },
        _ => unreachable!("a call is a tuple"),
    }
}

/// Keeps the first `max` lines and says how many were left out.
pub fn truncate_lines(lines: Vec<String>, max: usize) -> String {
    let total = lines.len();
    let mut out: Vec<String> = lines.into_iter().take(max).collect();
    if total > max {
        out.push(format!("… ({} more lines)", total - max));
    }
    out.join("\n")
}

/// Shortens one-line text to about `max` characters.
pub fn truncate_text(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}… ({} characters in all)", text.chars().count())
}

fn list(items: &[toml::Value], elem: &Ty) -> Result<Vec<Value>, String> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| Value::from_toml(v, elem).map_err(|e| format!("item {i}: {e}")))
        .collect()
}

fn int_in_range(n: i128, ty: IntTy) -> Result<Value, String> {
    let (lo, hi) = ty.range();
    if n < lo || n > hi {
        return Err(format!("{n} does not fit in `{}`", ty.name()));
    }
    Ok(Value::Int(n))
}

fn toml_shape(ty: &Ty) -> &'static str {
    match ty {
        Ty::Int(_) => "an integer",
        Ty::F32 | Ty::F64 => "a float",
        Ty::Bool => "a boolean",
        Ty::Char => "a one-character string",
        Ty::String => "a string",
        Ty::Vec(_) | Ty::Array(..) => "an array",
        Ty::Tuple(_) => "an array (tuple)",
        Ty::Option(_) => "[] or [value]",
        Ty::Calls(_) | Ty::Returns(_) => "calls",
    }
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("the string {}", truncate_text(&format!("{s:?}"), 40)),
        toml::Value::Integer(n) => format!("the integer {n}"),
        toml::Value::Float(x) => format!("the float {x}"),
        toml::Value::Boolean(b) => format!("the boolean {b}"),
        toml::Value::Datetime(d) => format!("the datetime {d}"),
        toml::Value::Array(_) => "an array".into(),
        toml::Value::Table(_) => "a table".into(),
    }
}

/// A sequence's or string's length in the wire format.
fn write_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

/// The fewest bytes a value of type `ty` takes in the wire format.
fn min_size(ty: &Ty) -> usize {
    match ty {
        Ty::Int(i) => i.width(),
        Ty::F32 | Ty::Char => 4,
        Ty::F64 | Ty::String | Ty::Vec(_) | Ty::Array(..) | Ty::Calls(_) | Ty::Returns(_) => 8,
        Ty::Bool | Ty::Option(_) => 1,
        Ty::Tuple(tys) => tys.iter().map(min_size).sum(),
    }
}

/// A reader over the wire format. What it reads may come from a learner's program, so every
/// length is checked against the bytes that are there before anything is allocated.
pub struct Wire<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Wire<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Wire { bytes, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or("the answer ended early")?;
        let bytes = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }

    /// A length of items of at least `item` bytes each, which must all be there (items of no
    /// bytes at all are capped instead).
    fn len(&mut self, item: usize) -> Result<usize, String> {
        let n = u64::from_le_bytes(self.array()?);
        let left = (self.bytes.len() - self.pos) as u64;
        let most = if item == 0 {
            1 << 20
        } else {
            left / item as u64
        };
        if n > most {
            return Err(format!("a length of {n} with {left} bytes left"));
        }
        Ok(n as usize)
    }

    /// Whether nothing is left but the channel's closing newline.
    pub fn at_end(&self) -> bool {
        matches!(&self.bytes[self.pos..], [] | [b'\n'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Signature;

    fn ty(sig_ret: &str) -> Ty {
        Signature::parse(&format!("pub fn f() -> {sig_ret}"))
            .unwrap()
            .ret
            .unwrap()
    }

    fn toml_value(text: &str) -> toml::Value {
        let t: toml::Table = toml::from_str(&format!("v = {text}")).unwrap();
        t["v"].clone()
    }

    #[test]
    fn round_trips_through_the_wire_format() {
        let cases = [
            ("Vec<i64>", "[1, -2, 300]"),
            ("(usize, usize)", "[0, 1]"),
            ("Vec<Vec<String>>", r#"[["eat", "tea"], [""], []]"#),
            ("Option<Vec<f64>>", "[[1.5, nan, -inf]]"),
            ("Option<i32>", "[]"),
            ("[char; 2]", r#"["é", " "]"#),
            ("(bool, u8)", "[true, 255]"),
        ];
        for (t, text) in cases {
            let ty = ty(t);
            let v = Value::from_toml(&toml_value(text), &ty).unwrap();
            let mut wire = Vec::new();
            v.encode(&ty, &mut wire);
            let mut r = Wire::new(&wire);
            let back = Value::decode(&mut r, &ty).unwrap();
            assert!(r.at_end());
            assert_eq!(back.compact(), v.compact(), "{t}");
        }
    }

    #[test]
    fn rejects_values_of_the_wrong_shape() {
        let err = Value::from_toml(&toml_value("[1, 2]"), &ty("[i32; 3]")).unwrap_err();
        assert!(err.contains("expected 3 items"), "{err}");
        let err = Value::from_toml(&toml_value("300"), &ty("u8")).unwrap_err();
        assert!(err.contains("does not fit"), "{err}");
        let err = Value::from_toml(&toml_value(r#""ab""#), &ty("char")).unwrap_err();
        assert!(err.contains("one-character"), "{err}");
        let err = Value::from_toml(&toml_value(r#"["x"]"#), &ty("Vec<i32>")).unwrap_err();
        assert!(err.contains("item 0: expected an integer"), "{err}");
    }

    #[test]
    fn nested_lists_print_one_row_a_line() {
        let v = Value::from_toml(&toml_value("[[1, 2], [3, 4]]"), &ty("Vec<Vec<i32>>")).unwrap();
        assert_eq!(v.pretty(100, 100), "[\n  [1, 2],\n  [3, 4],\n]");
        let long = Value::List((0..1000).map(Value::Int).collect());
        assert!(long.pretty(10, 20).starts_with("[0, 1, 2, 3, 4, 5, 6…"));
        assert_eq!(v.compact(), "[[1, 2], [3, 4]]");
        let t = Value::Tuple(vec![Value::Int(1)]);
        assert_eq!(t.compact(), "(1,)");
    }
}
