// Mistake: computes in f32; near 1e9 its numbers are 64 apart, so the features' spread
// is lost before any formula runs.
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], eps: f64) -> Vec<Vec<f64>> {
    x.iter()
        .map(|row| {
            let row: Vec<f32> = row.iter().map(|&v| v as f32).collect();
            let d = row.len() as f32;
            let mean = row.iter().sum::<f32>() / d;
            let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / d;
            let std = (var + eps as f32).sqrt();
            row.iter()
                .enumerate()
                .map(|(j, v)| f64::from((v - mean) / std * gamma[j] as f32 + beta[j] as f32))
                .collect()
        })
        .collect()
}
