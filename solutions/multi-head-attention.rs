/// Multi-head self-attention: the projections `x · w_q`, `x · w_k`, `x · w_v`, scaled
/// dot-product attention in each head's column slice (`1/sqrt(d_h)`, keys `j <= i` only
/// when `causal`), the heads' outputs side by side in their columns, then `· w_o`.
pub fn multi_head_attention(
    x: &[Vec<f64>],
    w_q: &[Vec<f64>],
    w_k: &[Vec<f64>],
    w_v: &[Vec<f64>],
    w_o: &[Vec<f64>],
    heads: usize,
    causal: bool,
) -> Vec<Vec<f64>> {
    let (q, k, v) = (matmul(x, w_q), matmul(x, w_k), matmul(x, w_v));
    let seq = x.len();
    let d_model = w_q.len();
    let d_h = d_model / heads;
    // Each head is attention in d_h dimensions, so its scale uses d_h, not d_model.
    let scale = 1.0 / (d_h as f64).sqrt();
    let mut concat = vec![vec![0.0; d_model]; seq];
    for h in 0..heads {
        let cols = h * d_h..(h + 1) * d_h;
        for i in 0..seq {
            // The masked keys are left out of the softmax, which is a score of -inf.
            let visible = if causal { i + 1 } else { seq };
            let scores: Vec<f64> = (0..visible)
                .map(|j| cols.clone().map(|c| q[i][c] * k[j][c]).sum::<f64>() * scale)
                .collect();
            let weights = softmax(&scores);
            for c in cols.clone() {
                concat[i][c] = weights.iter().enumerate().map(|(j, w)| w * v[j][c]).sum();
            }
        }
    }
    matmul(&concat, w_o)
}

/// `a · b` for row-major matrices.
fn matmul(a: &[Vec<f64>], b: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let cols = b.first().map_or(0, Vec::len);
    a.iter()
        .map(|row| {
            (0..cols)
                .map(|c| row.iter().zip(b).map(|(x, b_row)| x * b_row[c]).sum())
                .collect()
        })
        .collect()
}

/// Softmax with the maximum subtracted first, so that no exponent is positive.
fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}
