/// Average precision as scikit-learn's `average_precision_score` computes it: the sum of
/// `(R_n - R_{n-1}) · P_n` over the thresholds at each distinct score, highest first.
///
/// The examples are sorted by score once; a run of equal scores is one threshold, so the
/// counts advance over the whole run before its term is added.
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut previous_recall = 0.0;
    let mut ap = 0.0;
    let mut i = 0;
    while i < order.len() {
        let score = scores[order[i]];
        // Every example of this score enters the predictions together.
        while i < order.len() && scores[order[i]] == score {
            if labels[order[i]] {
                tp += 1;
            } else {
                fp += 1;
            }
            i += 1;
        }
        let precision = tp as f64 / (tp + fp) as f64;
        let recall = tp as f64 / positives as f64;
        ap += (recall - previous_recall) * precision;
        previous_recall = recall;
    }
    ap
}
