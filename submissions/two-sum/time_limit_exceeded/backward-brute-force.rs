// Mistake: checks every pair starting from the right end, O(n^2) when the answer sits at the start.
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    for j in (1..nums.len()).rev() {
        for i in (0..j).rev() {
            if nums[i] + nums[j] == target {
                return (i, j);
            }
        }
    }
    (0, 0)
}
