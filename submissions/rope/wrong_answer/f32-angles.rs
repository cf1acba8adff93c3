// Mistake: computes the angles in f32; at position 4000 an f32 angle is only known to
// about 2e-4 radians, far more than the tolerance allows.
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    x.iter()
        .enumerate()
        .map(|(p, row)| {
            let d = row.len();
            let mut out = vec![0.0; d];
            for i in 0..d / 2 {
                let theta = p as f32 * (base as f32).powf(-2.0 * i as f32 / d as f32);
                let (sin, cos) = (f64::from(theta.sin()), f64::from(theta.cos()));
                let (a, b) = (row[2 * i], row[2 * i + 1]);
                out[2 * i] = a * cos - b * sin;
                out[2 * i + 1] = a * sin + b * cos;
            }
            out
        })
        .collect()
}
