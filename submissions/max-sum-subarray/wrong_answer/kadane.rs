// Mistake: runs Kadane's algorithm, the best sum of a subarray of any length, ignoring k.
pub fn max_sum_subarray(nums: &[i64], _k: usize) -> i64 {
    let mut best = nums[0];
    let mut current = 0;
    for &x in nums {
        current = x.max(current + x);
        best = best.max(current);
    }
    best
}
