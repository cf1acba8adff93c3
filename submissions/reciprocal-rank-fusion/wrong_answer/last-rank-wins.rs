// Mistake: records each ranking's ranks with `insert`, which overwrites, so a repeated
// id counts at its last rank instead of its first.
use std::collections::HashMap;

pub fn rrf(rankings: &[Vec<String>], k: f64, top_n: usize) -> Vec<String> {
    let mut scores: HashMap<&str, f64> = HashMap::new();
    for ranking in rankings {
        let mut rank: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ranking.iter().enumerate() {
            rank.insert(id, i + 1);
        }
        let mut entries: Vec<(&str, usize)> = rank.into_iter().collect();
        entries.sort_by_key(|e| e.1);
        for (id, r) in entries {
            *scores.entry(id).or_insert(0.0) += 1.0 / (k + r as f64);
        }
    }
    let mut fused: Vec<(&str, f64)> = scores.into_iter().collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    fused.into_iter().take(top_n).map(|(id, _)| id.to_string()).collect()
}
