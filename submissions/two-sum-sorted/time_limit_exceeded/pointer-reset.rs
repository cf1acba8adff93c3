// Mistake: walks the right pointer down from the end again for every left element instead of keeping its place: O(n^2).
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    for i in 0..numbers.len() {
        let mut j = numbers.len() - 1;
        while j > i && numbers[i] + numbers[j] > target {
            j -= 1;
        }
        if j > i && numbers[i] + numbers[j] == target {
            return (i, j);
        }
    }
    (0, 0)
}
