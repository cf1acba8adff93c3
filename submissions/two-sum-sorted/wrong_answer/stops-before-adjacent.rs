// Mistake: loops while `i < j - 1`, so the pointers stop one step early and an answer of two neighbours is never checked.
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    let (mut i, mut j) = (0, numbers.len() - 1);
    while i < j - 1 {
        let sum = numbers[i] + numbers[j];
        if sum == target {
            return (i, j);
        } else if sum < target {
            i += 1;
        } else {
            j -= 1;
        }
    }
    (0, 0)
}
