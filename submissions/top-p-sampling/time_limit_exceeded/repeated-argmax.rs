// Mistake: builds the nucleus by searching the remaining tokens for the most probable one
// again and again, O(n) per kept token: about 4·10^10 steps when a flat distribution's
// nucleus holds most of 200000 tokens.
pub fn top_p_sample(probs: &[f64], p: f64, u: f64) -> usize {
    let mut taken = vec![false; probs.len()];
    let mut nucleus = Vec::new();
    let mut sum = 0.0;
    while nucleus.len() < probs.len() && (nucleus.is_empty() || sum < p) {
        let mut best = usize::MAX;
        for (i, &q) in probs.iter().enumerate() {
            if !taken[i] && (best == usize::MAX || q > probs[best]) {
                best = i;
            }
        }
        taken[best] = true;
        sum += probs[best];
        nucleus.push(best);
    }
    let mut running = 0.0;
    for &token in &nucleus {
        running += probs[token];
        if running / sum > u {
            return token;
        }
    }
    *nucleus.last().unwrap()
}
