// Another correct approach: the overlap of the two intervals on each axis, and 0 at once
// when either is empty.
fn overlap(lo1: f64, hi1: f64, lo2: f64, hi2: f64) -> f64 {
    (hi1.min(hi2) - lo1.max(lo2)).max(0.0)
}

pub fn iou(a: [f64; 4], b: [f64; 4]) -> f64 {
    let w = overlap(a[0], a[2], b[0], b[2]);
    let h = overlap(a[1], a[3], b[1], b[3]);
    if w == 0.0 || h == 0.0 {
        return 0.0;
    }
    let inter = w * h;
    let area_a = (a[2] - a[0]) * (a[3] - a[1]);
    let area_b = (b[2] - b[0]) * (b[3] - b[1]);
    inter / (area_a + area_b - inter)
}
