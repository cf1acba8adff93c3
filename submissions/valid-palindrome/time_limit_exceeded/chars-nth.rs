// Mistake: reads characters with `s.chars().nth(i)`, which walks from the start every time: O(n^2).
pub fn is_palindrome(s: &str) -> bool {
    let (mut i, mut j) = (0, s.chars().count());
    while i < j {
        let a = s.chars().nth(i).unwrap();
        let b = s.chars().nth(j - 1).unwrap();
        if !a.is_ascii_alphanumeric() {
            i += 1;
        } else if !b.is_ascii_alphanumeric() {
            j -= 1;
        } else if a.to_ascii_lowercase() != b.to_ascii_lowercase() {
            return false;
        } else {
            i += 1;
            j -= 1;
        }
    }
    true
}
