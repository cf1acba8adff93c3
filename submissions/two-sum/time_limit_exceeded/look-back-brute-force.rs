// Mistake: for each element, searches the elements before it for the complement (the hash map's idea without the map), O(n^2) when the answer sits at the end.
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    for j in 1..nums.len() {
        let want = target - nums[j];
        if let Some(i) = nums[..j].iter().position(|&x| x == want) {
            return (i, j);
        }
    }
    (0, 0)
}
