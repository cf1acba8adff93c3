// Mistake: builds each batch by rescanning every dependency to find the calls whose
// dependencies are all done: O(batches · deps), 10^5 batches of a chain times 1.5·10^5
// dependencies.
pub fn tool_call_batches(n: usize, deps: &[(usize, usize)]) -> Option<Vec<Vec<usize>>> {
    let mut done = vec![false; n];
    let mut batches = Vec::new();
    let mut scheduled = 0;
    while scheduled < n {
        let mut blocked = vec![false; n];
        for &(a, b) in deps {
            if !done[a] {
                blocked[b] = true;
            }
        }
        let batch: Vec<usize> = (0..n).filter(|&c| !done[c] && !blocked[c]).collect();
        if batch.is_empty() {
            return None;
        }
        for &c in &batch {
            done[c] = true;
        }
        scheduled += batch.len();
        batches.push(batch);
    }
    Some(batches)
}
