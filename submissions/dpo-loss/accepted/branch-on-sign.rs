// Another correct approach: −log σ(z) by the sign of z: ln(1 + e^(−z)) for z ≥ 0, and
// −z + ln(1 + e^z) for z < 0, so e is only raised to non-positive powers.
pub fn dpo_loss(pc: &[f64], pr: &[f64], rc: &[f64], rr: &[f64], beta: f64) -> f64 {
    let mut sum = 0.0;
    for i in 0..pc.len() {
        let z = beta * ((pc[i] - rc[i]) - (pr[i] - rr[i]));
        sum += if z >= 0.0 { (-z).exp().ln_1p() } else { -z + z.exp().ln_1p() };
    }
    if pc.is_empty() {
        0.0
    } else {
        sum / pc.len() as f64
    }
}
