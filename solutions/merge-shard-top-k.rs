use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A shard's head in the heap: the max-heap pops the higher score first and, among equal
/// scores, the lower id.
struct Head {
    id: u64,
    score: f64,
    shard: usize,
    position: usize,
}

impl Ord for Head {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.id.cmp(&self.id))
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

/// The global top k of shards that are each sorted best first: a k-way merge with a heap
/// of one head per shard, O(s + k log s).
pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    let head = |shard: usize, position: usize| {
        shards[shard].get(position).map(|&(id, score)| Head {
            id,
            score,
            shard,
            position,
        })
    };
    let mut heap: BinaryHeap<Head> = (0..shards.len()).filter_map(|s| head(s, 0)).collect();
    let hits: usize = shards.iter().map(Vec::len).sum();
    let mut top = Vec::with_capacity(k.min(hits));
    while top.len() < k {
        let Some(best) = heap.pop() else { break };
        top.push((best.id, best.score));
        heap.extend(head(best.shard, best.position + 1));
    }
    top
}
