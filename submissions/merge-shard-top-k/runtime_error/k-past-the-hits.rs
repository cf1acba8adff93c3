// Mistake: assumes there are at least k hits in all and takes k of them by indexing, so
// a k larger than the number of hits panics.
pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    let mut all: Vec<(u64, f64)> = shards.iter().flatten().copied().collect();
    all.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    (0..k).map(|i| all[i]).collect()
}
