// Mistake: compares every character with every other one, O(n^2) on the large tests.
pub fn first_uniq_char(s: &str) -> i32 {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        let mut repeated = false;
        for j in 0..chars.len() {
            if i != j && chars[i] == chars[j] {
                repeated = true;
                break;
            }
        }
        if !repeated {
            return i as i32;
        }
    }
    -1
}
