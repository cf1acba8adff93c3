// Mistake: assigns each call the batch of its breadth-first distance from the nearest
// independent call (the first time it is reached), not of its longest dependency chain,
// so a call can land in the same batch as one of its dependencies.
use std::collections::VecDeque;

pub fn tool_call_batches(n: usize, deps: &[(usize, usize)]) -> Option<Vec<Vec<usize>>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in deps {
        out[a].push(b);
        indegree[b] += 1;
    }
    // Cycle check with Kahn's algorithm.
    let mut left = indegree.clone();
    let mut queue: VecDeque<usize> = (0..n).filter(|&c| left[c] == 0).collect();
    let mut done = 0;
    while let Some(a) = queue.pop_front() {
        done += 1;
        for &b in &out[a] {
            left[b] -= 1;
            if left[b] == 0 {
                queue.push_back(b);
            }
        }
    }
    if done < n {
        return None;
    }
    let mut dist = vec![usize::MAX; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|&c| indegree[c] == 0).collect();
    for &c in &queue {
        dist[c] = 0;
    }
    while let Some(a) = queue.pop_front() {
        for &b in &out[a] {
            if dist[b] == usize::MAX {
                dist[b] = dist[a] + 1;
                queue.push_back(b);
            }
        }
    }
    let depth = dist.iter().max().map_or(0, |m| m + 1);
    let mut batches = vec![Vec::new(); depth];
    for c in 0..n {
        batches[dist[c]].push(c);
    }
    Some(batches)
}
