// Another correct approach: counts with iterator filters, and f1 from precision and recall
// with the guard on their sum.
pub fn precision_recall_f1(scores: &[f64], labels: &[bool], threshold: f64) -> (f64, f64, f64) {
    let pairs = || scores.iter().zip(labels.iter());
    let predicted = pairs().filter(|(s, _)| **s >= threshold).count();
    let positives = labels.iter().filter(|l| **l).count();
    let tp = pairs().filter(|(s, l)| **s >= threshold && **l).count();
    let precision = if predicted > 0 { tp as f64 / predicted as f64 } else { 0.0 };
    let recall = if positives > 0 { tp as f64 / positives as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}
