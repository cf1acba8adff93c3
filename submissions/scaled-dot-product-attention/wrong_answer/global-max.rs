// Mistake: subtracts one maximum over the whole score matrix instead of each row's own; a row whose scores are all far below it underflows to 0 / 0.
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
    let max = scores
        .iter()
        .flatten()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    scores
        .iter()
        .map(|row| {
            let exps: Vec<f64> = row.iter().map(|s| (s - max).exp()).collect();
            let sum: f64 = exps.iter().sum();
            let mut out = vec![0.0; v[0].len()];
            for (e, value) in exps.iter().zip(v) {
                for (o, x) in out.iter_mut().zip(value) {
                    *o += e / sum * x;
                }
            }
            out
        })
        .collect()
}
