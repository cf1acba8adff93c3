// Mistake: computes in f32, whose 24-bit mantissa rounds coordinates like 4516.974 by about 2e-4: too coarse for the 1e-6 tolerance on small boxes far from the origin.
pub fn iou(a: [f64; 4], b: [f64; 4]) -> f64 {
    let a = a.map(|x| x as f32);
    let b = b.map(|x| x as f32);
    let area = |r: [f32; 4]| (r[2] - r[0]) * (r[3] - r[1]);
    let width = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let height = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let intersection = width * height;
    let union = area(a) + area(b) - intersection;
    if union <= 0.0 {
        0.0
    } else {
        (intersection / union) as f64
    }
}
