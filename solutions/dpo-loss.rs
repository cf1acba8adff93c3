/// `ln(1 + e^x)` without overflow: `max(x, 0) + ln(1 + e^(-|x|))`, so `exp` only sees
/// non-positive arguments.
fn softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}

/// The DPO loss: the mean over pairs of `−log σ(z)` with
/// `z = β · ((πc − rc) − (πr − rr))`, computed as `softplus(−z)`; 0 without pairs.
pub fn dpo_loss(
    policy_chosen: &[f64],
    policy_rejected: &[f64],
    ref_chosen: &[f64],
    ref_rejected: &[f64],
    beta: f64,
) -> f64 {
    let n = policy_chosen.len();
    if n == 0 {
        return 0.0;
    }
    let total: f64 = (0..n)
        .map(|i| {
            let chosen = policy_chosen[i] - ref_chosen[i];
            let rejected = policy_rejected[i] - ref_rejected[i];
            softplus(-beta * (chosen - rejected))
        })
        .sum();
    total / n as f64
}
