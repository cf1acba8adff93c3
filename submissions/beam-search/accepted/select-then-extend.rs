// Another correct approach: candidates as (score, parent, token) triples, so that only
// the kept ones are turned into sequences; ties compare the parent's sequence and then
// the token, which is the lexicographic order of the extended sequences.
pub fn beam_search(
    start: usize,
    log_probs: &[Vec<f64>],
    steps: usize,
    beam: usize,
) -> Vec<(Vec<usize>, f64)> {
    let mut beams: Vec<(Vec<usize>, f64)> = vec![(vec![start], 0.0)];
    for _ in 0..steps {
        let mut cands: Vec<(f64, usize, usize)> = Vec::new();
        for (p, (seq, score)) in beams.iter().enumerate() {
            let row = &log_probs[*seq.last().unwrap()];
            for t in 0..row.len() {
                cands.push((score + row[t], p, t));
            }
        }
        cands.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap()
                .then_with(|| beams[a.1].0.cmp(&beams[b.1].0))
                .then(a.2.cmp(&b.2))
        });
        let next = cands
            .iter()
            .take(beam)
            .map(|&(score, p, t)| {
                let mut seq = beams[p].0.clone();
                seq.push(t);
                (seq, score)
            })
            .collect();
        beams = next;
    }
    beams
}
