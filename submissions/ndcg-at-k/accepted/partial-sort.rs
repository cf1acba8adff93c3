// Another correct approach: selects the k largest relevances with select_nth_unstable
// before sorting only those, and keeps the discounts in a table shared by both sums.
use std::collections::HashMap;

pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let gain: HashMap<u32, f64> = relevance.iter().copied().collect();
    let mut best: Vec<f64> = relevance.iter().map(|p| p.1).collect();
    if k < best.len() {
        best.select_nth_unstable_by(k, |a, b| b.total_cmp(a));
        best.truncate(k);
    }
    best.sort_by(|a, b| b.total_cmp(a));
    let discount: Vec<f64> = (0..k.min(ranked.len().max(best.len())))
        .map(|i| 1.0 / (i as f64 + 2.0).log2())
        .collect();
    let ideal: f64 = best.iter().zip(&discount).map(|(g, d)| g * d).sum();
    if ideal == 0.0 {
        return 0.0;
    }
    let mut dcg = 0.0;
    for (id, d) in ranked.iter().zip(&discount) {
        dcg += gain.get(id).unwrap_or(&0.0) * d;
    }
    dcg / ideal
}
