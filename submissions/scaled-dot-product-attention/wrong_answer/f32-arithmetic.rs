// Mistake: computes in f32; its 24-bit mantissa loses about 1e-5 of a score near 100, which moves the weights past the 1e-6 tolerance.
pub fn attention(q: &[Vec<f64>], k: &[Vec<f64>], v: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let scale = 1.0 / (q[0].len() as f32).sqrt();
    let mut out = Vec::new();
    for query in q {
        let scores: Vec<f32> = k
            .iter()
            .map(|key| {
                query
                    .iter()
                    .zip(key)
                    .map(|(&a, &b)| a as f32 * b as f32)
                    .sum::<f32>()
                    * scale
            })
            .collect();
        let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let exps: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
        let sum: f32 = exps.iter().sum();
        let mut row = vec![0.0f32; v[0].len()];
        for (e, value) in exps.iter().zip(v) {
            for (r, &x) in row.iter_mut().zip(value) {
                *r += e / sum * x as f32;
            }
        }
        out.push(row.into_iter().map(f64::from).collect());
    }
    out
}
