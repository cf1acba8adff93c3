//! The `[function] signature` of a kata: parsed into the types the judge serializes.

use std::fmt;

/// An owned value type the judge can pass to or read back from a solution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Int(IntTy),
    F32,
    F64,
    Bool,
    Char,
    String,
    Vec(Box<Ty>),
    Array(Box<Ty>, usize),
    Tuple(Vec<Ty>),
    Option(Box<Ty>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
}

impl IntTy {
    fn parse(name: &str) -> Option<Self> {
        use IntTy::*;
        Some(match name {
            "i8" => I8,
            "i16" => I16,
            "i32" => I32,
            "i64" => I64,
            "i128" => I128,
            "isize" => Isize,
            "u8" => U8,
            "u16" => U16,
            "u32" => U32,
            "u64" => U64,
            "u128" => U128,
            "usize" => Usize,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        use IntTy::*;
        match self {
            I8 => "i8",
            I16 => "i16",
            I32 => "i32",
            I64 => "i64",
            I128 => "i128",
            Isize => "isize",
            U8 => "u8",
            U16 => "u16",
            U32 => "u32",
            U64 => "u64",
            U128 => "u128",
            Usize => "usize",
        }
    }

    /// The inclusive range of the type (pointer-sized types as on 64-bit targets).
    pub fn range(self) -> (i128, i128) {
        use IntTy::*;
        match self {
            I8 => (i8::MIN.into(), i8::MAX.into()),
            I16 => (i16::MIN.into(), i16::MAX.into()),
            I32 => (i32::MIN.into(), i32::MAX.into()),
            I64 | Isize => (i64::MIN.into(), i64::MAX.into()),
            I128 => (i128::MIN, i128::MAX),
            U8 => (0, u8::MAX.into()),
            U16 => (0, u16::MAX.into()),
            U32 => (0, u32::MAX.into()),
            U64 | Usize => (0, u64::MAX.into()),
            U128 => (0, i128::MAX),
        }
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Int(i) => f.write_str(i.name()),
            Ty::F32 => f.write_str("f32"),
            Ty::F64 => f.write_str("f64"),
            Ty::Bool => f.write_str("bool"),
            Ty::Char => f.write_str("char"),
            Ty::String => f.write_str("String"),
            Ty::Vec(t) => write!(f, "Vec<{t}>"),
            Ty::Array(t, n) => write!(f, "[{t}; {n}]"),
            Ty::Option(t) => write!(f, "Option<{t}>"),
            Ty::Tuple(ts) => {
                f.write_str("(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                if ts.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// How a parameter is handed to the solution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// By value: `x: Vec<i32>`.
    Owned,
    /// Borrowed: `s: &str`, `nums: &[i32]`, `x: &Vec<i32>` (the harness owns a `String`/`Vec`).
    Ref,
    /// Mutably borrowed: `nums: &mut Vec<i32>`; its final value may be the answer.
    RefMut,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    /// The owned type the harness reads (`&str` is read as `String`, `&[T]` as `Vec<T>`).
    pub ty: Ty,
    pub pass: Pass,
    /// The type as written in the signature, for the starter file and messages.
    pub written: String,
}

/// A parsed `pub fn name(params) -> ret`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub name: String,
    pub params: Vec<Param>,
    /// `None` for `()`.
    pub ret: Option<Ty>,
    /// The signature as written, normalised to start with `pub fn`.
    pub text: String,
}

/// What the judge compares: the return value or the final value of a `&mut` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Return,
    MutParam(usize),
}

impl Signature {
    pub fn parse(text: &str) -> Result<Signature, String> {
        let mut p = Parser::new(text);
        let sig = p.signature()?;
        Ok(Signature {
            text: text.trim().to_string(),
            ..sig
        })
    }

    /// Which value is judged. Checked at parse time, so it always succeeds afterwards.
    pub fn answer(&self) -> Answer {
        match self.ret {
            Some(_) => Answer::Return,
            None => Answer::MutParam(
                self.params
                    .iter()
                    .position(|p| p.pass == Pass::RefMut)
                    .expect("checked by parse"),
            ),
        }
    }

    /// The type of the judged value.
    pub fn answer_ty(&self) -> &Ty {
        match self.answer() {
            Answer::Return => self.ret.as_ref().expect("answer is the return value"),
            Answer::MutParam(i) => &self.params[i].ty,
        }
    }
}

struct Parser<'a> {
    tokens: Vec<&'a str>,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let mut tokens = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c.is_whitespace() {
                rest = &rest[c.len_utf8()..];
            } else if c.is_alphanumeric() || c == '_' {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                tokens.push(&rest[..end]);
                rest = &rest[end..];
            } else if rest.starts_with("->") || rest.starts_with("::") {
                tokens.push(&rest[..2]);
                rest = &rest[2..];
            } else {
                tokens.push(&rest[..c.len_utf8()]);
                rest = &rest[c.len_utf8()..];
            }
        }
        Parser { tokens, pos: 0 }
    }

    fn peek(&self) -> Option<&'a str> {
        self.tokens.get(self.pos).copied()
    }

    fn next(&mut self) -> Result<&'a str, String> {
        let t = self.peek().ok_or("unexpected end of signature")?;
        self.pos += 1;
        Ok(t)
    }

    fn eat(&mut self, tok: &str) -> bool {
        if self.peek() == Some(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, tok: &str) -> Result<(), String> {
        match self.peek() {
            Some(t) if t == tok => {
                self.pos += 1;
                Ok(())
            }
            Some(t) => Err(format!("expected `{tok}`, found `{t}`")),
            None => Err(format!("expected `{tok}` at the end of the signature")),
        }
    }

    fn ident(&mut self) -> Result<&'a str, String> {
        let t = self.next()?;
        if t.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
        {
            Ok(t)
        } else {
            Err(format!("expected a name, found `{t}`"))
        }
    }

    fn signature(&mut self) -> Result<Signature, String> {
        self.expect("pub")?;
        self.expect("fn")?;
        let name = self.ident()?.to_string();
        if self.peek() == Some("<") {
            return Err("generic functions are not supported".into());
        }
        self.expect("(")?;
        let mut params = Vec::new();
        while !self.eat(")") {
            let pname = self.ident()?;
            let pname = if pname == "mut" { self.ident()? } else { pname };
            self.expect(":")?;
            let start = self.pos;
            let (ty, pass) = self.param_ty()?;
            let written = self.written(start);
            params.push(Param {
                name: pname.to_string(),
                ty,
                pass,
                written,
            });
            if !self.eat(",") {
                self.expect(")")?;
                break;
            }
        }
        let ret = if self.eat("->") {
            let ty = self.ty()?;
            (ty != Ty::Tuple(Vec::new())).then_some(ty)
        } else {
            None
        };
        if let Some(t) = self.peek() {
            return Err(format!("unexpected `{t}` after the signature"));
        }
        if ret.is_none() && !params.iter().any(|p| p.pass == Pass::RefMut) {
            return Err(
                "a function returning `()` must take a `&mut` parameter to be judged on".into(),
            );
        }
        Ok(Signature {
            name,
            params,
            ret,
            text: String::new(),
        })
    }

    /// The tokens from `start` to here, spaced the way rustfmt would.
    fn written(&self, start: usize) -> String {
        let mut s = String::new();
        for t in &self.tokens[start..self.pos] {
            match *t {
                "," => s.push_str(", "),
                ";" => s.push_str("; "),
                "mut" => s.push_str("mut "),
                _ => s.push_str(t),
            }
        }
        s
    }

    fn param_ty(&mut self) -> Result<(Ty, Pass), String> {
        if !self.eat("&") {
            return Ok((self.ty()?, Pass::Owned));
        }
        let pass = if self.eat("mut") {
            Pass::RefMut
        } else {
            Pass::Ref
        };
        let ty = match self.peek() {
            Some("str") => {
                self.pos += 1;
                Ty::String
            }
            Some("[") => {
                self.pos += 1;
                let elem = self.ty()?;
                if self.eat(";") {
                    let n = self.array_len()?;
                    self.expect("]")?;
                    Ty::Array(Box::new(elem), n)
                } else {
                    self.expect("]")?;
                    Ty::Vec(Box::new(elem))
                }
            }
            _ => self.ty()?,
        };
        Ok((ty, pass))
    }

    fn array_len(&mut self) -> Result<usize, String> {
        let t = self.next()?;
        t.parse()
            .map_err(|_| format!("array length must be a number, found `{t}`"))
    }

    fn ty(&mut self) -> Result<Ty, String> {
        let t = self.next()?;
        match t {
            "&" => Err("references are only supported at the top level of a parameter".into()),
            "(" => {
                let mut items = Vec::new();
                while !self.eat(")") {
                    items.push(self.ty()?);
                    if !self.eat(",") {
                        self.expect(")")?;
                        break;
                    }
                }
                Ok(Ty::Tuple(items))
            }
            "[" => {
                let elem = self.ty()?;
                self.expect(";")?;
                let n = self.array_len()?;
                self.expect("]")?;
                Ok(Ty::Array(Box::new(elem), n))
            }
            "f32" => Ok(Ty::F32),
            "f64" => Ok(Ty::F64),
            "bool" => Ok(Ty::Bool),
            "char" => Ok(Ty::Char),
            "String" => Ok(Ty::String),
            "Vec" | "Option" => {
                self.expect("<")?;
                let inner = Box::new(self.ty()?);
                self.expect(">")?;
                Ok(if t == "Vec" {
                    Ty::Vec(inner)
                } else {
                    Ty::Option(inner)
                })
            }
            other => IntTy::parse(other)
                .map(Ty::Int)
                .ok_or_else(|| format!("unsupported type `{other}`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_bundled_signatures() {
        let s = Signature::parse("pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize)")
            .unwrap();
        assert_eq!(s.name, "two_sum");
        assert_eq!(s.params[0].ty, Ty::Vec(Box::new(Ty::Int(IntTy::I32))));
        assert_eq!(s.params[0].pass, Pass::Ref);
        assert_eq!(s.params[0].written, "&[i32]");
        assert_eq!(
            s.ret,
            Some(Ty::Tuple(vec![
                Ty::Int(IntTy::Usize),
                Ty::Int(IntTy::Usize)
            ]))
        );

        let s = Signature::parse(
            "pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>>",
        )
        .unwrap();
        assert_eq!(s.params[1].ty, Ty::Array(Box::new(Ty::F64), 3));
        assert_eq!(s.params[0].written, "&[Vec<Vec<f64>>]");
        assert_eq!(s.ret.unwrap().to_string(), "Vec<Vec<Vec<f64>>>");
    }

    #[test]
    fn a_unit_function_is_judged_on_its_mut_parameter() {
        let s = Signature::parse("pub fn move_zeroes(nums: &mut Vec<i32>)").unwrap();
        assert_eq!(s.answer(), Answer::MutParam(0));
        assert_eq!(s.answer_ty().to_string(), "Vec<i32>");
        assert_eq!(s.params[0].written, "&mut Vec<i32>");
        assert!(Signature::parse("pub fn f(x: i32)").is_err());
    }

    #[test]
    fn nested_options_and_tuples() {
        let s = Signature::parse("pub fn f(x: Option<(i8, Vec<char>)>, s: &str) -> Option<String>")
            .unwrap();
        assert_eq!(s.params[0].ty.to_string(), "Option<(i8, Vec<char>)>");
        assert_eq!(s.params[1].ty, Ty::String);
    }

    #[test]
    fn rejects_what_the_harness_cannot_serialize() {
        assert!(Signature::parse("pub fn f(x: HashMap<i32, i32>) -> i32").is_err());
        assert!(Signature::parse("pub fn f(x: Vec<&str>) -> i32").is_err());
        assert!(Signature::parse("fn f(x: i32) -> i32").is_err());
        assert!(Signature::parse("pub fn f(x: i32) -> i32 {").is_err());
    }
}
