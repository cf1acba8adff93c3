// Mistake: slices the first top_n candidates, which panics when there are fewer.
use std::collections::{HashMap, HashSet};

pub fn rrf(rankings: &[Vec<String>], k: f64, top_n: usize) -> Vec<String> {
    let mut scores: HashMap<&str, f64> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for ranking in rankings {
        seen.clear();
        for (i, id) in ranking.iter().enumerate() {
            if seen.insert(id) {
                *scores.entry(id).or_insert(0.0) += 1.0 / (k + (i + 1) as f64);
            }
        }
    }
    let mut fused: Vec<(&str, f64)> = scores.into_iter().collect();
    fused.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    fused[..top_n].iter().map(|(id, _)| id.to_string()).collect()
}
