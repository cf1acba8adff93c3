// Mistake: uses the exponential gain 2^rel - 1 of some papers instead of the relevance
// itself, which weighs the highly relevant documents far more.
use std::collections::HashMap;

pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let g = |r: f64| r.exp2() - 1.0;
    let gain: HashMap<u32, f64> = relevance.iter().map(|&(id, r)| (id, g(r))).collect();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain.get(id).unwrap_or(&0.0) / (i as f64 + 2.0).log2())
        .sum();
    let mut best: Vec<f64> = relevance.iter().map(|p| g(p.1)).collect();
    best.sort_by(|a, b| b.total_cmp(a));
    let ideal: f64 = best.iter().take(k).enumerate().map(|(i, x)| x / (i as f64 + 2.0).log2()).sum();
    if ideal > 0.0 {
        dcg / ideal
    } else {
        0.0
    }
}
