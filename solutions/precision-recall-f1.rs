/// Precision, recall and F1 of the predictions `score >= threshold` against `labels`.
///
/// One pass counts true positives, false positives and false negatives; each ratio is
/// 0 when its denominator is 0 (no prediction, no positive label), never NaN.
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
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    // The harmonic mean of precision and recall, written on the counts.
    let f1 = ratio(2 * tp, 2 * tp + fp + fn_);
    (precision, recall, f1)
}
