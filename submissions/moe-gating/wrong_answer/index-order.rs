// Mistake: returns the kept experts in index order instead of descending logit order.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    logits
        .iter()
        .map(|row| {
            let mut experts: Vec<usize> = (0..row.len()).collect();
            experts.sort_by(|&a, &b| row[b].total_cmp(&row[a]).then(a.cmp(&b)));
            experts.truncate(k);
            let max = row[experts[0]];
            let sum: f64 = experts.iter().map(|&e| (row[e] - max).exp()).sum();
            experts.sort();
            experts
                .into_iter()
                .map(|e| (e, (row[e] - max).exp() / sum))
                .collect()
        })
        .collect()
}
