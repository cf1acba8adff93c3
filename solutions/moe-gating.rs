/// Top-k gating: for each token, the `k` experts with the largest logits (ties to the
/// lower index; all of them when `k` exceeds their number), in that order, weighted by a
/// softmax over the kept logits only.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    logits
        .iter()
        .map(|row| {
            let mut experts: Vec<usize> = (0..row.len()).collect();
            // Logit descending, then index ascending: one order, whatever the sort.
            experts.sort_by(|&a, &b| row[b].total_cmp(&row[a]).then(a.cmp(&b)));
            experts.truncate(k);
            // The first kept logit is the largest: subtracting it keeps exp <= 1.
            let max = row[experts[0]];
            let exps: Vec<f64> = experts.iter().map(|&e| (row[e] - max).exp()).collect();
            let sum: f64 = exps.iter().sum();
            experts
                .into_iter()
                .zip(exps)
                .map(|(e, x)| (e, x / sum))
                .collect()
        })
        .collect()
}
