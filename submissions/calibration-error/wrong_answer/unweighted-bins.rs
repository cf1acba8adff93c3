// Mistake: averages the gaps of the non-empty bins without weighing each by its share of
// the examples.
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], bins: usize) -> f64 {
    if confidence.is_empty() {
        return 0.0;
    }
    let mut count = vec![0usize; bins];
    let mut hits = vec![0usize; bins];
    let mut total = vec![0.0f64; bins];
    for (&c, &ok) in confidence.iter().zip(correct) {
        let b = ((c * bins as f64).floor() as usize).min(bins - 1);
        count[b] += 1;
        hits[b] += usize::from(ok);
        total[b] += c;
    }
    let used: Vec<usize> = (0..bins).filter(|&b| count[b] > 0).collect();
    let sum: f64 = used
        .iter()
        .map(|&b| (hits[b] as f64 / count[b] as f64 - total[b] / count[b] as f64).abs())
        .sum();
    sum / used.len() as f64
}
