// Mistake: subtracts nums[i - k + 1] instead of nums[i - k] when the window slides, so the window drifts away from k elements.
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut window: i64 = nums[..k].iter().sum();
    let mut best = window;
    for i in k..nums.len() {
        window += nums[i] - nums[i - k + 1];
        best = best.max(window);
    }
    best
}
