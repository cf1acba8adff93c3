// Mistake: leaves out the reference model, taking z = β · (πc − πr).
pub fn dpo_loss(pc: &[f64], pr: &[f64], _rc: &[f64], _rr: &[f64], beta: f64) -> f64 {
    if pc.is_empty() {
        return 0.0;
    }
    let softplus = |x: f64| x.max(0.0) + (-x.abs()).exp().ln_1p();
    let sum: f64 = pc.iter().zip(pr).map(|(c, r)| softplus(-beta * (c - r))).sum();
    sum / pc.len() as f64
}
