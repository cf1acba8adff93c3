// Mistake: compares the scores as f32, so scores that differ only past single precision
// look tied and are ordered by id.
pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    let mut all: Vec<(u64, f64)> = shards.iter().flatten().copied().collect();
    all.sort_by(|a, b| (b.1 as f32).total_cmp(&(a.1 as f32)).then(a.0.cmp(&b.0)));
    all.truncate(k);
    all
}
