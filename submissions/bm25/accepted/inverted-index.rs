// Another correct approach: an inverted index from each query term to the documents
// holding it with their counts, so only those documents' scores are touched.
use std::collections::HashMap;

pub fn bm25_scores(query: &[String], docs: &[Vec<String>], k1: f64, b: f64) -> Vec<f64> {
    let n = docs.len();
    let mut scores = vec![0.0; n];
    let total: usize = docs.iter().map(|d| d.len()).sum();
    if total == 0 {
        return scores;
    }
    let avglen = total as f64 / n as f64;
    let mut postings: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for t in query {
        postings.entry(t.as_str()).or_default();
    }
    for (i, doc) in docs.iter().enumerate() {
        for t in doc {
            if let Some(list) = postings.get_mut(t.as_str()) {
                match list.last_mut() {
                    Some((d, c)) if *d == i => *c += 1,
                    _ => list.push((i, 1)),
                }
            }
        }
    }
    for t in query {
        let list = &postings[t.as_str()];
        let df = list.len() as f64;
        let idf = ((n as f64 - df + 0.5) / (df + 0.5) + 1.0).ln();
        for &(i, c) in list {
            let tf = c as f64;
            let norm = k1 * (1.0 - b + b * docs[i].len() as f64 / avglen);
            scores[i] += idf * tf * (k1 + 1.0) / (tf + norm);
        }
    }
    scores
}
