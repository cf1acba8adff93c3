// Mistake: stores last-seen positions as u16 to save memory; past index 65535 they wrap, so old occurrences look like they are before the window.
use std::collections::HashMap;

pub fn length_of_longest_substring(s: &str) -> usize {
    let mut last_seen: HashMap<char, u16> = HashMap::new();
    let mut start = 0;
    let mut best = 0;
    for (i, c) in s.chars().enumerate() {
        if let Some(&j) = last_seen.get(&c) {
            if j as usize >= start {
                start = j as usize + 1;
            }
        }
        last_seen.insert(c, i as u16);
        best = best.max(i + 1 - start);
    }
    best
}
