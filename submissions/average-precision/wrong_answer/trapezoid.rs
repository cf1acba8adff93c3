// Mistake: takes the trapezoidal area under the precision-recall curve (averaging the
// precision at both ends of each step), which is optimistic and not what AP means.
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut tp, mut fp, mut i) = (0usize, 0usize, 0);
    let (mut previous_recall, mut previous_precision, mut ap) = (0.0, 1.0, 0.0);
    while i < order.len() {
        let score = scores[order[i]];
        while i < order.len() && scores[order[i]] == score {
            if labels[order[i]] {
                tp += 1;
            } else {
                fp += 1;
            }
            i += 1;
        }
        let recall = tp as f64 / positives as f64;
        let precision = tp as f64 / (tp + fp) as f64;
        ap += (recall - previous_recall) * (precision + previous_precision) / 2.0;
        previous_recall = recall;
        previous_precision = precision;
    }
    ap
}
