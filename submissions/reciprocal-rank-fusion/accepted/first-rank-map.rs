// Another correct approach: for each ranking, a map from id to its first rank
// (`entry().or_insert` keeps the first), then each ranking's reciprocal ranks added in
// rank order (as the reference adds them, so equal sums round the same way).
use std::collections::HashMap;

pub fn rrf(rankings: &[Vec<String>], k: f64, top_n: usize) -> Vec<String> {
    let mut total: HashMap<&str, f64> = HashMap::new();
    for ranking in rankings {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(ranking.len());
        for (i, id) in ranking.iter().enumerate() {
            first.entry(id.as_str()).or_insert(i + 1);
        }
        let mut entries: Vec<(&str, usize)> = first.into_iter().collect();
        entries.sort_unstable_by_key(|e| e.1);
        for (id, rank) in entries {
            *total.entry(id).or_insert(0.0) += 1.0 / (k + rank as f64);
        }
    }
    let mut fused: Vec<(&str, f64)> = total.into_iter().collect();
    fused.sort_unstable_by(|a, b| b.1.partial_cmp(&a.1).unwrap().then_with(|| a.0.cmp(b.0)));
    fused.truncate(top_n);
    fused.into_iter().map(|(id, _)| id.to_owned()).collect()
}
