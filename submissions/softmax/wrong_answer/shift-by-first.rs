// Mistake: shifts by the first logit instead of the largest; a larger logit later still
// overflows exp, and a first logit of -inf turns every shift into inf or NaN.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let c = logits[0];
    let exps: Vec<f64> = logits.iter().map(|&x| (x - c).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}
