// Mistake: keeps only letters (`is_alphabetic`), so digits are skipped instead of compared.
pub fn is_palindrome(s: &str) -> bool {
    let kept: Vec<char> = s
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    kept.iter().eq(kept.iter().rev())
}
