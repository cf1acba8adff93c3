// Mistake: a softmax without subtracting the largest kept logit; exp(1000) is inf and
// inf / inf is NaN, exp(-1000) is 0 and 0 / 0 is NaN.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    logits
        .iter()
        .map(|row| {
            let mut experts: Vec<usize> = (0..row.len()).collect();
            experts.sort_by(|&a, &b| row[b].total_cmp(&row[a]).then(a.cmp(&b)));
            experts.truncate(k);
            let sum: f64 = experts.iter().map(|&e| row[e].exp()).sum();
            experts
                .into_iter()
                .map(|e| (e, row[e].exp() / sum))
                .collect()
        })
        .collect()
}
