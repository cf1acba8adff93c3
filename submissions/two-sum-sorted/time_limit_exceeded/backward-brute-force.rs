// Mistake: checks pairs starting from the right end, stopping a row once the sum is too big; still O(n^2) when the pair sits at both ends.
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    for i in (0..numbers.len()).rev() {
        for j in i + 1..numbers.len() {
            let sum = numbers[i] + numbers[j];
            if sum == target {
                return (i, j);
            }
            if sum > target {
                break;
            }
        }
    }
    (0, 0)
}
