// Mistake: counts in a u16 (to save memory), which wraps past 65535, so a character seen 65537 times looks unique.
use std::collections::HashMap;

pub fn first_uniq_char(s: &str) -> i32 {
    let mut counts: HashMap<char, u16> = HashMap::new();
    for c in s.chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    for (i, c) in s.chars().enumerate() {
        if counts[&c] == 1 {
            return i as i32;
        }
    }
    -1
}
