// Another correct approach: prefix sums, each window's sum a difference of two of them.
pub fn max_sum_subarray(nums: &[i64], k: usize) -> i64 {
    let mut prefix = vec![0i64; nums.len() + 1];
    for (i, &x) in nums.iter().enumerate() {
        prefix[i + 1] = prefix[i] + x;
    }
    (k..=nums.len())
        .map(|end| prefix[end] - prefix[end - k])
        .max()
        .expect("1 <= k <= n")
}
