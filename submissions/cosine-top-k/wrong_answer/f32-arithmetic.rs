// Mistake: computes the similarities in f32, which cannot tell near-duplicate documents apart (they tie, and the lower index wins).
pub fn top_k_cosine(query: &[f64], docs: &[Vec<f64>], k: usize) -> Vec<usize> {
    let query_norm = norm(query);
    let similarity: Vec<f64> = docs
        .iter()
        .map(|doc| {
            let doc_norm = norm(doc);
            if query_norm == 0.0 || doc_norm == 0.0 {
                0.0
            } else {
                f64::from((dot(query, doc) / (query_norm * doc_norm)) as f32)
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| similarity[b].total_cmp(&similarity[a]).then(a.cmp(&b)));
    order.truncate(k);
    order
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    let s: f32 = a.iter().zip(b).map(|(&x, &y)| x as f32 * y as f32).sum();
    f64::from(s)
}

fn norm(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
}
