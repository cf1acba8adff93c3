// Another correct approach: for each ranking, a map from id to its first rank
// (`entry().or_insert`), then the reciprocal ranks added to a BTreeMap so the ids come
// out sorted, and a stable sort by score keeps equal scores in id order.
use std::collections::{BTreeMap, HashMap};

pub fn rrf(rankings: &[Vec<String>], k: f64, top_n: usize) -> Vec<String> {
    let mut total: BTreeMap<String, f64> = BTreeMap::new();
    for ranking in rankings {
        let mut first: HashMap<&String, usize> = HashMap::new();
        for (i, id) in ranking.iter().enumerate() {
            first.entry(id).or_insert(i + 1);
        }
        // Add in ranking order, as the reference does, so sums round the same way.
        let mut entries: Vec<(&String, usize)> = first.into_iter().collect();
        entries.sort_by_key(|e| e.1);
        for (id, rank) in entries {
            *total.entry(id.clone()).or_insert(0.0) += 1.0 / (k + rank as f64);
        }
    }
    let mut fused: Vec<(String, f64)> = total.into_iter().collect();
    fused.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
    fused.into_iter().take(top_n).map(|(id, _)| id).collect()
}
