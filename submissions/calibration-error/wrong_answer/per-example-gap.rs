// Mistake: averages |correct − confidence| over the examples instead of comparing each
// bin's accuracy with its mean confidence, so gaps inside a bin never cancel.
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], _bins: usize) -> f64 {
    if confidence.is_empty() {
        return 0.0;
    }
    let sum: f64 = confidence
        .iter()
        .zip(correct)
        .map(|(c, ok)| (if *ok { 1.0 } else { 0.0 } - c).abs())
        .sum();
    sum / confidence.len() as f64
}
