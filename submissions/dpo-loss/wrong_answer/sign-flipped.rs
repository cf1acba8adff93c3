// Mistake: takes the margin the wrong way round, (πr − rr) − (πc − rc), which rewards
// the policy for preferring the rejected answer.
pub fn dpo_loss(pc: &[f64], pr: &[f64], rc: &[f64], rr: &[f64], beta: f64) -> f64 {
    if pc.is_empty() {
        return 0.0;
    }
    let softplus = |x: f64| x.max(0.0) + (-x.abs()).exp().ln_1p();
    let mut sum = 0.0;
    for i in 0..pc.len() {
        sum += softplus(-beta * ((pr[i] - rr[i]) - (pc[i] - rc[i])));
    }
    sum / pc.len() as f64
}
