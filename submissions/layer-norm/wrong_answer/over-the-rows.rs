// Mistake: normalises each feature over the rows (batch normalization) instead of each
// row over its features.
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], eps: f64) -> Vec<Vec<f64>> {
    let n = x.len() as f64;
    let d = gamma.len();
    let mut out = vec![vec![0.0; d]; x.len()];
    for j in 0..d {
        let mean = x.iter().map(|row| row[j]).sum::<f64>() / n;
        let var = x.iter().map(|row| (row[j] - mean).powi(2)).sum::<f64>() / n;
        let std = (var + eps).sqrt();
        for (r, row) in x.iter().enumerate() {
            out[r][j] = (row[j] - mean) / std * gamma[j] + beta[j];
        }
    }
    out
}
