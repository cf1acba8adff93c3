/// Intersection over union of two axis-aligned boxes given as `[x1, y1, x2, y2]`
/// with `x1 <= x2` and `y1 <= y2`.
///
/// The intersection is the box between the larger of the two left/bottom edges and
/// the smaller of the two right/top edges. Its width and height are each clamped at
/// 0 *separately*: for boxes apart in both directions both are negative, and their
/// product would be a bogus positive area.
pub fn iou(a: [f64; 4], b: [f64; 4]) -> f64 {
    let area = |r: [f64; 4]| (r[2] - r[0]) * (r[3] - r[1]);
    let width = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let height = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let intersection = width * height;
    let union = area(a) + area(b) - intersection;
    // Two zero-area boxes have an empty union: define their IoU as 0, not 0 / 0.
    if union <= 0.0 {
        0.0
    } else {
        intersection / union
    }
}
