// Another correct approach: the textbook form. Take the best remaining box, then mark
// every later box in the order that overlaps it by more than the threshold as removed.
pub fn nms(boxes: &[[f64; 4]], scores: &[f64], iou_threshold: f64) -> Vec<usize> {
    let n = boxes.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap().then(a.cmp(&b)));
    let mut removed = vec![false; n];
    let mut kept = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        if removed[i] {
            continue;
        }
        kept.push(i);
        let a = boxes[i];
        for &j in &order[pos + 1..] {
            let b = boxes[j];
            let w = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
            let h = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
            let inter = w * h;
            let union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
            if union > 0.0 && inter / union > iou_threshold {
                removed[j] = true;
            }
        }
    }
    kept
}
