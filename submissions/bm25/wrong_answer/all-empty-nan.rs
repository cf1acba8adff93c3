// Mistake: never checks for a corpus of empty documents, where avglen is 0 and
// len / avglen is 0 / 0 = NaN (and no documents at all divide by 0 too).
use std::collections::{HashMap, HashSet};

pub fn bm25_scores(query: &[String], docs: &[Vec<String>], k1: f64, b: f64) -> Vec<f64> {
    let n_docs = docs.len();
    let total: usize = docs.iter().map(Vec::len).sum();
    let avglen = total as f64 / n_docs as f64;
    let terms: HashSet<&str> = query.iter().map(String::as_str).collect();
    let mut containing: HashMap<&str, usize> = terms.iter().map(|&t| (t, 0)).collect();
    let mut counts: Vec<HashMap<&str, usize>> = Vec::with_capacity(n_docs);
    for doc in docs {
        let mut tf: HashMap<&str, usize> = HashMap::new();
        for term in doc.iter().map(String::as_str).filter(|t| terms.contains(t)) {
            *tf.entry(term).or_insert(0) += 1;
        }
        for term in tf.keys() {
            *containing.get_mut(term).unwrap() += 1;
        }
        counts.push(tf);
    }
    let idf = |term: &str| {
        let n = containing[term] as f64;
        ((n_docs as f64 - n + 0.5) / (n + 0.5) + 1.0).ln()
    };
    docs.iter()
        .zip(&counts)
        .map(|(doc, tf)| {
            let norm = k1 * (1.0 - b + b * doc.len() as f64 / avglen);
            query
                .iter()
                .map(|term| {
                    let tf = tf.get(term.as_str()).copied().unwrap_or(0) as f64;
                    idf(term) * tf * (k1 + 1.0) / (tf + norm)
                })
                .sum()
        })
        .collect()
}
