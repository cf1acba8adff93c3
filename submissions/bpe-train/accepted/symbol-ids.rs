// Another correct approach: symbols as ids into a table of strings, distinct words with
// their counts in a BTreeMap, and the best pair chosen by comparing the strings the ids
// stand for.
use std::collections::{BTreeMap, HashMap};

pub fn bpe_train(text: &str, merges: usize) -> Vec<(String, String)> {
    let mut table: Vec<String> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut intern = |s: String, table: &mut Vec<String>| -> usize {
        *ids.entry(s.clone()).or_insert_with(|| {
            table.push(s);
            table.len() - 1
        })
    };
    let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
    for w in text.split(|c: char| c.is_ascii_whitespace()) {
        if !w.is_empty() {
            *freq.entry(w).or_default() += 1;
        }
    }
    let mut words: Vec<(Vec<usize>, usize)> = Vec::new();
    for (w, n) in freq {
        let syms = w
            .chars()
            .map(|c| intern(c.to_string(), &mut table))
            .collect();
        words.push((syms, n));
    }
    let mut out = Vec::new();
    while out.len() < merges {
        let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
        for (syms, n) in &words {
            for p in syms.windows(2) {
                *counts.entry((p[0], p[1])).or_default() += n;
            }
        }
        let mut best: Option<((usize, usize), usize)> = None;
        for (&(a, b), &c) in &counts {
            best = match best {
                Some(((ba, bb), bc))
                    if bc > c || (bc == c && (&table[ba], &table[bb]) < (&table[a], &table[b])) =>
                {
                    Some(((ba, bb), bc))
                }
                _ => Some(((a, b), c)),
            };
        }
        let Some(((a, b), _)) = best else { break };
        let joined = intern(format!("{}{}", table[a], table[b]), &mut table);
        for (syms, _) in words.iter_mut() {
            let mut merged = Vec::with_capacity(syms.len());
            let mut i = 0;
            while i < syms.len() {
                if i + 1 < syms.len() && syms[i] == a && syms[i + 1] == b {
                    merged.push(joined);
                    i += 2;
                } else {
                    merged.push(syms[i]);
                    i += 1;
                }
            }
            *syms = merged;
        }
        out.push((table[a].clone(), table[b].clone()));
    }
    out
}
