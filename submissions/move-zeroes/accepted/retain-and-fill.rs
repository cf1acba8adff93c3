// Another correct approach: keep the non-zero values in order, then fill up with zeros.
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let n = nums.len();
    nums.retain(|&x| x != 0);
    nums.resize(n, 0);
}
