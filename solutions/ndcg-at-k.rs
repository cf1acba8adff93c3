use std::collections::HashMap;

/// NDCG at cut-off k with linear gains: the DCG of the first k ranked documents over the
/// DCG of the k largest listed relevances in descending order (0 when that is 0).
///
/// The ideal comes from every listed relevance, retrieved or not; position i (1-based)
/// is discounted by `log2(i + 1)`.
pub fn ndcg_at_k(ranked: &[u32], relevance: &[(u32, f64)], k: usize) -> f64 {
    let dcg = |gains: &mut dyn Iterator<Item = f64>| -> f64 {
        gains
            .take(k)
            .enumerate()
            .map(|(i, gain)| gain / ((i + 2) as f64).log2())
            .sum()
    };
    let gain: HashMap<u32, f64> = relevance.iter().copied().collect();
    let actual = dcg(&mut ranked.iter().map(|id| gain.get(id).copied().unwrap_or(0.0)));
    let mut best: Vec<f64> = relevance.iter().map(|&(_, r)| r).collect();
    best.sort_by(|a, b| b.total_cmp(a));
    let ideal = dcg(&mut best.into_iter());
    if ideal > 0.0 {
        actual / ideal
    } else {
        0.0
    }
}
