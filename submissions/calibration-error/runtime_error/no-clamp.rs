// Mistake: takes the bin as floor(c · bins) without clamping, so a confidence of exactly
// 1.0 indexes one past the last bin and panics.
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], bins: usize) -> f64 {
    let n = confidence.len();
    if n == 0 {
        return 0.0;
    }
    let mut count = vec![0usize; bins];
    let mut hits = vec![0usize; bins];
    let mut total = vec![0.0f64; bins];
    for (&c, &ok) in confidence.iter().zip(correct) {
        let b = (c * bins as f64).floor() as usize;
        count[b] += 1;
        hits[b] += usize::from(ok);
        total[b] += c;
    }
    (0..bins)
        .filter(|&b| count[b] > 0)
        .map(|b| count[b] as f64 / n as f64 * (hits[b] as f64 / count[b] as f64 - total[b] / count[b] as f64).abs())
        .sum()
}
