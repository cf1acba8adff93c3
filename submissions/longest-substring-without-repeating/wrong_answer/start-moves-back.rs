// Mistake: jumps the window start to `last + 1` even when that occurrence is already outside the window, moving the start backwards ("abba").
use std::collections::HashMap;

pub fn length_of_longest_substring(s: &str) -> usize {
    let mut last_seen: HashMap<char, usize> = HashMap::new();
    let mut start = 0;
    let mut best = 0;
    for (i, c) in s.chars().enumerate() {
        if let Some(&j) = last_seen.get(&c) {
            start = j + 1;
        }
        last_seen.insert(c, i);
        best = best.max(i + 1 - start);
    }
    best
}
