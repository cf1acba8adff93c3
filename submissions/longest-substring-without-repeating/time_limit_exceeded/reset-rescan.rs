// Mistake: on a repeat, clears the set and scans again from just after the earlier occurrence: right answers, but O(n * L) when the window slides one step at a time.
use std::collections::HashSet;

pub fn length_of_longest_substring(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut seen: HashSet<char> = HashSet::new();
    let (mut start, mut i, mut best) = (0, 0, 0);
    while i < chars.len() {
        if seen.insert(chars[i]) {
            best = best.max(i + 1 - start);
            i += 1;
        } else {
            let earlier = (start..i).find(|&j| chars[j] == chars[i]).unwrap();
            start = earlier + 1;
            i = start;
            seen.clear();
        }
    }
    best
}
