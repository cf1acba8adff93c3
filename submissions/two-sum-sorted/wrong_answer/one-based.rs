// Mistake: returns 1-based indices, as in other versions of the problem.
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    let (mut i, mut j) = (0, numbers.len() - 1);
    while i < j {
        let sum = numbers[i] + numbers[j];
        if sum == target {
            return (i + 1, j + 1);
        } else if sum < target {
            i += 1;
        } else {
            j -= 1;
        }
    }
    (0, 0)
}
