/// Rotary position embedding: pair `(x[2i], x[2i+1])` of row `p` (position `p`) turned
/// counter-clockwise by `p · base^(-2i/d)`.
///
/// The inverse frequencies `base^(-2i/d)` depend only on the pair, so they are computed
/// once; each pair's new values are formed from its old ones.
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    let Some(d) = x.first().map(Vec::len) else {
        return Vec::new();
    };
    let inv_freq: Vec<f64> = (0..d / 2)
        .map(|i| base.powf(-2.0 * i as f64 / d as f64))
        .collect();
    x.iter()
        .enumerate()
        .map(|(p, row)| {
            let mut out = vec![0.0; d];
            for (i, &f) in inv_freq.iter().enumerate() {
                let (sin, cos) = (p as f64 * f).sin_cos();
                let (a, b) = (row[2 * i], row[2 * i + 1]);
                out[2 * i] = a * cos - b * sin;
                out[2 * i + 1] = a * sin + b * cos;
            }
            out
        })
        .collect()
}
