// Mistake: counts pairs the way a merge scans, skipping past a pair once counted, so a a a holds (a, a) only once.
use std::collections::HashMap;

pub fn bpe_train(text: &str, merges: usize) -> Vec<(String, String)> {
    let mut occurrences: HashMap<&str, usize> = HashMap::new();
    for word in text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        *occurrences.entry(word).or_insert(0) += 1;
    }
    let mut words: Vec<(Vec<String>, usize)> = occurrences
        .into_iter()
        .map(|(word, n)| (word.chars().map(String::from).collect(), n))
        .collect();
    let mut learned = Vec::new();
    for _ in 0..merges {
        let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
        for (symbols, n) in &words {
            let mut i = 0;
            while i + 1 < symbols.len() {
                *counts.entry((&symbols[i], &symbols[i + 1])).or_insert(0) += n;
                if symbols[i] == symbols[i + 1] {
                    i += 2;
                } else {
                    i += 1;
                }
            }
        }
        let Some(((left, right), _)) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        else {
            break;
        };
        let (left, right) = (left.to_string(), right.to_string());
        for (symbols, _) in &mut words {
            *symbols = merge(symbols, &left, &right);
        }
        learned.push((left, right));
    }
    learned
}

fn merge(symbols: &[String], left: &str, right: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(symbols.len());
    let mut i = 0;
    while i < symbols.len() {
        if i + 1 < symbols.len() && symbols[i] == left && symbols[i + 1] == right {
            out.push(format!("{left}{right}"));
            i += 2;
        } else {
            out.push(symbols[i].clone());
            i += 1;
        }
    }
    out
}
