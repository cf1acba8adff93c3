// Mistake: on a repeat, starts a new window at the repeated character, forgetting the characters between the two occurrences ("dvdf" gives 2).
use std::collections::HashSet;

pub fn length_of_longest_substring(s: &str) -> usize {
    let mut seen: HashSet<char> = HashSet::new();
    let mut best = 0;
    for c in s.chars() {
        if !seen.insert(c) {
            seen.clear();
            seen.insert(c);
        }
        best = best.max(seen.len());
    }
    best
}
