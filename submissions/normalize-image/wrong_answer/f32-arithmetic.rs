// Mistake: computes in f32 (as image libraries often store pixels); values near 1000 round by up to 3e-5, and dividing by a small std leaves that far above the 1e-6 tolerance.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    let mean = mean.map(|m| m as f32);
    let std = std.map(|s| s as f32);
    img.iter()
        .map(|row| {
            row.iter()
                .map(|pixel| {
                    (0..3)
                        .map(|c| ((pixel[c] as f32 - mean[c]) / std[c]) as f64)
                        .collect()
                })
                .collect()
        })
        .collect()
}
