// Another correct approach: keeps one signed sum per bin, (correct − confidence), since
// |B|/n · |acc − conf| = |Σ_B (correct − c)| / n.
pub fn expected_calibration_error(confidence: &[f64], correct: &[bool], bins: usize) -> f64 {
    if confidence.is_empty() {
        return 0.0;
    }
    let mut gap = vec![0.0f64; bins];
    for (c, ok) in confidence.iter().zip(correct) {
        let b = ((c * bins as f64) as usize).min(bins - 1);
        gap[b] += if *ok { 1.0 } else { 0.0 } - c;
    }
    gap.iter().map(|g| g.abs()).sum::<f64>() / confidence.len() as f64
}
