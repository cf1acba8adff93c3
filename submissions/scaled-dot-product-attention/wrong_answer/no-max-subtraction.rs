// Mistake: softmax without subtracting the maximum; exp of a score above ~709 is inf, and inf / inf is NaN.
pub fn attention(q: &[Vec<f64>], k: &[Vec<f64>], v: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let scale = 1.0 / (q[0].len() as f64).sqrt();
    let mut out = Vec::new();
    for query in q {
        let exps: Vec<f64> = k
            .iter()
            .map(|key| {
                let score: f64 = query.iter().zip(key).map(|(a, b)| a * b).sum();
                (score * scale).exp()
            })
            .collect();
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
