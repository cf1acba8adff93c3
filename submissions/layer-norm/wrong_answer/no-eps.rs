// Mistake: leaves eps out, dividing by sqrt(var); a constant row (or a single feature)
// computes 0 / 0.
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], _eps: f64) -> Vec<Vec<f64>> {
    x.iter()
        .map(|row| {
            let d = row.len() as f64;
            let mean = row.iter().sum::<f64>() / d;
            let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / d;
            let std = var.sqrt();
            row.iter()
                .enumerate()
                .map(|(j, v)| (v - mean) / std * gamma[j] + beta[j])
                .collect()
        })
        .collect()
}
