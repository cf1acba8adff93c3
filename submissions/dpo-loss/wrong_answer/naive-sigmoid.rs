// Mistake: computes −ln(1 / (1 + e^(−z))) literally; for z below about −710, e^(−z) is
// infinite and the loss is inf instead of about −z.
pub fn dpo_loss(pc: &[f64], pr: &[f64], rc: &[f64], rr: &[f64], beta: f64) -> f64 {
    if pc.is_empty() {
        return 0.0;
    }
    let mut sum = 0.0;
    for i in 0..pc.len() {
        let z = beta * ((pc[i] - rc[i]) - (pr[i] - rr[i]));
        sum += -(1.0 / (1.0 + (-z).exp())).ln();
    }
    sum / pc.len() as f64
}
