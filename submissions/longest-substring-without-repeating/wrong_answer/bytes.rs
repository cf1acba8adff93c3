// Mistake: slides the window over bytes, not characters, so multi-byte characters are split and mis-counted.
pub fn length_of_longest_substring(s: &str) -> usize {
    let mut last_seen = [usize::MAX; 256];
    let mut start = 0;
    let mut best = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let j = last_seen[b as usize];
        if j != usize::MAX && j >= start {
            start = j + 1;
        }
        last_seen[b as usize] = i;
        best = best.max(i + 1 - start);
    }
    best
}
