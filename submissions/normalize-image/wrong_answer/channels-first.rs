// Mistake: reads the image as channels-first (C x H x W), so the statistics follow the row index.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    img.iter()
        .enumerate()
        .map(|(c, plane)| {
            plane
                .iter()
                .map(|line| line.iter().map(|&x| (x - mean[c]) / std[c]).collect())
                .collect()
        })
        .collect()
}
