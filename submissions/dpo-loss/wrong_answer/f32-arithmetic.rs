// Mistake: computes in f32, stably but with a 24-bit mantissa: log-probabilities near
// -5·10^4 are rounded by about 0.002, far beyond the tolerance on a large loss.
pub fn dpo_loss(pc: &[f64], pr: &[f64], rc: &[f64], rr: &[f64], beta: f64) -> f64 {
    if pc.is_empty() {
        return 0.0;
    }
    let softplus = |x: f32| x.max(0.0) + (-x.abs()).exp().ln_1p();
    let mut sum = 0.0f32;
    for i in 0..pc.len() {
        let (a, b, c, d) = (pc[i] as f32, pr[i] as f32, rc[i] as f32, rr[i] as f32);
        sum += softplus(-(beta as f32) * ((a - c) - (b - d)));
    }
    (sum / pc.len() as f32) as f64
}
