// Mistake: computes in f32; 1e308 does not fit (it becomes inf), and near 124 its 24-bit
// mantissa loses about 1e-5 of a logit, which moves the probabilities past 1e-6.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let xs: Vec<f32> = logits.iter().map(|&x| x as f32).collect();
    let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = xs.iter().map(|&x| (x - m).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.iter().map(|&e| f64::from(e / sum)).collect()
}
