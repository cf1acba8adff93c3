// Mistake: keeps the first k indices with order[..k], which panics when k exceeds the number of documents.
pub fn top_k_cosine(query: &[f64], docs: &[Vec<f64>], k: usize) -> Vec<usize> {
    let query_norm = norm(query);
    let similarity: Vec<f64> = docs
        .iter()
        .map(|doc| {
            let doc_norm = norm(doc);
            if query_norm == 0.0 || doc_norm == 0.0 {
                0.0
            } else {
                dot(query, doc) / (query_norm * doc_norm)
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| similarity[b].total_cmp(&similarity[a]).then(a.cmp(&b)));
    order[..k].to_vec()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
}
