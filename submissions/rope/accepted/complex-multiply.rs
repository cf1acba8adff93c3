// Another correct approach: each pair as a complex number a + bi multiplied by
// e^{iθ} = cos θ + i sin θ, as Meta's Llama code writes it (torch.polar).
pub fn apply_rope(x: &[Vec<f64>], base: f64) -> Vec<Vec<f64>> {
    let mut out = Vec::with_capacity(x.len());
    for (p, row) in x.iter().enumerate() {
        let d = row.len();
        let mut rotated = Vec::with_capacity(d);
        for pair in row.chunks_exact(2) {
            let i = rotated.len() / 2;
            let theta = p as f64 / base.powf((2 * i) as f64 / d as f64);
            let (re, im) = (theta.cos(), theta.sin());
            rotated.push(pair[0] * re - pair[1] * im);
            rotated.push(pair[0] * im + pair[1] * re);
        }
        out.push(rotated);
    }
    out
}
