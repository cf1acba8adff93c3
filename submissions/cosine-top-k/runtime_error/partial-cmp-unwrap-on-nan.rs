// Mistake: divides by the norms without checking them and sorts with partial_cmp(..).unwrap(), which panics on the NaN of a zero vector.
pub fn top_k_cosine(query: &[f64], docs: &[Vec<f64>], k: usize) -> Vec<usize> {
    let query_norm = norm(query);
    let similarity: Vec<f64> = docs
        .iter()
        .map(|doc| {
            let doc_norm = norm(doc);
            dot(query, doc) / (query_norm * doc_norm)
        })
        .collect();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        similarity[b]
            .partial_cmp(&similarity[a])
            .unwrap()
            .then(a.cmp(&b))
    });
    order.truncate(k);
    order
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
}
