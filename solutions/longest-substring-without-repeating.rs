use std::collections::HashMap;

/// Returns the length, in characters, of the longest substring of `s` in which no
/// character repeats.
///
/// A sliding window `[start, i]` that never contains a repeat. For each character,
/// the map holds the index of its last occurrence; when the new character was last
/// seen inside the window, the window's start jumps just past that occurrence.
/// Each character is visited once: O(n) time.
pub fn length_of_longest_substring(s: &str) -> usize {
    let mut last_seen: HashMap<char, usize> = HashMap::new();
    let mut start = 0;
    let mut best = 0;
    // `chars().enumerate()` counts characters, not bytes.
    for (i, c) in s.chars().enumerate() {
        if let Some(&j) = last_seen.get(&c) {
            // An occurrence before `start` is outside the window: the start must
            // never move backwards (think of "abba").
            if j >= start {
                start = j + 1;
            }
        }
        last_seen.insert(c, i);
        best = best.max(i + 1 - start);
    }
    best
}
