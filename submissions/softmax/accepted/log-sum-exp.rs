// Another correct approach: log-probabilities first, log p_i = (x_i - m) - ln(Σ exp(x_j - m)),
// then exp. The shift by m comes first, so ln(Σ) is never added to a huge m and lost.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let m = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let log_sum = logits.iter().map(|&x| (x - m).exp()).sum::<f64>().ln();
    logits.iter().map(|&x| ((x - m) - log_sum).exp()).collect()
}
