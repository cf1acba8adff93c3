use std::cmp::Ordering;

/// Returns the 0-based indices `(i, j)`, `i < j`, of the only two elements of the
/// sorted slice `numbers` that add up to `target`.
///
/// Two pointers start at both ends. If the sum is too small, the left value cannot
/// be part of the answer (even the largest partner is not enough), so the left
/// pointer moves right; if it is too large, the right value is ruled out the same
/// way. Each step discards one element: O(n) time, O(1) space, no hashing.
pub fn two_sum_sorted(numbers: &[i32], target: i32) -> (usize, usize) {
    // The constraints guarantee at least two elements, so `len() - 1` cannot underflow.
    let (mut i, mut j) = (0, numbers.len() - 1);
    while i < j {
        // |values| <= 10^9, so the sum of two of them fits in an i32.
        match (numbers[i] + numbers[j]).cmp(&target) {
            Ordering::Equal => return (i, j),
            Ordering::Less => i += 1,
            Ordering::Greater => j -= 1,
        }
    }
    unreachable!("the input has exactly one answer")
}
