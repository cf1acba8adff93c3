// Mistake: divides without checking the denominators, so nothing predicted positive (or
// no positive label) gives 0.0 / 0.0 = NaN.
pub fn precision_recall_f1(scores: &[f64], labels: &[bool], threshold: f64) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0f64, 0.0f64, 0.0f64);
    for (&score, &label) in scores.iter().zip(labels) {
        match (score >= threshold, label) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            (false, false) => {}
        }
    }
    let precision = tp / (tp + fp);
    let recall = tp / (tp + fn_);
    (precision, recall, 2.0 * precision * recall / (precision + recall))
}
