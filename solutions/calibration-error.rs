/// Expected calibration error over `bins` equal-width confidence bins.
///
/// A confidence c falls in bin `min(floor(c · bins), bins − 1)`, so 1.0 joins the last
/// bin; each non-empty bin adds its share of the examples times the gap between its
/// accuracy and its mean confidence.
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], bins: usize) -> f64 {
    let n = confidence.len();
    if n == 0 {
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
    (0..bins)
        .filter(|&b| count[b] > 0)
        .map(|b| {
            let size = count[b] as f64;
            size / n as f64 * (hits[b] as f64 / size - total[b] / size).abs()
        })
        .sum()
}
