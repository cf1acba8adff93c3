// Mistake: computes each probability as 1 / Σ_j exp(x_j - x_i), which is stable (an
// overflowing term only drives the probability to 0) but takes O(n²) exps: 4·10^10 on
// 200000 logits.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    logits
        .iter()
        .map(|&xi| {
            if xi == f64::NEG_INFINITY {
                return 0.0;
            }
            let sum: f64 = logits
                .iter()
                .filter(|&&xj| xj != f64::NEG_INFINITY)
                .map(|&xj| (xj - xi).exp())
                .sum();
            1.0 / sum
        })
        .collect()
}
