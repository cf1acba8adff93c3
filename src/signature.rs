//! The `[function] signature` of a kata: parsed into the types the judge serializes.

use std::fmt;
use std::sync::Arc;

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
    /// A design kata's sequence of calls: each a method's index, then its arguments.
    Calls(Arc<Vec<Method>>),
    /// What a sequence of calls returned: each a method's index, then its result (none for
    /// the constructor and for a method returning `()`).
    Returns(Arc<Vec<Method>>),
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

    /// Its size in bytes (pointer-sized types as on 64-bit targets).
    pub fn width(self) -> usize {
        use IntTy::*;
        match self {
            I8 | U8 => 1,
            I16 | U16 => 2,
            I32 | U32 => 4,
            I64 | Isize | U64 | Usize => 8,
            I128 | U128 => 16,
        }
    }

    pub fn signed(self) -> bool {
        use IntTy::*;
        matches!(self, I8 | I16 | I32 | I64 | I128 | Isize)
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
            Ty::Calls(_) => f.write_str("calls"),
            Ty::Returns(_) => f.write_str("results"),
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

/// How a method reaches its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receiver {
    Ref,
    RefMut,
}

/// A constructor or method of a design kata's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub name: String,
    /// `None` for the constructor.
    pub receiver: Option<Receiver>,
    pub params: Vec<Param>,
    /// `None` for the constructor and for `()`.
    pub ret: Option<Ty>,
}

impl Method {
    /// The method as the learner writes it: `pub fn get(&mut self, key: i32) -> Option<i32>`.
    pub fn text(&self) -> String {
        let mut params: Vec<String> = self
            .receiver
            .map(|r| match r {
                Receiver::Ref => "&self".to_string(),
                Receiver::RefMut => "&mut self".to_string(),
            })
            .into_iter()
            .collect();
        params.extend(
            self.params
                .iter()
                .map(|p| format!("{}: {}", p.name, p.written)),
        );
        let ret = match (&self.ret, self.receiver) {
            (_, None) => " -> Self".to_string(),
            (Some(t), _) => format!(" -> {t}"),
            (None, _) => String::new(),
        };
        format!("pub fn {}({}){ret}", self.name, params.join(", "))
    }

    /// How a call is written in a kata file: `["get", key, expected]`.
    pub fn call_form(&self) -> String {
        let mut items = vec![format!("{:?}", self.name)];
        items.extend(self.params.iter().map(|p| p.name.clone()));
        if self.ret.is_some() {
            items.push("expected".into());
        }
        format!("[{}]", items.join(", "))
    }
}

/// A design kata's type: a constructor and methods. A test is a sequence of calls, the
/// constructor first; each call's result is judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Design {
    pub type_name: String,
    /// The constructor first, then the methods in the kata file's order.
    pub methods: Arc<Vec<Method>>,
    /// What the rest of the judge sees: a function of one parameter, the calls, whose
    /// answer is their results.
    pub sig: Signature,
}

impl Design {
    /// Parses a type's constructor and methods. An error names the item it is about: 0 the
    /// type name, 1 the constructor, 2 + i the i-th method.
    pub fn parse(
        type_name: &str,
        constructor: &str,
        methods: &[&str],
    ) -> Result<Design, (usize, String)> {
        let ident = type_name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && type_name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !ident || type_name == "Self" {
            return Err((0, format!("`{type_name}` is not a type name")));
        }
        let mut all = vec![Parser::new(constructor)
            .method(type_name, true)
            .map_err(|e| (1, format!("constructor: {e}")))?];
        for (i, text) in methods.iter().enumerate() {
            let m = Parser::new(text)
                .method(type_name, false)
                .map_err(|e| (2 + i, format!("method: {e}")))?;
            if all.iter().any(|o| o.name == m.name) {
                return Err((2 + i, format!("`{}` is declared twice", m.name)));
            }
            all.push(m);
        }
        if all.len() == 1 {
            return Err((0, "a design kata declares at least one method".into()));
        }
        let methods = Arc::new(all);
        let sig = Signature {
            name: type_name.to_string(),
            params: vec![Param {
                name: "calls".into(),
                ty: Ty::Calls(methods.clone()),
                pass: Pass::Owned,
                written: "calls".into(),
            }],
            ret: Some(Ty::Returns(methods.clone())),
            text: String::new(),
        };
        Ok(Design {
            type_name: type_name.to_string(),
            methods,
            sig,
        })
    }

    /// The index of the method called `name`.
    pub fn method(&self, name: &str) -> Option<usize> {
        self.methods.iter().position(|m| m.name == name)
    }

    /// Why method `index` may not be the call at `position` of a test: the constructor comes
    /// first and only first.
    pub fn misplaced(&self, position: usize, index: usize) -> Option<String> {
        let ctor = &self.methods[0].name;
        match (position, index) {
            (0, 0) => None,
            (0, _) => Some(format!(
                "a test starts with the constructor, {}",
                self.methods[0].call_form()
            )),
            (_, 0) => Some(format!("the constructor `{ctor}` is called once, first")),
            _ => None,
        }
    }

    /// The type and its methods as the learner writes them, one a line.
    pub fn text(&self) -> String {
        let mut lines = vec![format!("impl {} {{", self.type_name)];
        lines.extend(self.methods.iter().map(|m| format!("    {};", m.text())));
        lines.push("}".into());
        lines.join("\n")
    }
}

/// `get` → `Get`, `push_back` → `PushBack`: a method's name as a variant of the generator's
/// `Call` enum.
pub fn variant_name(method: &str) -> String {
    method
        .split('_')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect()
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
        let name = self.head()?;
        let params = self.params()?;
        let ret = self.ret()?;
        self.end()?;
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

    /// `fn name`, after any `pub`.
    fn head(&mut self) -> Result<String, String> {
        self.expect("fn")?;
        let name = self.ident()?.to_string();
        if self.peek() == Some("<") {
            return Err("generic functions are not supported".into());
        }
        self.expect("(")?;
        Ok(name)
    }

    /// The parameters after the opening parenthesis (and after a receiver), to the closing one.
    fn params(&mut self) -> Result<Vec<Param>, String> {
        let mut params = Vec::new();
        while !self.eat(")") {
            let pname = self.ident()?;
            let pname = if pname == "mut" { self.ident()? } else { pname };
            if pname == "self" {
                return Err("`self` comes first, as `&self` or `&mut self`".into());
            }
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
        Ok(params)
    }

    /// `-> type`, or nothing for `()`.
    fn ret(&mut self) -> Result<Option<Ty>, String> {
        if self.eat("->") {
            let ty = self.ty()?;
            Ok((ty != Ty::Tuple(Vec::new())).then_some(ty))
        } else {
            Ok(None)
        }
    }

    fn end(&mut self) -> Result<(), String> {
        match self.peek() {
            Some(t) => Err(format!("unexpected `{t}` after the signature")),
            None => Ok(()),
        }
    }

    /// A design kata's constructor (`receiver` false: `fn new(..) -> Self`) or method
    /// (`fn get(&mut self, ..) -> ..`); `pub` may be left out.
    fn method(&mut self, type_name: &str, constructor: bool) -> Result<Method, String> {
        self.eat("pub");
        let name = self.head()?;
        let receiver = if self.peek() == Some("&") && self.tokens.get(self.pos + 1) == Some(&"self")
        {
            self.pos += 2;
            Some(Receiver::Ref)
        } else if self.peek() == Some("&")
            && self.tokens.get(self.pos + 1) == Some(&"mut")
            && self.tokens.get(self.pos + 2) == Some(&"self")
        {
            self.pos += 3;
            Some(Receiver::RefMut)
        } else if matches!(self.peek(), Some("self" | "mut")) {
            return Err("a method takes `&self` or `&mut self`, not `self`".into());
        } else {
            None
        };
        if receiver.is_some() && !self.eat(",") {
            self.expect(")")?;
            self.pos -= 1;
        }
        let params = self.params()?;
        let ret = if constructor {
            if receiver.is_some() {
                return Err("the constructor takes no `self`".into());
            }
            self.expect("->")?;
            match self.next()? {
                "Self" => {}
                t if t == type_name => {}
                t => return Err(format!("the constructor returns `Self`, not `{t}`")),
            }
            None
        } else {
            if receiver.is_none() {
                return Err(format!(
                    "a method of `{type_name}` takes `&self` or `&mut self` first"
                ));
            }
            self.ret()?
        };
        self.end()?;
        Ok(Method {
            name,
            receiver,
            params,
            ret,
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
            "Self" => Err("`Self` is only the constructor's return type".into()),
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
    fn a_design_is_a_constructor_and_methods() {
        let d = Design::parse(
            "LruCache",
            "fn new(capacity: usize) -> Self",
            &[
                "fn get(&mut self, key: i32) -> Option<i32>",
                "pub fn put(&mut self, key: i32, value: i32)",
                "fn len(&self) -> usize",
            ],
        )
        .unwrap();
        assert_eq!(d.method("put"), Some(2));
        assert_eq!(d.methods[0].text(), "pub fn new(capacity: usize) -> Self");
        assert_eq!(
            d.methods[1].text(),
            "pub fn get(&mut self, key: i32) -> Option<i32>"
        );
        assert_eq!(d.methods[2].ret, None);
        assert_eq!(d.methods[3].receiver, Some(Receiver::Ref));
        assert_eq!(d.methods[2].call_form(), r#"["put", key, value]"#);
        assert!(d.misplaced(0, 1).unwrap().contains(r#"["new", capacity]"#));
        assert!(d.misplaced(3, 0).is_some() && d.misplaced(3, 2).is_none());
        assert_eq!(variant_name("push_back"), "PushBack");
        let err = |ctor: &str, m: &str| Design::parse("T", ctor, &[m]).unwrap_err();
        assert_eq!(err("fn new() -> Self", "fn get(self) -> i32").0, 2);
        assert!(err("fn new(&self) -> Self", "fn f(&self)")
            .1
            .contains("no `self`"));
        assert!(err("fn new() -> i32", "fn f(&self)")
            .1
            .contains("returns `Self`"));
        assert!(err("fn new() -> Self", "fn f(x: i32)")
            .1
            .contains("`&self`"));
        assert!(err("fn new() -> Self", "fn new(&self)").1.contains("twice"));
        assert!(Design::parse("T", "fn new() -> T", &["fn f(&mut self)"]).is_ok());
        assert_eq!(
            Design::parse("1x", "fn new() -> Self", &[]).unwrap_err().0,
            0
        );
    }

    #[test]
    fn rejects_what_the_harness_cannot_serialize() {
        assert!(Signature::parse("pub fn f(x: HashMap<i32, i32>) -> i32").is_err());
        assert!(Signature::parse("pub fn f(x: Vec<&str>) -> i32").is_err());
        assert!(Signature::parse("fn f(x: i32) -> i32").is_err());
        assert!(Signature::parse("pub fn f(x: i32) -> i32 {").is_err());
    }
}
