// Mistake: accumulates the confidences and computes the gaps in f32, whose 24-bit
// mantissa loses about 1e-6 over 10^5 predictions: too coarse for the tolerance.
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], bins: usize) -> f64 {
    let n = confidence.len();
    if n == 0 {
        return 0.0;
    }
    let mut count = vec![0usize; bins];
    let mut hits = vec![0usize; bins];
    let mut total = vec![0.0f32; bins];
    for (&c, &ok) in confidence.iter().zip(correct) {
        let b = ((c * bins as f64).floor() as usize).min(bins - 1);
        count[b] += 1;
        hits[b] += usize::from(ok);
        total[b] += c as f32;
    }
    (0..bins)
        .filter(|&b| count[b] > 0)
        .map(|b| {
            let size = count[b] as f32;
            (size / n as f32 * (hits[b] as f32 / size - total[b] / size).abs()) as f64
        })
        .sum()
}
