// Another correct approach: the query and each document scaled to unit length first (a
// zero vector stays zero), the similarity then a plain dot product, and a stable sort by
// similarity alone, which keeps tied documents in index order.
pub fn top_k_cosine(query: &[f64], docs: &[Vec<f64>], k: usize) -> Vec<usize> {
    fn unit(v: &[f64]) -> Vec<f64> {
        let n = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if n == 0.0 {
            vec![0.0; v.len()]
        } else {
            v.iter().map(|x| x / n).collect()
        }
    }
    let q = unit(query);
    let mut scored: Vec<(usize, f64)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (i, unit(d).iter().zip(&q).map(|(a, b)| a * b).sum()))
        .collect();
    scored.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
    scored.into_iter().take(k).map(|(i, _)| i).collect()
}
