// Another correct approach: a stable softmax over every expert, then the k best
// probabilities renormalised to sum to 1 (p_e / Σ_kept p = exp(l_e) / Σ_kept exp(l)),
// picked with a stable sort, which keeps tied experts in index order.
pub fn top_k_gating(logits: &[Vec<f64>], k: usize) -> Vec<Vec<(usize, f64)>> {
    let mut out = Vec::new();
    for row in logits {
        let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let probs: Vec<f64> = row.iter().map(|l| (l - max).exp()).collect();
        let mut order: Vec<usize> = (0..row.len()).collect();
        order.sort_by(|&a, &b| row[b].partial_cmp(&row[a]).unwrap());
        let kept = &order[..k.min(row.len())];
        let total: f64 = kept.iter().map(|&e| probs[e]).sum();
        out.push(kept.iter().map(|&e| (e, probs[e] / total)).collect());
    }
    out
}
