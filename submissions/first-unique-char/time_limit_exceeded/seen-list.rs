// Mistake: counts in a list of (character, count) pairs searched from the front, O(n * distinct characters).
pub fn first_uniq_char(s: &str) -> i32 {
    let mut counts: Vec<(char, u32)> = Vec::new();
    for c in s.chars() {
        match counts.iter_mut().find(|(d, _)| *d == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    for (i, c) in s.chars().enumerate() {
        if counts.iter().any(|&(d, n)| d == c && n == 1) {
            return i as i32;
        }
    }
    -1
}
