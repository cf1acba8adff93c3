// Mistake: puts the feature index j = 2i into the exponent, base^(-2j/d), instead of
// the pair index: every pair after the first turns too slowly.
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    x.iter()
        .enumerate()
        .map(|(p, row)| {
            let d = row.len();
            let mut out = vec![0.0; d];
            for j in (0..d).step_by(2) {
                let theta = p as f64 * base.powf(-2.0 * j as f64 / d as f64);
                let (a, b) = (row[j], row[j + 1]);
                out[j] = a * theta.cos() - b * theta.sin();
                out[j + 1] = a * theta.sin() + b * theta.cos();
            }
            out
        })
        .collect()
}
