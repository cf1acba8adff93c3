// Mistake: moves the wrong pointer (a small sum shrinks the right end), so the answer is skipped.
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    let (mut i, mut j) = (0, numbers.len() - 1);
    while i < j {
        let sum = numbers[i] + numbers[j];
        if sum == target {
            return (i, j);
        } else if sum < target {
            j -= 1;
        } else {
            i += 1;
        }
    }
    (0, 0)
}
