// Mistake: starts the best sum at 0, so an all-negative input returns 0 instead of its best (negative) window.
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut best = 0;
    let mut window = 0;
    for i in 0..nums.len() {
        window += nums[i];
        if i >= k {
            window -= nums[i - k];
        }
        if i + 1 >= k {
            best = best.max(window);
        }
    }
    best
}
