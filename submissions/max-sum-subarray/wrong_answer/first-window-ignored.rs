// Mistake: only compares the windows reached by sliding, never the first one (so k = n returns i64::MIN).
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut window: i64 = nums[..k].iter().sum();
    let mut best = i64::MIN;
    for i in k..nums.len() {
        window += nums[i] - nums[i - k];
        best = best.max(window);
    }
    best
}
