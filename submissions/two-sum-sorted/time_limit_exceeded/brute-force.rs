// Mistake: checks every pair (stopping a row once the sum is too big), still O(n^2) on the large test.
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    for i in 0..numbers.len() {
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
