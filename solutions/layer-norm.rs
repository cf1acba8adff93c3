/// Layer normalization: each row of `x` normalised over its own features,
/// `(x - mean) / sqrt(var + eps) * gamma + beta`, with the population variance.
///
/// Two passes over each row: the mean first, then the mean of the squared deviations
/// from it. The one-pass `E[x²] - E[x]²` subtracts two numbers near 1e18 when the
/// features are near 1e9, and the few units of variance between them are lost.
pub fn layer_norm(x: &[Vec<f64>], gamma: &[f64], beta: &[f64], eps: f64) -> Vec<Vec<f64>> {
    x.iter()
        .map(|row| {
            let d = row.len() as f64;
            let mean = row.iter().sum::<f64>() / d;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / d;
            let inv_std = 1.0 / (var + eps).sqrt();
            row.iter()
                .zip(gamma.iter().zip(beta))
                .map(|(v, (g, b))| (v - mean) * inv_std * g + b)
                .collect()
        })
        .collect()
}
