// Mistake: moves the window start to the earlier occurrence itself instead of just past it, so the window keeps one repeated character.
use std::collections::HashMap;

pub fn length_of_longest_substring(s: &str) -> usize {
    let mut last_seen: HashMap<char, usize> = HashMap::new();
    let mut start = 0;
    let mut best = 0;
    for (i, c) in s.chars().enumerate() {
        if let Some(&j) = last_seen.get(&c) {
            if j >= start {
                start = j;
            }
        }
        last_seen.insert(c, i);
        best = best.max(i + 1 - start);
    }
    best
}
