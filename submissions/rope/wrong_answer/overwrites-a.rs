// Mistake: rotates in place and overwrites a before computing b', so b' uses the new a.
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    let mut out = x.to_vec();
    for (p, row) in out.iter_mut().enumerate() {
        let d = row.len();
        for i in 0..d / 2 {
            let theta = p as f64 * base.powf(-2.0 * i as f64 / d as f64);
            row[2 * i] = row[2 * i] * theta.cos() - row[2 * i + 1] * theta.sin();
            row[2 * i + 1] = row[2 * i] * theta.sin() + row[2 * i + 1] * theta.cos();
        }
    }
    out
}
