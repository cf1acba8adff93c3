// Mistake: keeps every candidate until the last step and prunes only then, an exhaustive
// search that returns the best full sequences (not what beam search returns) and grows
// as V^steps.
pub fn beam_search(
    start: usize,
    log_probs: &[Vec<f64>],
    steps: usize,
    beam: usize,
) -> Vec<(Vec<usize>, f64)> {
    let mut all = vec![(vec![start], 0.0)];
    for _ in 0..steps {
        let mut next = Vec::new();
        for (seq, score) in &all {
            let last = *seq.last().unwrap();
            for (token, lp) in log_probs[last].iter().enumerate() {
                let mut s = seq.clone();
                s.push(token);
                next.push((s, score + lp));
            }
        }
        all = next;
    }
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(beam);
    all
}
