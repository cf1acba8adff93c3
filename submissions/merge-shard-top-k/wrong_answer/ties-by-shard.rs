// Mistake: the heap orders by score, then by shard number, so equal scores come out in
// shard order instead of by the lower id.
use std::collections::BinaryHeap;

pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    // (score bits made orderable, reversed shard, position)
    let key = |x: f64| {
        let b = x.to_bits() as i64;
        b ^ ((((b >> 63) as u64) >> 1) as i64)
    };
    let mut heap = BinaryHeap::new();
    for (s, list) in shards.iter().enumerate() {
        if let Some(&(_, score)) = list.first() {
            heap.push((key(score), std::cmp::Reverse(s), 0usize));
        }
    }
    let mut top = Vec::new();
    while top.len() < k {
        let Some((_, std::cmp::Reverse(s), p)) = heap.pop() else { break };
        top.push(shards[s][p]);
        if let Some(&(_, score)) = shards[s].get(p + 1) {
            heap.push((key(score), std::cmp::Reverse(s), p + 1));
        }
    }
    top
}
