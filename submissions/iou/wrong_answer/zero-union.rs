// Mistake: divides without checking the union, so two zero-area boxes give 0.0 / 0.0 = NaN.
pub fn iou(a: [f64; 4], b: [f64; 4]) -> f64 {
    let area = |r: [f64; 4]| (r[2] - r[0]) * (r[3] - r[1]);
    let width = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let height = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let intersection = width * height;
    intersection / (area(a) + area(b) - intersection)
}
