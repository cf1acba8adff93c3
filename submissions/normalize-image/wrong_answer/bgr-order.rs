// Mistake: applies the statistics in BGR order (mean[2 - c]), an OpenCV habit, to an RGB image.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    img.iter()
        .map(|row| {
            row.iter()
                .map(|pixel| {
                    (0..3)
                        .map(|c| (pixel[c] - mean[2 - c]) / std[2 - c])
                        .collect()
                })
                .collect()
        })
        .collect()
}
