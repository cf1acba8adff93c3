// Mistake: sorts the (logit, index) pairs descending as a whole, so among equal logits
// the higher index wins.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    logits
        .iter()
        .map(|row| {
            let mut pairs: Vec<(f64, usize)> = row.iter().copied().zip(0..).collect();
            pairs.sort_by(|a, b| b.partial_cmp(a).unwrap());
            pairs.truncate(k);
            let max = pairs[0].0;
            let sum: f64 = pairs.iter().map(|(l, _)| (l - max).exp()).sum();
            pairs
                .into_iter()
                .map(|(l, e)| (e, (l - max).exp() / sum))
                .collect()
        })
        .collect()
}
