// Mistake: breaks ties by the lexicographically larger sequence (a descending sort of (score, sequence) as a whole).
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
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
        candidates.truncate(beam);
        beams = candidates;
    }
    beams
}
