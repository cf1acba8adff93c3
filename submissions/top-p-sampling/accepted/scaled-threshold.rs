// Another correct approach: one sorted copy of (probability, index) pairs, the nucleus
// found with a prefix-sum scan, and u scaled by the nucleus's mass instead of dividing
// every running sum.
pub fn top_p_sample(probs: &[f64], p: f64, u: f64) -> usize {
    let mut pairs: Vec<(f64, usize)> = probs.iter().copied().zip(0..).collect();
    pairs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then(a.1.cmp(&b.1)));
    let mut prefix = Vec::with_capacity(pairs.len());
    let mut acc = 0.0;
    for &(q, _) in &pairs {
        acc += q;
        prefix.push(acc);
    }
    let end = prefix
        .iter()
        .position(|&s| s >= p)
        .unwrap_or(pairs.len() - 1);
    let target = u * prefix[end];
    let pick = prefix[..=end]
        .iter()
        .position(|&s| s > target)
        .unwrap_or(end);
    pairs[pick].1
}
