// Mistake: picks mean and std with the column index instead of the channel index.
pub fn normalize(img: &[Vec<Vec<f64>>], mean: [f64; 3], std: [f64; 3]) -> Vec<Vec<Vec<f64>>> {
    let mut out = Vec::new();
    for row in img {
        let mut out_row = Vec::new();
        for (j, pixel) in row.iter().enumerate() {
            let mut out_pixel = Vec::new();
            for &x in pixel {
                out_pixel.push((x - mean[j]) / std[j]);
            }
            out_row.push(out_pixel);
        }
        out.push(out_row);
    }
    out
}
