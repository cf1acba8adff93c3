use std::collections::HashMap;

/// Byte-pair encoding training: repeatedly merge the most frequent adjacent pair of
/// symbols (counted with multiplicity and overlapping; ties to the smallest pair),
/// replacing it left to right without overlap, for `merges` rounds or until no pair is
/// left.
pub fn bpe_train(text: &str, merges: usize) -> Vec<(String, String)> {
    // Each distinct word once, with how often it occurs: every count is weighted by it.
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
            for pair in symbols.windows(2) {
                *counts.entry((&pair[0], &pair[1])).or_insert(0) += n;
            }
        }
        // The highest count; among equal counts the smallest (left, right).
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

/// `symbols` with each occurrence of `left` followed by `right` joined, left to right,
/// without overlap.
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
