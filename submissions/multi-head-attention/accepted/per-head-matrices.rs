// Another correct approach: the head's own projection matrices first (the column slice
// of each weight matrix), its seq × seq score matrix with -inf above the diagonal when
// causal, and the head's output multiplied by its rows of w_o, summed over the heads:
// concat · w_o = Σ_h O_h · w_o[h·d_h .. (h+1)·d_h].
pub fn multi_head_attention(
    x: &[Vec<f64>],
    w_q: &[Vec<f64>],
    w_k: &[Vec<f64>],
    w_v: &[Vec<f64>],
    w_o: &[Vec<f64>],
    heads: usize,
    causal: bool,
) -> Vec<Vec<f64>> {
    let n = x.len();
    let d = w_q.len();
    let dh = d / heads;
    let project = |w: &[Vec<f64>], h: usize| -> Vec<Vec<f64>> {
        x.iter()
            .map(|row| {
                (h * dh..(h + 1) * dh)
                    .map(|c| (0..d).map(|k| row[k] * w[k][c]).sum())
                    .collect()
            })
            .collect()
    };
    let mut out = vec![vec![0.0; d]; n];
    for h in 0..heads {
        let (q, k, v) = (project(w_q, h), project(w_k, h), project(w_v, h));
        for i in 0..n {
            let mut s: Vec<f64> = (0..n)
                .map(|j| {
                    if causal && j > i {
                        f64::NEG_INFINITY
                    } else {
                        (0..dh).map(|c| q[i][c] * k[j][c]).sum::<f64>() / (dh as f64).sqrt()
                    }
                })
                .collect();
            let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut total = 0.0;
            for e in s.iter_mut() {
                *e = (*e - m).exp();
                total += *e;
            }
            let o: Vec<f64> = (0..dh)
                .map(|c| (0..n).map(|j| s[j] / total * v[j][c]).sum())
                .collect();
            for col in 0..d {
                out[i][col] += (0..dh).map(|c| o[c] * w_o[h * dh + c][col]).sum::<f64>();
            }
        }
    }
    out
}
