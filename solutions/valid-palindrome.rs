/// Returns whether `s` reads the same forwards and backwards once everything but
/// ASCII letters and digits is ignored and case is folded.
///
/// Two pointers walk inwards from both ends, skipping characters that do not count
/// and comparing the ones that do: O(n) time, O(1) extra space, no filtered copy.
pub fn is_palindrome(s: &str) -> bool {
    let bytes = s.as_bytes();
    // `j` is one past the right pointer, so an empty string never computes `0 - 1`.
    let (mut i, mut j) = (0, bytes.len());
    while i < j {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        } else if !bytes[j - 1].is_ascii_alphanumeric() {
            j -= 1;
        } else if !bytes[i].eq_ignore_ascii_case(&bytes[j - 1]) {
            return false;
        } else {
            i += 1;
            j -= 1;
        }
    }
    true
}
