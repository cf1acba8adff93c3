// Mistake: looks for each new character by scanning the whole current window, O(n * L) for an answer of length L.
pub fn length_of_longest_substring(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut start = 0;
    let mut best = 0;
    for i in 0..chars.len() {
        for j in start..i {
            if chars[j] == chars[i] {
                start = j + 1;
                break;
            }
        }
        best = best.max(i + 1 - start);
    }
    best
}
