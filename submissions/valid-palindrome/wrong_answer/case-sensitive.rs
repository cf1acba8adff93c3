// Mistake: forgets to fold case, so 'A' and 'a' compare as different.
pub fn is_palindrome(s: &str) -> bool {
    let kept: Vec<char> = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    kept.iter().eq(kept.iter().rev())
}
