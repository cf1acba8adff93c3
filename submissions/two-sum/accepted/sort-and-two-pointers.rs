// Another correct approach: sort the indices by value, then two pointers from both ends,
// O(n log n); the answer's indices are put back in order.
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let mut order: Vec<usize> = (0..nums.len()).collect();
    order.sort_unstable_by_key(|&i| nums[i]);
    let (mut lo, mut hi) = (0, order.len() - 1);
    while lo < hi {
        let sum = nums[order[lo]] + nums[order[hi]];
        if sum == target {
            let (a, b) = (order[lo], order[hi]);
            return (a.min(b), a.max(b));
        } else if sum < target {
            lo += 1;
        } else {
            hi -= 1;
        }
    }
    unreachable!("the input has exactly one answer")
}
