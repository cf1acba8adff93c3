// Mistake: re-sums every window from scratch, O(n * k) on the large test.
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut best = i64::MIN;
    for start in 0..=nums.len() - k {
        let sum: i64 = nums[start..start + k].iter().sum();
        best = best.max(sum);
    }
    best
}
