// Mistake: takes the top k of a softmax over all experts without renormalising, so the
// kept weights sum to less than 1.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    logits
        .iter()
        .map(|row| {
            let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let sum: f64 = row.iter().map(|l| (l - max).exp()).sum();
            let mut experts: Vec<usize> = (0..row.len()).collect();
            experts.sort_by(|&a, &b| row[b].total_cmp(&row[a]).then(a.cmp(&b)));
            experts.truncate(k);
            experts
                .into_iter()
                .map(|e| (e, (row[e] - max).exp() / sum))
                .collect()
        })
        .collect()
}
