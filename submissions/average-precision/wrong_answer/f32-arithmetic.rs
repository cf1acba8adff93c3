// Mistake: sums the precision steps in f32; over 2·10^5 examples the rounding error
// passes the 1e-6 tolerance.
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut previous_recall = 0.0f32;
    let mut ap = 0.0f32;
    let mut i = 0;
    while i < order.len() {
        let score = scores[order[i]];
        while i < order.len() && scores[order[i]] == score {
            if labels[order[i]] { tp += 1; } else { fp += 1; }
            i += 1;
        }
        let precision = tp as f32 / (tp + fp) as f32;
        let recall = tp as f32 / positives as f32;
        ap += (recall - previous_recall) * precision;
        previous_recall = recall;
    }
    ap as f64
}
