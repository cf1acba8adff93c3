// Mistake: computes every bin's accuracy and mean confidence, empty bins included, where
// 0 / 0 is NaN and poisons the sum (and an empty input is NaN too).
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], bins: usize) -> f64 {
    let n = confidence.len() as f64;
    let mut count = vec![0.0f64; bins];
    let mut hits = vec![0.0f64; bins];
    let mut total = vec![0.0f64; bins];
    for (&c, &ok) in confidence.iter().zip(correct) {
        let b = ((c * bins as f64).floor() as usize).min(bins - 1);
        count[b] += 1.0;
        hits[b] += if ok { 1.0 } else { 0.0 };
        total[b] += c;
    }
    (0..bins)
        .map(|b| count[b] / n * (hits[b] / count[b] - total[b] / count[b]).abs())
        .sum()
}
