// Mistake: divides the sum by the number of pairs without checking it, so no pairs
// gives 0.0 / 0.0 = NaN.
pub fn dpo_loss(pc: &[f64], pr: &[f64], rc: &[f64], rr: &[f64], beta: f64) -> f64 {
    let softplus = |x: f64| x.max(0.0) + (-x.abs()).exp().ln_1p();
    let mut sum = 0.0;
    for i in 0..pc.len() {
        sum += softplus(-beta * ((pc[i] - rc[i]) - (pr[i] - rr[i])));
    }
    sum / pc.len() as f64
}
