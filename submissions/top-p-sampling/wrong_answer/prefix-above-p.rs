// Mistake: stops the prefix only when its sum is strictly above p, so a prefix summing exactly to p takes one token more.
pub fn top_p_sample(probs: &[f64], p: f64, u: f64) -> usize {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut kept = 0;
    let mut sum = 0.0;
    for &token in &order {
        kept += 1;
        sum += probs[token];
        if sum > p {
            break;
        }
    }
    let nucleus = &order[..kept];
    let mut running = 0.0;
    for &token in nucleus {
        running += probs[token];
        if running / sum > u {
            return token;
        }
    }
    nucleus[kept - 1]
}
