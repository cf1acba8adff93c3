// Mistake: the causal mask keeps only j < i, so a position does not see itself and the first one sees nothing (0 / 0).
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
    let scale = 1.0 / (d_h as f64).sqrt();
    let mut concat = vec![vec![0.0; d_model]; seq];
    for h in 0..heads {
        let cols = h * d_h..(h + 1) * d_h;
        for i in 0..seq {
            let visible = if causal { i } else { seq };
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

fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}
