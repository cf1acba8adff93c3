// Mistake: walks the sorted examples one at a time, so each example of a tie is its own
// threshold and the answer depends on which one the sort put first.
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut tp, mut ap) = (0usize, 0.0);
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            tp += 1;
            ap += (tp as f64 / (rank + 1) as f64) / positives as f64;
        }
    }
    ap
}
