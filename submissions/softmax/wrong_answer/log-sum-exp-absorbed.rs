// Mistake: exp(x_i - logsumexp(x)) with logsumexp = m + ln(Σ exp(x_j - m)) formed first;
// next to m = 1e308 (whose spacing is about 2e292) ln(2) is lost, so two tied logits of
// 1e308 each get probability 1.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let m = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let lse = m + logits.iter().map(|&x| (x - m).exp()).sum::<f64>().ln();
    logits.iter().map(|&x| (x - lse).exp()).collect()
}
