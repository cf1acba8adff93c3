// Mistake: interpolates the curve (each precision replaced by the highest precision at
// an equal or larger recall), as the PASCAL VOC metric does, instead of scikit-learn's
// plain step sum.
pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut points = Vec::new();
    let (mut tp, mut fp, mut i) = (0usize, 0usize, 0);
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
        points.push((tp as f64 / positives as f64, tp as f64 / (tp + fp) as f64));
    }
    for j in (0..points.len().saturating_sub(1)).rev() {
        points[j].1 = points[j].1.max(points[j + 1].1);
    }
    let (mut previous, mut ap) = (0.0, 0.0);
    for (recall, precision) in points {
        ap += (recall - previous) * precision;
        previous = recall;
    }
    ap
}
