// Mistake: operator precedence: computes x / std - mean instead of (x - mean) / std.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    img.iter()
        .map(|row| {
            row.iter()
                .map(|pixel| (0..3).map(|c| pixel[c] / std[c] - mean[c]).collect())
                .collect()
        })
        .collect()
}
