// Mistake: reads the boxes as [x, y, width, height] (the COCO format) instead of two corners.
pub fn iou(a: [f64; 4], b: [f64; 4]) -> f64 {
    let corners = |r: [f64; 4]| [r[0], r[1], r[0] + r[2], r[1] + r[3]];
    let (a, b) = (corners(a), corners(b));
    let area = |r: [f64; 4]| (r[2] - r[0]) * (r[3] - r[1]);
    let width = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let height = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let intersection = width * height;
    let union = area(a) + area(b) - intersection;
    if union <= 0.0 {
        0.0
    } else {
        intersection / union
    }
}
