// Mistake: checks every pair with two nested loops, O(n^2) on the large tests.
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    for i in 0..nums.len() {
        for j in i + 1..nums.len() {
            if nums[i] + nums[j] == target {
                return (i, j);
            }
        }
    }
    (0, 0)
}
