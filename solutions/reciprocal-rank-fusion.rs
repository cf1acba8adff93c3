use std::collections::{HashMap, HashSet};

/// Reciprocal rank fusion: each ranking adds `1 / (k + rank)` (rank 1-based) to the
/// documents it contains, a repeated id only at its first rank; the `top_n` best ids by
/// score descending, equal scores by the lexicographically smaller id.
pub fn rrf(rankings: &[Vec<String>], k: f64, top_n: usize) -> Vec<String> {
    let mut scores: HashMap<&str, f64> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for ranking in rankings {
        seen.clear();
        for (i, id) in ranking.iter().enumerate() {
            if seen.insert(id) {
                *scores.entry(id).or_insert(0.0) += 1.0 / (k + (i + 1) as f64);
            }
        }
    }
    let mut fused: Vec<(&str, f64)> = scores.into_iter().collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    fused
        .into_iter()
        .take(top_n)
        .map(|(id, _)| id.to_string())
        .collect()
}
