// Another correct approach: for each element, a binary search for its complement among the
// elements after it, O(n log n).
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    for (i, &x) in numbers.iter().enumerate() {
        if let Ok(j) = numbers[i + 1..].binary_search(&(target - x)) {
            return (i, i + 1 + j);
        }
    }
    unreachable!("the input has exactly one answer")
}
