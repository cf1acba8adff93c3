//! Which students handed in files that are alike, kata by kata (what MOSS and JPlag do):
//! each file becomes a stream of tokens with names, literals, comments and layout gone
//! (proc-macro2's lexer drops comments and white space; every identifier that is not a
//! keyword is one token, every literal another), fingerprinted by winnowing its k-grams.
//! Renaming variables changes no token; reordering functions changes only the k-grams that
//! cross a function's edge. The starter's k-grams, and those most of the class shares (the
//! shape every solution has), count for nothing.

use super::class::Source;
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Tokens in a k-gram: long enough that a shared k-gram is a shared idea, short enough that
/// a reordered or lightly edited copy keeps most of them.
const K: usize = 8;
/// Winnowing window: one fingerprint for every `W` k-grams at least.
const W: usize = 4;
/// Listed from this similarity (percent) on...
const LISTED: u32 = 30;
/// ...and flagged from this one.
pub const FLAGGED: u32 = 75;
/// Fewer shared fingerprints than this say nothing, whatever the share.
const MIN_SHARED: usize = 4;

/// Two students' files for one kata, alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub kata: String,
    pub a: String,
    pub b: String,
    /// Percent: twice the shared fingerprints over both files' fingerprints.
    pub similarity: u32,
    pub shared: usize,
    pub flagged: bool,
    /// The shared regions, as 1-based inclusive line ranges of each file.
    pub lines_a: Vec<(usize, usize)>,
    pub lines_b: Vec<(usize, usize)>,
    pub source_a: String,
    pub source_b: String,
}

/// A token as compared: a hash of its normalised text, and the line it is on.
#[derive(Debug, Clone, Copy)]
struct Token {
    kind: u64,
    line: usize,
}

/// A file's fingerprints: each selected k-gram's hash, with where the k-grams start.
struct Print<'s> {
    source: &'s Source,
    tokens: Vec<Token>,
    hashes: BTreeMap<u64, Vec<usize>>,
}

/// The alike pairs of every kata, most alike first. `starters` gives each kata's starter.
pub fn pairs(sources: &[Source], starters: &BTreeMap<String, String>) -> Vec<Pair> {
    let mut by_kata: BTreeMap<&str, Vec<&Source>> = BTreeMap::new();
    for s in sources {
        by_kata.entry(&s.kata).or_default().push(s);
    }
    let mut out = Vec::new();
    for (kata, files) in by_kata {
        let starter: BTreeSet<u64> = starters
            .get(kata)
            .and_then(|s| tokens(s))
            .map(|t| kgrams(&t).into_iter().collect())
            .unwrap_or_default();
        out.extend(kata_pairs(kata, &files, &starter));
    }
    out.sort_by(|x, y| {
        (y.similarity, &x.kata, &x.a, &x.b).cmp(&(x.similarity, &y.kata, &y.a, &y.b))
    });
    out
}

fn kata_pairs(kata: &str, files: &[&Source], starter: &BTreeSet<u64>) -> Vec<Pair> {
    let mut prints: Vec<Print> = files
        .iter()
        .filter_map(|s| {
            let tokens = tokens(&s.text)?;
            let hashes = winnow(&kgrams(&tokens));
            Some(Print {
                source: s,
                tokens,
                hashes,
            })
        })
        .collect();
    // What more than half the class shares, when that is five files or more, is the
    // problem's own shape (in a smaller class it may as well be one copy passed around).
    let mut holders: BTreeMap<u64, usize> = BTreeMap::new();
    for p in &prints {
        for h in p.hashes.keys() {
            *holders.entry(*h).or_default() += 1;
        }
    }
    let n = prints.len();
    for p in &mut prints {
        p.hashes.retain(|h, _| {
            let held = holders[h];
            let common = held >= 5 && held * 2 > n;
            !starter.contains(h) && !common
        });
    }
    let mut out = Vec::new();
    for (i, a) in prints.iter().enumerate() {
        for b in &prints[i + 1..] {
            let shared: Vec<u64> = a
                .hashes
                .keys()
                .filter(|h| b.hashes.contains_key(h))
                .copied()
                .collect();
            let both = a.hashes.len() + b.hashes.len();
            if shared.len() < MIN_SHARED || both == 0 {
                continue;
            }
            let similarity = (200 * shared.len() / both) as u32;
            if similarity < LISTED {
                continue;
            }
            out.push(Pair {
                kata: kata.to_string(),
                a: a.source.student.clone(),
                b: b.source.student.clone(),
                similarity,
                shared: shared.len(),
                flagged: similarity >= FLAGGED,
                lines_a: regions(a, &shared),
                lines_b: regions(b, &shared),
                source_a: a.source.text.clone(),
                source_b: b.source.text.clone(),
            });
        }
    }
    out
}

/// The lines the shared k-grams of `print` cover, joined into ranges.
fn regions(print: &Print, shared: &[u64]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = shared
        .iter()
        .flat_map(|h| &print.hashes[h])
        .map(|&at| (print.tokens[at].line, print.tokens[at + K - 1].line))
        .collect();
    ranges.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match joined.last_mut() {
            Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
            _ => joined.push((start, end)),
        }
    }
    joined
}

/// The normalised tokens of a file, or `None` when it does not lex (it then has no
/// fingerprints; its compile error says the rest).
fn tokens(text: &str) -> Option<Vec<Token>> {
    let stream: TokenStream = text.parse().ok()?;
    let mut out = Vec::new();
    walk(stream, &mut out);
    Some(out)
}

fn walk(stream: TokenStream, out: &mut Vec<Token>) {
    let trees: Vec<TokenTree> = stream.into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        // Doc comments arrive as `#[doc = "..."]` (or `#![doc = ...]`): comments still.
        if let Some(skip) = doc_attribute(&trees[i..]) {
            i += skip;
            continue;
        }
        let line = trees[i].span().start().line;
        match &trees[i] {
            TokenTree::Group(g) => {
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                if !open.is_empty() {
                    out.push(token(open, line));
                }
                walk(g.stream(), out);
                if !close.is_empty() {
                    out.push(token(close, g.span_close().start().line));
                }
            }
            TokenTree::Ident(id) => {
                let text = id.to_string();
                let text = text.strip_prefix("r#").unwrap_or(&text);
                let kind = match text {
                    "true" | "false" => "<literal>",
                    t if KEYWORDS.contains(&t) => t,
                    _ => "<name>",
                };
                out.push(token(kind, line));
            }
            TokenTree::Literal(_) => out.push(token("<literal>", line)),
            TokenTree::Punct(p) => out.push(token(&p.as_char().to_string(), line)),
        }
        i += 1;
    }
}

/// How many trees a doc attribute at the start of `trees` spans.
fn doc_attribute(trees: &[TokenTree]) -> Option<usize> {
    let TokenTree::Punct(hash) = trees.first()? else {
        return None;
    };
    if hash.as_char() != '#' {
        return None;
    }
    let bang = matches!(trees.get(1)?, TokenTree::Punct(p) if p.as_char() == '!');
    let group = trees.get(1 + usize::from(bang))?;
    match group {
        TokenTree::Group(g)
            if g.delimiter() == Delimiter::Bracket
                && matches!(g.stream().into_iter().next(), Some(TokenTree::Ident(id)) if id == "doc") =>
        {
            Some(2 + usize::from(bang))
        }
        _ => None,
    }
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "type", "unsafe", "use",
    "where", "while",
];

fn token(text: &str, line: usize) -> Token {
    Token {
        kind: fnv(text.as_bytes(), 0xcbf2_9ce4_8422_2325),
        line,
    }
}

/// FNV-1a: the same on every machine, which a shard's fingerprints must be.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hash of every k-gram, in order.
fn kgrams(tokens: &[Token]) -> Vec<u64> {
    tokens
        .windows(K)
        .map(|w| {
            w.iter()
                .fold(0xcbf2_9ce4_8422_2325, |h, t| fnv(&t.kind.to_le_bytes(), h))
        })
        .collect()
}

/// Winnowing (Schleimer, Wilkerson and Aiken): the smallest hash of every window of `W`
/// k-grams (the rightmost of equals), so that any run of `W + K - 1` tokens two files share
/// gives them a fingerprint in common. Each hash maps to where its k-grams start.
fn winnow(hashes: &[u64]) -> BTreeMap<u64, Vec<usize>> {
    let mut picked = BTreeSet::new();
    if hashes.len() <= W {
        picked.extend(hashes.iter().enumerate().map(|(i, _)| i));
    }
    for start in 0..hashes.len().saturating_sub(W - 1) {
        let window = &hashes[start..start + W];
        let (at, _) = window
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|(_, h)| **h)
            .expect("a full window");
        picked.insert(start + at);
    }
    let mut out: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for i in picked {
        out.entry(hashes[i]).or_default().push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(student: &str, text: &str) -> Source {
        Source {
            student: student.into(),
            kata: "k".into(),
            digest: String::new(),
            text: text.into(),
        }
    }

    const ORIGINAL: &str = r#"
use std::collections::HashMap;

/// Counts each word.
pub fn counts(words: &[String]) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for w in words {
        *seen.entry(w.clone()).or_insert(0) += 1;
    }
    seen
}

pub fn most_common(words: &[String]) -> Option<String> {
    let table = counts(words);
    let mut best: Option<(&String, &usize)> = None;
    for (word, n) in &table {
        if best.map_or(true, |(bw, bn)| n > bn || (n == bn && word < bw)) {
            best = Some((word, n));
        }
    }
    best.map(|(w, _)| w.clone())
}
"#;

    const DISGUISED: &str = r#"
use std::collections::HashMap;

// The answer, at last.
pub fn most_common(list: &[String]) -> Option<String> {
    let freq = tally(list);
    let mut top: Option<(&String, &usize)> = None;
    for (item, count) in &freq {
        if top.map_or(true, |(tw, tc)| count > tc || (count == tc && item < tw)) { top = Some((item, count)); }
    }
    top.map(|(x, _)| x.clone())
}

// Helper.
pub fn tally(list: &[String]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for item in list { *m.entry(item.clone()).or_insert(7) += 1; }
    m
}
"#;

    const HONEST: &str = r#"
pub fn most_common(words: &[String]) -> Option<String> {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort();
    let (mut best, mut best_len, mut i) = (None, 0, 0);
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        if j - i > best_len {
            best_len = j - i;
            best = Some(sorted[i].clone());
        }
        i = j;
    }
    best
}
"#;

    #[test]
    fn renamed_and_reordered_copies_are_found_and_honest_files_are_not() {
        let files = [
            source("ann", ORIGINAL),
            source("bob", DISGUISED),
            source("cat", HONEST),
        ];
        let pairs = pairs(&files, &BTreeMap::new());
        assert_eq!(pairs[0].a, "ann");
        assert_eq!(pairs[0].b, "bob");
        assert!(pairs[0].flagged, "{}%", pairs[0].similarity);
        assert!(pairs[0].similarity >= 80, "{}%", pairs[0].similarity);
        assert!(pairs.iter().skip(1).all(|p| !p.flagged), "{pairs:?}");
        // The shared regions are in both functions of each file.
        assert!(
            pairs[0].lines_a.iter().any(|&(s, _)| s <= 8),
            "{:?}",
            pairs[0].lines_a
        );
        assert!(
            pairs[0].lines_a.iter().any(|&(_, e)| e >= 16),
            "{:?}",
            pairs[0].lines_a
        );
    }

    #[test]
    fn comments_layout_names_and_literals_do_not_count() {
        let a = tokens("fn f(x: i32) -> i32 { x + 1 } // one").unwrap();
        let b = tokens("/// doc\nfn g(\n  y: i32,\n) -> i32 {\n    y + 2\n}").unwrap();
        let kinds = |t: &[Token]| t.iter().map(|t| t.kind).collect::<Vec<_>>();
        // `y: i32,` has a trailing comma: one token more.
        let mut ka = kinds(&a);
        ka.insert(6, token(",", 0).kind);
        assert_eq!(ka, kinds(&b));
        assert_eq!(b[0].line, 2, "the doc comment is skipped, lines are kept");
    }
}
