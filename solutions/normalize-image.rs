/// Normalizes an H × W × 3 image channel by channel: `(x - mean[c]) / std[c]`.
///
/// The image is channels-last: `img[row][col]` is one pixel, and `img[row][col][c]`
/// its value in channel `c`. The statistics broadcast over rows and columns and
/// line up with the *last* axis, exactly like `(img - mean) / std` in NumPy with
/// `mean.shape == (3,)`.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    img.iter()
        .map(|row| {
            row.iter()
                .map(|pixel| {
                    pixel
                        .iter()
                        .enumerate()
                        .map(|(c, &x)| (x - mean[c]) / std[c])
                        .collect()
                })
                .collect()
        })
        .collect()
}
