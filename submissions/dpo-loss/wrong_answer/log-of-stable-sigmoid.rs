// Mistake: computes σ(z) stably but then takes its logarithm: for z below about −745,
// σ(z) underflows to 0 and −ln(0) is inf.
fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

pub fn dpo_loss(pc: &[f64], pr: &[f64], rc: &[f64], rr: &[f64], beta: f64) -> f64 {
    if pc.is_empty() {
        return 0.0;
    }
    let mut sum = 0.0;
    for i in 0..pc.len() {
        let z = beta * ((pc[i] - rc[i]) - (pr[i] - rr[i]));
        sum += -sigmoid(z).ln();
    }
    sum / pc.len() as f64
}
