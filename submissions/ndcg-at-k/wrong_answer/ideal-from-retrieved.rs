// Mistake: builds the ideal DCG by re-sorting the gains of the retrieved documents only,
// so relevant documents the ranking missed never lower the score.
use std::collections::HashMap;

pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let gain: HashMap<u32, f64> = relevance.iter().copied().collect();
    let gains: Vec<f64> = ranked.iter().take(k).map(|id| *gain.get(id).unwrap_or(&0.0)).collect();
    let dcg = |g: &[f64]| -> f64 {
        g.iter().enumerate().map(|(i, x)| x / (i as f64 + 2.0).log2()).sum()
    };
    let mut ideal = gains.clone();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let ideal = dcg(&ideal);
    if ideal > 0.0 {
        dcg(&gains) / ideal
    } else {
        0.0
    }
}
