// Another correct approach: the whole score matrix first, a stable softmax on each row,
// then the product with v.
pub fn attention(q: &[Vec<f64>], k: &[Vec<f64>], v: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let scale = (q[0].len() as f64).sqrt();
    let mut scores: Vec<Vec<f64>> = q
        .iter()
        .map(|qi| {
            k.iter()
                .map(|kj| qi.iter().zip(kj).map(|(a, b)| a * b).sum::<f64>() / scale)
                .collect()
        })
        .collect();
    for row in scores.iter_mut() {
        let max = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let mut sum = 0.0;
        for s in row.iter_mut() {
            *s = (*s - max).exp();
            sum += *s;
        }
        for s in row.iter_mut() {
            *s /= sum;
        }
    }
    let d_v = v[0].len();
    scores
        .iter()
        .map(|w| {
            (0..d_v)
                .map(|c| w.iter().zip(v).map(|(wj, vj)| wj * vj[c]).sum())
                .collect()
        })
        .collect()
}
