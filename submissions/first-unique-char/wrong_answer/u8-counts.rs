// Mistake: counts in a u8, which wraps past 255, so a character seen 257 times looks unique.
use std::collections::HashMap;

pub fn first_uniq_char(s: &str) -> i32 {
    let mut counts: HashMap<char, u8> = HashMap::new();
    for c in s.chars() {
        let n = counts.entry(c).or_insert(0);
        *n = n.wrapping_add(1);
    }
    for (i, c) in s.chars().enumerate() {
        if counts[&c] == 1 {
            return i as i32;
        }
    }
    -1
}
