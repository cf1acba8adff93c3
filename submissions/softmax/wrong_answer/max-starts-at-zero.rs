// Mistake: starts the maximum at 0.0 instead of -inf; when every logit is very negative,
// the shift is 0 and every exp underflows to 0, so the result is 0 / 0.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let mut m = 0.0;
    for &x in logits {
        if x > m {
            m = x;
        }
    }
    let exps: Vec<f64> = logits.iter().map(|&x| (x - m).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}
