// Mistake: keeps a set of characters seen an odd number of times (insert, remove on the next sighting), so a character seen three times counts as unique.
use std::collections::HashSet;

pub fn first_uniq_char(s: &str) -> i32 {
    let mut once: HashSet<char> = HashSet::new();
    for c in s.chars() {
        if !once.remove(&c) {
            once.insert(c);
        }
    }
    for (i, c) in s.chars().enumerate() {
        if once.contains(&c) {
            return i as i32;
        }
    }
    -1
}
