// Mistake: assumes lowercase ASCII letters and counts in a [u32; 26]; any other character indexes out of bounds.
pub fn first_uniq_char(s: &str) -> i32 {
    let mut counts = [0u32; 26];
    for b in s.bytes() {
        counts[b.wrapping_sub(b'a') as usize] += 1;
    }
    for (i, b) in s.bytes().enumerate() {
        if counts[b.wrapping_sub(b'a') as usize] == 1 {
            return i as i32;
        }
    }
    -1
}
