// Mistake: finds each ranked document's relevance by scanning the whole relevance list:
// O(k · m), about 10^10 steps for 10^5 ranked and 10^5 judged documents.
pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let mut dcg = 0.0;
    for (i, id) in ranked.iter().take(k).enumerate() {
        let gain = relevance.iter().find(|p| p.0 == *id).map_or(0.0, |p| p.1);
        dcg += gain / (i as f64 + 2.0).log2();
    }
    let mut best: Vec<f64> = relevance.iter().map(|p| p.1).collect();
    best.sort_by(|a, b| b.total_cmp(a));
    let ideal: f64 = best.iter().take(k).enumerate().map(|(i, x)| x / (i as f64 + 2.0).log2()).sum();
    if ideal > 0.0 {
        dcg / ideal
    } else {
        0.0
    }
}
