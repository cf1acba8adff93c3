// Mistake: mixes up the two ratios: precision divides by the positive labels (TP + FN),
// recall by the predicted positives (TP + FP).
pub fn precision_recall_f1(scores: &[f64], labels: &[bool], threshold: f64) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (&score, &label) in scores.iter().zip(labels) {
        match (score >= threshold, label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
    }
    let ratio = |num: usize, den: usize| if den == 0 { 0.0 } else { num as f64 / den as f64 };
    (ratio(tp, tp + fn_), ratio(tp, tp + fp), ratio(2 * tp, 2 * tp + fp + fn_))
}
