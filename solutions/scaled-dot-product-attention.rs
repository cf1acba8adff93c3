/// Scaled dot-product attention: `softmax(q · kᵀ / sqrt(d_k)) · v`, row by row.
///
/// `q` is n × d_k (one row per query), `k` is m × d_k and `v` is m × d_v (one row
/// per key/value position). Row i of the result is the average of the rows of `v`,
/// weighted by the softmax over the m keys of query i's scaled scores.
pub fn attention(q: &[Vec<f64>], k: &[Vec<f64>], v: &[Vec<f64>]) -> Vec<Vec<f64>> {
    // d_k is the length of a query/key vector, not the number of queries.
    let d_k = q[0].len() as f64;
    let scale = 1.0 / d_k.sqrt();
    let d_v = v[0].len();
    q.iter()
        .map(|query| {
            let scores: Vec<f64> = k.iter().map(|key| dot(query, key) * scale).collect();
            let weights = softmax(&scores);
            let mut out = vec![0.0; d_v];
            for (w, value) in weights.iter().zip(v) {
                for (o, x) in out.iter_mut().zip(value) {
                    *o += w * x;
                }
            }
            out
        })
        .collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Numerically stable softmax. Subtracting the maximum first leaves the result
/// unchanged (the factor e^-max cancels) but keeps every exponent <= 0: `exp` of a
/// score near 1000 would overflow to infinity, and inf / inf is NaN. Starting the
/// maximum at -inf (not 0) matters too: with all scores near -1000, subtracting 0
/// would underflow every exponent to 0 and divide 0 by 0.
fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}
