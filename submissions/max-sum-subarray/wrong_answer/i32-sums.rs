// Mistake: keeps the window sum in an i32 (every value fits one), so sums beyond 2^31 wrap around.
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut window: i32 = nums[..k].iter().map(|&x| x as i32).sum();
    let mut best = window;
    for i in k..nums.len() {
        window += nums[i] as i32 - nums[i - k] as i32;
        best = best.max(window);
    }
    best as i64
}
