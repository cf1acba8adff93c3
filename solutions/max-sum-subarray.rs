/// Returns the largest sum of `k` consecutive elements of `nums` (1 <= k <= n).
///
/// A fixed-size sliding window: sum the first `k` elements once, then slide one step
/// at a time, adding the element that enters and subtracting the one that leaves.
/// O(n) time instead of re-summing every window in O(n · k).
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut window: i64 = nums[..k].iter().sum();
    // Start from the first window, not from 0: every window may be negative.
    let mut best = window;
    for i in k..nums.len() {
        window += nums[i] - nums[i - k];
        best = best.max(window);
    }
    best
}
