/// Nucleus sampling with the random number given: the shortest prefix of the tokens by
/// probability (descending, ties to the lower index) whose sum reaches `p`, renormalised,
/// and the first kept token whose running renormalised sum exceeds `u`.
pub fn top_p_sample(probs: &[f64], p: f64, u: f64) -> usize {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut kept = 0;
    let mut sum = 0.0;
    for &token in &order {
        kept += 1;
        sum += probs[token];
        if sum >= p {
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
    // Only rounding can leave the last running sum at or below u.
    nucleus[kept - 1]
}
