use std::collections::HashMap;

/// Returns the index, counted in characters, of the first character of `s` that
/// occurs exactly once, or -1 when every character repeats (or `s` is empty).
///
/// Two passes, O(n) time: count every character, then walk the string again in
/// order and stop at the first one whose count is 1. The second pass must follow
/// the string, not the map, because a `HashMap` has no order.
pub fn first_uniq_char(s: &str) -> i32 {
    let mut counts: HashMap<char, u32> = HashMap::new();
    for c in s.chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    // `enumerate` over `chars()` counts characters; `char_indices` would give byte
    // offsets, which differ as soon as a character takes more than one byte.
    for (i, c) in s.chars().enumerate() {
        if counts[&c] == 1 {
            return i as i32;
        }
    }
    -1
}
