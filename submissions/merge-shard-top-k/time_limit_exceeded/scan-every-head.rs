// Mistake: finds each answer by comparing the heads of all shards, O(k · s): with 10^5
// shards and k = 10^5 that is 10^10 comparisons.
pub fn merge_top_k(shards: &[Vec<(u64, f64)>], k: usize) -> Vec<(u64, f64)> {
    let mut next = vec![0usize; shards.len()];
    let mut top = Vec::new();
    while top.len() < k {
        let mut best: Option<usize> = None;
        for (s, list) in shards.iter().enumerate() {
            if let Some(&(id, score)) = list.get(next[s]) {
                let better = match best {
                    None => true,
                    Some(b) => {
                        let (bid, bscore) = shards[b][next[b]];
                        score > bscore || (score == bscore && id < bid)
                    }
                };
                if better {
                    best = Some(s);
                }
            }
        }
        let Some(b) = best else { break };
        top.push(shards[b][next[b]]);
        next[b] += 1;
    }
    top
}
