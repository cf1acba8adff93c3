// Mistake: keeps only the tokens while the sum is still below p, leaving out the token
// that makes it reach p (an off-by-one: at least one token is still kept).
pub fn top_p_sample(probs: &[f64], p: f64, u: f64) -> usize {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut kept = 0;
    let mut sum = 0.0;
    while kept < order.len() && sum + probs[order[kept]] < p {
        sum += probs[order[kept]];
        kept += 1;
    }
    if kept == 0 {
        kept = 1;
        sum = probs[order[0]];
    }
    let mut running = 0.0;
    for &token in &order[..kept] {
        running += probs[token];
        if running / sum > u {
            return token;
        }
    }
    order[kept - 1]
}
