// Mistake: sums the discounted gains in f32; over 10^5 positions the rounding error
// passes the 1e-6 tolerance.
use std::collections::HashMap;
pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let gain: HashMap<u32, f32> = relevance.iter().map(|&(i, r)| (i, r as f32)).collect();
    let dcg: f32 = ranked.iter().take(k).enumerate().map(|(i, id)| gain.get(id).unwrap_or(&0.0) / (i as f32 + 2.0).log2()).sum();
    let mut best: Vec<f32> = relevance.iter().map(|p| p.1 as f32).collect();
    best.sort_by(|a, b| b.total_cmp(a));
    let ideal: f32 = best.iter().take(k).enumerate().map(|(i, x)| x / (i as f32 + 2.0).log2()).sum();
    if ideal > 0.0 { (dcg / ideal) as f64 } else { 0.0 }
}
