/// Softmax of `logits`: `exp(x_i) / Σ_j exp(x_j)`, computed as
/// `exp(x_i - m) / Σ_j exp(x_j - m)` with `m` the largest logit.
///
/// The shift by `m` cancels in the fraction but keeps every exponent `<= 0`, so no term
/// overflows, and the largest term is exactly 1, so the sum is never 0. `m` is finite
/// (at least one logit is), so a `-inf` logit gives `exp(-inf) = 0`, never
/// `-inf - (-inf) = NaN`.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let m = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = logits.iter().map(|&x| (x - m).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}
