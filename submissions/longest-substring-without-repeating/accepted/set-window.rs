// Another correct approach: a window whose characters are kept in a set; on a repeat, the
// left end moves right, removing characters, until the repeat is gone. Each character
// enters and leaves the window once: O(n).
use std::collections::HashSet;

pub fn length_of_longest_substring(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut window: HashSet<char> = HashSet::new();
    let (mut left, mut best) = (0, 0);
    for &c in &chars {
        while window.contains(&c) {
            window.remove(&chars[left]);
            left += 1;
        }
        window.insert(c);
        best = best.max(window.len());
    }
    best
}
