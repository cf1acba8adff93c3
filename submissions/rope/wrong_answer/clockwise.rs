// Mistake: rotates clockwise, (a·cos + b·sin, -a·sin + b·cos), the transpose of the
// rotation matrix.
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    x.iter()
        .enumerate()
        .map(|(p, row)| {
            let d = row.len();
            let mut out = vec![0.0; d];
            for i in 0..d / 2 {
                let theta = p as f64 * base.powf(-2.0 * i as f64 / d as f64);
                let (a, b) = (row[2 * i], row[2 * i + 1]);
                out[2 * i] = a * theta.cos() + b * theta.sin();
                out[2 * i + 1] = -a * theta.sin() + b * theta.cos();
            }
            out
        })
        .collect()
}
