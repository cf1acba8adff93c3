// Mistake: the "rotate half" pairing of GPT-NeoX and Hugging Face, x[i] with x[i + d/2],
// instead of the interleaved pairs (x[2i], x[2i+1]).
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    x.iter()
        .enumerate()
        .map(|(p, row)| {
            let d = row.len();
            let half = d / 2;
            let mut out = vec![0.0; d];
            for i in 0..half {
                let theta = p as f64 * base.powf(-2.0 * i as f64 / d as f64);
                let (a, b) = (row[i], row[i + half]);
                out[i] = a * theta.cos() - b * theta.sin();
                out[i + half] = a * theta.sin() + b * theta.cos();
            }
            out
        })
        .collect()
}
