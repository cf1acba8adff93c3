// Mistake: the formula as written, without shifting by the maximum; exp(1000) is inf and
// inf / inf is NaN, exp(-1000) is 0 and 0 / 0 is NaN.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let exps: Vec<f64> = logits.iter().map(|x| x.exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}
