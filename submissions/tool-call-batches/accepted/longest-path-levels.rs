// Another correct approach: a topological order first (Kahn with a stack), then each
// call's batch is 1 + the largest batch among its dependencies, computed along that
// order; the batches are filled by increasing call number, so they come out sorted.
pub fn tool_call_batches(n: usize, deps: &[(usize, usize)]) -> Option<Vec<Vec<usize>>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in deps {
        out[a].push(b);
        indegree[b] += 1;
    }
    let mut stack: Vec<usize> = (0..n).filter(|&c| indegree[c] == 0).collect();
    let mut level = vec![0usize; n];
    let mut done = 0;
    while let Some(a) = stack.pop() {
        done += 1;
        for &b in &out[a] {
            level[b] = level[b].max(level[a] + 1);
            indegree[b] -= 1;
            if indegree[b] == 0 {
                stack.push(b);
            }
        }
    }
    if done < n {
        return None;
    }
    let depth = level.iter().max().map_or(0, |m| m + 1);
    let mut batches = vec![Vec::new(); depth];
    for c in 0..n {
        batches[level[c]].push(c);
    }
    Some(batches)
}
