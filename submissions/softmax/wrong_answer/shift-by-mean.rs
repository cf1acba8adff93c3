// Mistake: shifts by the mean of the logits; the sum of two logits of 1e308 overflows to
// inf, a -inf logit makes the mean -inf, and a logit far above the mean still overflows.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let mean = logits.iter().sum::<f64>() / logits.len() as f64;
    let exps: Vec<f64> = logits.iter().map(|&x| (x - mean).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}
