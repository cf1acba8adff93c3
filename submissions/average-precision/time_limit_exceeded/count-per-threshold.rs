// Mistake: for each distinct score, counts the predictions by scanning every example
// again: O(n · distinct scores), far too slow for 2·10^5 nearly distinct scores.
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut thresholds: Vec<f64> = scores.to_vec();
    thresholds.sort_by(|a, b| b.total_cmp(a));
    thresholds.dedup();
    let (mut previous, mut ap) = (0.0, 0.0);
    for t in thresholds {
        let (mut tp, mut fp) = (0usize, 0usize);
        for (&s, &l) in scores.iter().zip(labels) {
            if s >= t {
                if l {
                    tp += 1;
                } else {
                    fp += 1;
                }
            }
        }
        let recall = tp as f64 / positives as f64;
        ap += (recall - previous) * (tp as f64 / (tp + fp) as f64);
        previous = recall;
    }
    ap
}
