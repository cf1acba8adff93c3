// Mistake: starts the running maximum at 0.0 instead of -inf; when every score is very negative, all exponents underflow to 0 and 0 / 0 is NaN.
pub fn attention(q: &[Vec<f64>], k: &[Vec<f64>], v: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let scale = 1.0 / (q[0].len() as f64).sqrt();
    let mut out = Vec::new();
    for query in q {
        let scores: Vec<f64> = k
            .iter()
            .map(|key| query.iter().zip(key).map(|(a, b)| a * b).sum::<f64>() * scale)
            .collect();
        let mut max = 0.0;
        for &s in &scores {
            if s > max {
                max = s;
            }
        }
        let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
        let sum: f64 = exps.iter().sum();
        let mut row = vec![0.0; v[0].len()];
        for (e, value) in exps.iter().zip(v) {
            for (r, x) in row.iter_mut().zip(value) {
                *r += e / sum * x;
            }
        }
        out.push(row);
    }
    out
}
