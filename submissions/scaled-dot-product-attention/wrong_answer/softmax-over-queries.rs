// Mistake: normalizes each column of scores (over the queries) instead of each row (over the keys).
pub fn attention(q: &[Vec<f64>], k: &[Vec<f64>], v: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let scale = 1.0 / (q[0].len() as f64).sqrt();
    let scores: Vec<Vec<f64>> = q
        .iter()
        .map(|query| {
            k.iter()
                .map(|key| query.iter().zip(key).map(|(a, b)| a * b).sum::<f64>() * scale)
                .collect()
        })
        .collect();
    let mut weights = vec![vec![0.0; k.len()]; q.len()];
    for j in 0..k.len() {
        let max = (0..q.len())
            .map(|i| scores[i][j])
            .fold(f64::NEG_INFINITY, f64::max);
        let sum: f64 = (0..q.len()).map(|i| (scores[i][j] - max).exp()).sum();
        for i in 0..q.len() {
            weights[i][j] = (scores[i][j] - max).exp() / sum;
        }
    }
    weights
        .iter()
        .map(|w| {
            let mut row = vec![0.0; v[0].len()];
            for (wj, value) in w.iter().zip(v) {
                for (r, x) in row.iter_mut().zip(value) {
                    *r += wj * x;
                }
            }
            row
        })
        .collect()
}
