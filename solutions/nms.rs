/// IoU of two `[x1, y1, x2, y2]` boxes; 0 when the union has no area.
fn iou(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    let area = |r: &[f64; 4]| (r[2] - r[0]) * (r[3] - r[1]);
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

/// Greedy non-maximum suppression: visit the boxes by score descending (the stable sort
/// keeps equal scores in index order) and keep each box whose IoU with every kept box is
/// at most the threshold. Only kept boxes suppress.
pub fn nms(boxes: &[[f64; 4]], scores: &[f64], iou_threshold: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        if kept.iter().all(|&k| iou(&boxes[i], &boxes[k]) <= iou_threshold) {
            kept.push(i);
        }
    }
    kept
}
