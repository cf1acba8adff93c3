// Another correct approach: one pass for the maximum and the sum together (the "online
// softmax" of fused attention kernels), rescaling the sum whenever the maximum grows.
// A -inf logit is skipped: before a finite value is seen the running maximum is -inf too,
// and -inf - (-inf) would be NaN.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let mut m = f64::NEG_INFINITY;
    let mut sum = 0.0;
    for &x in logits {
        if x == f64::NEG_INFINITY {
            continue;
        }
        if x > m {
            sum = sum * (m - x).exp() + 1.0;
            m = x;
        } else {
            sum += (x - m).exp();
        }
    }
    logits.iter().map(|&x| (x - m).exp() / sum).collect()
}
