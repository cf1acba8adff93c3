// Mistake: the one-pass variance E[x²] - E[x]²; for features near 1e9 both terms are near
// 1e18, 128 apart in f64, and their difference loses the variance (clamped at 0 here).
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], eps: f64) -> Vec<Vec<f64>> {
    x.iter()
        .map(|row| {
            let d = row.len() as f64;
            let mean = row.iter().sum::<f64>() / d;
            let mean_sq = row.iter().map(|v| v * v).sum::<f64>() / d;
            let var = (mean_sq - mean * mean).max(0.0);
            let std = (var + eps).sqrt();
            row.iter()
                .enumerate()
                .map(|(j, v)| (v - mean) / std * gamma[j] + beta[j])
                .collect()
        })
        .collect()
}
