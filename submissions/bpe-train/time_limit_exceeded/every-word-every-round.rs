// Mistake: keeps every word of the text (not each distinct word with its count) and
// rebuilds an owned String pair for each count, so each of 1000 rounds walks all of the
// text (about 200000 chars) with an allocation per pair.
use std::collections::HashMap;

pub fn bpe_train(text: &str, merges: usize) -> Vec<(String, String)> {
    let mut words: Vec<Vec<String>> = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(|c| c.to_string()).collect())
        .collect();
    let mut learned = Vec::new();
    for _ in 0..merges {
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        for word in &words {
            for i in 0..word.len().saturating_sub(1) {
                *counts
                    .entry((word[i].clone(), word[i + 1].clone()))
                    .or_insert(0) += 1;
            }
        }
        let mut best: Option<((String, String), usize)> = None;
        for (pair, count) in counts {
            let better = match &best {
                None => true,
                Some((p, c)) => count > *c || (count == *c && pair < *p),
            };
            if better {
                best = Some((pair, count));
            }
        }
        let Some(((left, right), _)) = best else {
            break;
        };
        for word in words.iter_mut() {
            let mut merged = Vec::new();
            let mut i = 0;
            while i < word.len() {
                if i + 1 < word.len() && word[i] == left && word[i + 1] == right {
                    merged.push(format!("{}{}", left, right));
                    i += 2;
                } else {
                    merged.push(word[i].clone());
                    i += 1;
                }
            }
            *word = merged;
        }
        learned.push((left, right));
    }
    learned
}
