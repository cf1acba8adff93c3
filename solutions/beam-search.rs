/// Beam search over a bigram model: at each of `steps` steps, every kept sequence is
/// extended by every token, and the `beam` best candidates are kept, ordered by score
/// descending and, among equal scores, by token sequence ascending.
pub fn beam_search(
    start: usize,
    log_probs: &[Vec<f64>],
    steps: usize,
    beam: usize,
) -> Vec<(Vec<usize>, f64)> {
    let mut beams = vec![(vec![start], 0.0)];
    for _ in 0..steps {
        let mut candidates: Vec<(Vec<usize>, f64)> =
            Vec::with_capacity(beams.len() * log_probs.len());
        for (seq, score) in &beams {
            let last = seq[seq.len() - 1];
            for (token, lp) in log_probs[last].iter().enumerate() {
                let mut next = seq.clone();
                next.push(token);
                candidates.push((next, score + lp));
            }
        }
        // A total order: the tie rule applies when pruning as well as in the result.
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        candidates.truncate(beam);
        beams = candidates;
    }
    beams
}
