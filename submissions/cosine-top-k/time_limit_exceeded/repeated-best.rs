// Mistake: picks the most similar remaining document k times, O(n) each: 10^10 steps when
// k is the number of documents, 10^5.
pub fn top_k_cosine(query: &[f64], docs: &[Vec<f64>], k: usize) -> Vec<usize> {
    let nq = query.iter().map(|x| x * x).sum::<f64>().sqrt();
    let sims: Vec<f64> = docs
        .iter()
        .map(|d| {
            let nd = d.iter().map(|x| x * x).sum::<f64>().sqrt();
            if nq == 0.0 || nd == 0.0 {
                0.0
            } else {
                query.iter().zip(d).map(|(a, b)| a * b).sum::<f64>() / (nq * nd)
            }
        })
        .collect();
    let mut used = vec![false; docs.len()];
    let mut out = Vec::new();
    while out.len() < k.min(docs.len()) {
        let mut best = usize::MAX;
        for i in 0..docs.len() {
            if !used[i] && (best == usize::MAX || sims[i] > sims[best]) {
                best = i;
            }
        }
        used[best] = true;
        out.push(best);
    }
    out
}
