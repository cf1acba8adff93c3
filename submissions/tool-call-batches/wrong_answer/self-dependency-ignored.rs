// Mistake: skips self-dependencies as harmless, but a call that needs its own result can
// never run: the plan is None.
pub fn tool_call_batches(n: usize, deps: &[(usize, usize)]) -> Option<Vec<Vec<usize>>> {
    let mut waiting: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut unmet = vec![0usize; n];
    for &(a, b) in deps.iter().filter(|(a, b)| a != b) {
        waiting[a].push(b);
        unmet[b] += 1;
    }
    let mut batch: Vec<usize> = (0..n).filter(|&c| unmet[c] == 0).collect();
    let mut batches = Vec::new();
    let mut scheduled = 0;
    while !batch.is_empty() {
        let mut next = Vec::new();
        for &a in &batch {
            for &b in &waiting[a] {
                unmet[b] -= 1;
                if unmet[b] == 0 {
                    next.push(b);
                }
            }
        }
        next.sort_unstable();
        scheduled += batch.len();
        batches.push(batch);
        batch = next;
    }
    (scheduled == n).then_some(batches)
}
