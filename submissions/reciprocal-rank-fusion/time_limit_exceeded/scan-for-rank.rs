// Mistake: finds each candidate's rank in each ranking by a linear search, O(candidates ·
// total length): 10^5 candidates times 2·10^5 ids.
pub fn rrf(rankings: &[Vec<String>], k: f64, top_n: usize) -> Vec<String> {
    let mut candidates: Vec<&String> = rankings.iter().flatten().collect();
    candidates.sort();
    candidates.dedup();
    let mut fused: Vec<(&String, f64)> = candidates
        .into_iter()
        .map(|id| {
            let score = rankings
                .iter()
                .filter_map(|r| r.iter().position(|x| x == id))
                .map(|i| 1.0 / (k + (i + 1) as f64))
                .sum();
            (id, score)
        })
        .collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    fused.into_iter().take(top_n).map(|(id, _)| id.clone()).collect()
}
