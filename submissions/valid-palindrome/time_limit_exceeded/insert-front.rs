// Mistake: builds the reversed copy with `insert(0, c)`, which shifts the whole copy each time: O(n^2).
pub fn is_palindrome(s: &str) -> bool {
    let mut forward = String::new();
    let mut backward = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            let c = c.to_ascii_lowercase();
            forward.push(c);
            backward.insert(0, c);
        }
    }
    forward == backward
}
