// Mistake: divides by the ideal DCG without checking it, so a query with no relevant
// document gives 0.0 / 0.0 = NaN.
use std::collections::HashMap;

pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let gain: HashMap<u32, f64> = relevance.iter().copied().collect();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain.get(id).unwrap_or(&0.0) / (i as f64 + 2.0).log2())
        .sum();
    let mut best: Vec<f64> = relevance.iter().map(|p| p.1).collect();
    best.sort_by(|a, b| b.total_cmp(a));
    let ideal: f64 = best.iter().take(k).enumerate().map(|(i, x)| x / (i as f64 + 2.0).log2()).sum();
    dcg / ideal
}
