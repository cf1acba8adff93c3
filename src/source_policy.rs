//! What a learner's source may not contain, checked before it is compiled: assembly, the
//! attributes that place code or data where the linker or the loader runs it (`#[no_mangle]`,
//! `#[export_name]`, `#[link_section]`, `#[link]`, naked functions), `#[unsafe(...)]`
//! attributes and `unsafe extern` blocks (whose items may be declared `safe` to call).
//! `-F unsafe_code`, which refuses `unsafe` blocks, functions and impls, lets those through.
//! A plain `extern "C" { fn f(); }` stays legal: declaring is safe, calling needs `unsafe`.
//!
//! This is defence in depth, not the boundary: safe Rust has soundness holes, so the kernel
//! guards of the sandbox assume any system call anyway. The check works on tokens (from a
//! real Rust lexer), not text: comments and strings never match, and neither a macro nor a
//! `use ... as` rename can hide a name, since identifiers cannot be built from pieces.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// One refused construct, where it starts in the learner's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub what: String,
    pub why: &'static str,
}

impl Refusal {
    /// A diagnostic in the compiler's format, pointing at `file`.
    pub fn diagnostic(&self, file: &str) -> String {
        format!(
            "error: {} is not accepted: {}\n --> {file}:{}:{}\n",
            self.what, self.why, self.line, self.column
        )
    }
}

const ASSEMBLY: &str = "assembly runs outside every rule of safe Rust";
const UNSAFE: &str = "a solution is safe Rust";
const SAFE_EXTERN: &str =
    "its functions can be declared `safe` to call; declare them in a plain `extern` block";
const PLACEMENT: &str = "it places code or data where the linker or loader runs it";

/// Identifiers refused wherever they appear (a macro could otherwise carry them into an
/// attribute or an invocation).
const NAMES: &[(&str, &str)] = &[
    ("asm", ASSEMBLY),
    ("naked_asm", ASSEMBLY),
    ("global_asm", ASSEMBLY),
    ("naked", ASSEMBLY),
    ("no_mangle", PLACEMENT),
    ("export_name", PLACEMENT),
    ("link_section", PLACEMENT),
];

/// Refused as the name of an attribute (they are ordinary words elsewhere).
const ATTRIBUTES: &[(&str, &str)] = &[
    ("unsafe", UNSAFE),
    ("link", "it links the program against other libraries"),
    ("link_name", PLACEMENT),
    ("used", PLACEMENT),
];

fn at(span: Span, what: String, why: &'static str) -> Refusal {
    let start = span.start();
    Refusal {
        line: start.line,
        column: start.column + 1,
        what,
        why,
    }
}

/// Every refused construct of `source`, in order; a file the lexer cannot read is refused
/// too (the compiler would reject it as well, and a check that cannot read must not pass).
pub fn check(source: &str) -> Vec<Refusal> {
    match source.parse::<TokenStream>() {
        Ok(tokens) => {
            let mut out = Vec::new();
            walk(tokens, false, &mut out);
            out
        }
        Err(e) => vec![at(
            e.span(),
            "this file".into(),
            "it cannot be read as Rust tokens",
        )],
    }
}

fn walk(tokens: TokenStream, in_attribute: bool, out: &mut Vec<Refusal>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").unwrap_or(&name);
                let refused = NAMES
                    .iter()
                    .chain(ATTRIBUTES.iter().filter(|_| in_attribute))
                    .find(|(n, _)| *n == name);
                if name == "unsafe" && !in_attribute && opens_extern_block(&tokens[i + 1..]) {
                    out.push(at(
                        ident.span(),
                        "an `unsafe extern` block".into(),
                        SAFE_EXTERN,
                    ));
                }
                if let Some((n, why)) = refused {
                    let what = if ASSEMBLY == *why && *n != "naked" {
                        format!("`{n}!`")
                    } else if in_attribute || ATTRIBUTES.iter().any(|(a, _)| a == n) {
                        format!("`#[{n}]`")
                    } else {
                        format!("`{n}`")
                    };
                    out.push(at(ident.span(), what, why));
                }
            }
            TokenTree::Group(group) => {
                // `#[...]` or `#![...]`: the bracket group after a `#` (and maybe a `!`).
                let attribute =
                    group.delimiter() == Delimiter::Bracket && is_attribute_start(&tokens[..i]);
                if attribute {
                    if let Some(TokenTree::Punct(p)) = group.stream().into_iter().next() {
                        if p.as_char() == '$' {
                            out.push(at(
                                p.span(),
                                "an attribute made by a macro".into(),
                                "its content is only known once the macro runs",
                            ));
                        }
                    }
                }
                walk(group.stream(), in_attribute || attribute, out);
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

/// Whether the tokens after `unsafe` are `extern`, maybe an ABI string, and a `{ ... }`
/// block (`unsafe extern "C" fn(..)` is a pointer type, and harmless).
fn opens_extern_block(after: &[TokenTree]) -> bool {
    let mut rest = after.iter();
    if !matches!(rest.next(), Some(TokenTree::Ident(i)) if i == "extern") {
        return false;
    }
    let mut next = rest.next();
    if matches!(next, Some(TokenTree::Literal(_))) {
        next = rest.next();
    }
    matches!(next, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace)
}

/// Whether the tokens before a bracket group end in `#` or `#!`.
fn is_attribute_start(before: &[TokenTree]) -> bool {
    let is =
        |t: Option<&TokenTree>, c: char| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c);
    let mut rev = before.iter().rev();
    match rev.next() {
        Some(TokenTree::Punct(p)) if p.as_char() == '#' => true,
        Some(TokenTree::Punct(p)) if p.as_char() == '!' => is(rev.next(), '#'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(source: &str) -> Vec<(usize, usize, String)> {
        check(source)
            .into_iter()
            .map(|r| (r.line, r.column, r.what))
            .collect()
    }

    #[test]
    fn ordinary_solutions_pass() {
        let source = r#"
use std::collections::HashMap;
/// Uses the word unsafe and #[no_mangle] in a comment, "asm!" in a string.
#[derive(Debug, Clone)]
#[allow(unused)]
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let link = 3; // an ordinary name outside attributes
    let used = link;
    let mut seen: HashMap<i32, usize> = HashMap::new();
    for (i, &x) in nums.iter().enumerate() {
        if let Some(&j) = seen.get(&(target - x)) { return (j, i + used - 3); }
        seen.insert(x, i);
    }
    unreachable!("exactly one answer")
}
extern "C" { fn abs(x: i32) -> i32; }
type Raw = unsafe extern "C" fn(i32) -> i32;
"#;
        assert_eq!(refused(source), vec![]);
    }

    #[test]
    fn assembly_and_placement_are_refused_with_their_position() {
        let cases: &[(&str, (usize, usize, &str))] = &[
            (
                "core::arch::global_asm!(\"nop\");",
                (1, 13, "`global_asm!`"),
            ),
            ("use std::arch::asm as a;", (1, 16, "`asm!`")),
            ("#[unsafe(naked)]\nfn f() {}", (1, 3, "`#[unsafe]`")),
            ("#[naked] fn f() {}", (1, 3, "`#[naked]`")),
            ("\n  #[no_mangle] pub fn f() {}", (2, 5, "`#[no_mangle]`")),
            (
                "#[export_name = \"main\"] fn f() {}",
                (1, 3, "`#[export_name]`"),
            ),
            ("#[link(name = \"c\")] extern \"C\" {}", (1, 3, "`#[link]`")),
            (
                "#[cfg_attr(all(), unsafe(no_mangle))] fn f() {}",
                (1, 19, "`#[unsafe]`"),
            ),
            (
                "#![allow(unused)] #[used] static X: u8 = 0;",
                (1, 21, "`#[used]`"),
            ),
            (
                "unsafe extern \"C\" { safe fn f(); }",
                (1, 1, "an `unsafe extern` block"),
            ),
            (
                "unsafe extern { safe fn f(); }",
                (1, 1, "an `unsafe extern` block"),
            ),
            ("fn r#asm() {}", (1, 4, "`asm!`")),
        ];
        for (source, (line, column, what)) in cases {
            let got = refused(source);
            assert!(!got.is_empty(), "{source}: nothing refused");
            assert_eq!(got[0], (*line, *column, what.to_string()), "{source}");
        }
    }

    #[test]
    fn macros_cannot_hide_an_attribute() {
        let source =
            "macro_rules! m { ($a:meta) => { #[$a] fn f() {} } }\nm!(export_name = \"x\");";
        let got = refused(source);
        assert_eq!(got[0].2, "an attribute made by a macro");
        assert!(got.iter().any(|r| r.2 == "`export_name`"), "{got:?}");
    }

    #[test]
    fn unreadable_files_are_refused() {
        assert_eq!(refused("fn f() { ").len(), 1);
    }

    #[test]
    fn the_diagnostic_names_the_learners_file() {
        let r = &check("#[no_mangle] fn f() {}")[0];
        assert!(r.diagnostic("two-sum.rs").contains(" --> two-sum.rs:1:3"));
    }
}
