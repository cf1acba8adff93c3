// Another correct approach: index loops over a copy of the image.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    let mut out = img.to_vec();
    for row in out.iter_mut() {
        for pixel in row.iter_mut() {
            for c in 0..3 {
                pixel[c] = (pixel[c] - mean[c]) / std[c];
            }
        }
    }
    out
}
