// Mistake: for each right element, walks a left pointer up from the start again: O(n^2).
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    for j in (1..numbers.len()).rev() {
        let mut i = 0;
        while i < j && numbers[i] + numbers[j] < target {
            i += 1;
        }
        if i < j && numbers[i] + numbers[j] == target {
            return (i, j);
        }
    }
    (0, 0)
}
