// Mistake: skips punctuation with inner loops that never check the bounds, so a string with nothing to compare runs off its end.
pub fn is_palindrome(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return true;
    }
    let (mut i, mut j) = (0, bytes.len() - 1);
    while i < j {
        while !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        while !bytes[j].is_ascii_alphanumeric() {
            j -= 1;
        }
        if i < j && !bytes[i].eq_ignore_ascii_case(&bytes[j]) {
            return false;
        }
        i += 1;
        j = j.saturating_sub(1);
    }
    true
}
