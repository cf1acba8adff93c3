// Mistake: sorts equal scores by the higher id first (the whole (score, id) pair in
// descending order).
pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    let mut all: Vec<(u64, f64)> = shards.iter().flatten().copied().collect();
    all.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    all.truncate(k);
    all
}
