// Mistake: starts the right pointer at `len - 1`, which underflows when nothing is left to compare.
pub fn is_palindrome(s: &str) -> bool {
    let kept: Vec<u8> = s
        .bytes()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let (mut i, mut j) = (0, kept.len() - 1);
    while i < j {
        if kept[i] != kept[j] {
            return false;
        }
        i += 1;
        j -= 1;
    }
    true
}
