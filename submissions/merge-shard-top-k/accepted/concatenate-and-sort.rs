// Another correct approach: gathers every hit and sorts them all, O(N log N) in the
// number of hits N. It ignores that the shards are sorted, but N is the size of the input
// itself, so this is never far slower than reading it.
pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    let mut all: Vec<(u64, f64)> = shards.iter().flatten().copied().collect();
    all.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    all.truncate(k);
    all
}
