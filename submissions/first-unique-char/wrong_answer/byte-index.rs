// Mistake: returns the byte offset from `char_indices` instead of the character index.
use std::collections::HashMap;

pub fn first_uniq_char(s: &str) -> i32 {
    let mut counts: HashMap<char, u32> = HashMap::new();
    for c in s.chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    for (i, c) in s.char_indices() {
        if counts[&c] == 1 {
            return i as i32;
        }
    }
    -1
}
