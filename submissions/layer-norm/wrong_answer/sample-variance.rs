// Mistake: divides the squared deviations by d - 1 (the sample variance) instead of d.
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], eps: f64) -> Vec<Vec<f64>> {
    x.iter()
        .map(|row| {
            let d = row.len() as f64;
            let mean = row.iter().sum::<f64>() / d;
            let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (d - 1.0);
            let std = (var + eps).sqrt();
            row.iter()
                .enumerate()
                .map(|(j, v)| (v - mean) / std * gamma[j] + beta[j])
                .collect()
        })
        .collect()
}
