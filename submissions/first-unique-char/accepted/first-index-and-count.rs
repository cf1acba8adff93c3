// Another correct approach: one pass keeps each character's first index and count, then
// the smallest first index among the characters seen once.
use std::collections::HashMap;

pub fn first_uniq_char(s: &str) -> i32 {
    let mut seen: HashMap<char, (usize, usize)> = HashMap::new();
    for (i, c) in s.chars().enumerate() {
        seen.entry(c).or_insert((i, 0)).1 += 1;
    }
    seen.values()
        .filter(|&&(_, count)| count == 1)
        .map(|&(first, _)| first as i32)
        .min()
        .unwrap_or(-1)
}
