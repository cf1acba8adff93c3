// Mistake: slices the first k sorted experts with [..k], which panics when k exceeds the
// number of experts.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    logits
        .iter()
        .map(|row| {
            let mut experts: Vec<usize> = (0..row.len()).collect();
            experts.sort_by(|&a, &b| row[b].total_cmp(&row[a]).then(a.cmp(&b)));
            let kept = &experts[..k];
            let max = row[kept[0]];
            let sum: f64 = kept.iter().map(|&e| (row[e] - max).exp()).sum();
            kept.iter()
                .map(|&e| (e, (row[e] - max).exp() / sum))
                .collect()
        })
        .collect()
}
