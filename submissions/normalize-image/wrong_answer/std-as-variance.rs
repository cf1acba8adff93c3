// Mistake: treats the given std as a variance and divides by its square root.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    img.iter()
        .map(|row| {
            row.iter()
                .map(|pixel| {
                    (0..3)
                        .map(|c| (pixel[c] - mean[c]) / std[c].sqrt())
                        .collect()
                })
                .collect()
        })
        .collect()
}
