// Mistake: off by one in the window starts (`0..n - k` instead of `0..=n - k`), so the last window is never summed.
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut best = i64::MIN;
    let mut window: i64 = 0;
    for start in 0..nums.len() - k {
        if start == 0 {
            window = nums[..k].iter().sum();
        } else {
            window += nums[start + k - 1] - nums[start - 1];
        }
        best = best.max(window);
    }
    best
}
