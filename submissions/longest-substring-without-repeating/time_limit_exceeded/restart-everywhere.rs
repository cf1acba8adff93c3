// Mistake: restarts from every position and grows a fresh set until a repeat, O(n * L) hash insertions.
use std::collections::HashSet;

pub fn length_of_longest_substring(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut best = 0;
    for start in 0..chars.len() {
        let mut seen = HashSet::new();
        for &c in &chars[start..] {
            if !seen.insert(c) {
                break;
            }
        }
        best = best.max(seen.len());
    }
    best
}
