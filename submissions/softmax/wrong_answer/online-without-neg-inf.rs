// Mistake: a one-pass (online) softmax that does not skip -inf logits; while the running
// maximum is still -inf, a -inf logit computes exp(-inf - (-inf)) = exp(NaN) and the
// sum becomes NaN.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let mut m = f64::NEG_INFINITY;
    let mut sum = 0.0;
    for &x in logits {
        if x > m {
            sum = sum * (m - x).exp() + 1.0;
            m = x;
        } else {
            sum += (x - m).exp();
        }
    }
    logits.iter().map(|&x| (x - m).exp() / sum).collect()
}
