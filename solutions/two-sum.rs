use std::collections::HashMap;

/// Returns the indices `(i, j)`, `i < j`, of the only two elements of `nums` that add
/// up to `target`.
///
/// One pass, O(n) time and space: for each element, look up its complement among the
/// elements already seen, then record the element. Looking up *before* inserting
/// means an element is never paired with itself, and a duplicate value (`[3, 3]`,
/// target 6) finds its earlier twin.
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let mut seen: HashMap<i32, usize> = HashMap::with_capacity(nums.len());
    for (j, &x) in nums.iter().enumerate() {
        // The constraints keep `target - x` within i32 (|values| <= 10^9).
        if let Some(&i) = seen.get(&(target - x)) {
            return (i, j);
        }
        seen.insert(x, j);
    }
    unreachable!("the input has exactly one answer")
}
