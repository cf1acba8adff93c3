// Another correct approach: Welford's one-pass update of the mean and of the sum of
// squared deviations, stable because it only ever adds deviations from the running mean.
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], eps: f64) -> Vec<Vec<f64>> {
    let mut out = Vec::with_capacity(x.len());
    for row in x {
        let (mut mean, mut m2) = (0.0, 0.0);
        for (k, &v) in row.iter().enumerate() {
            let delta = v - mean;
            mean += delta / (k + 1) as f64;
            m2 += delta * (v - mean);
        }
        let std = (m2 / row.len() as f64 + eps).sqrt();
        let mut y = Vec::with_capacity(row.len());
        for j in 0..row.len() {
            y.push((row[j] - mean) / std * gamma[j] + beta[j]);
        }
        out.push(y);
    }
    out
}
