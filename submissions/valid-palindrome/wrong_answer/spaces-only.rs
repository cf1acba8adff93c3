// Mistake: removes only spaces, so punctuation is compared as if it were a letter.
pub fn is_palindrome(s: &str) -> bool {
    let kept: Vec<u8> = s
        .bytes()
        .filter(|&b| b != b' ')
        .map(|b| b.to_ascii_lowercase())
        .collect();
    kept.iter().eq(kept.iter().rev())
}
