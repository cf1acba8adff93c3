// Mistake: swaps each zero with the last unchecked element; fast, but the non-zero values lose their order.
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let (mut i, mut end) = (0, nums.len());
    while i < end {
        if nums[i] == 0 {
            end -= 1;
            nums.swap(i, end);
        } else {
            i += 1;
        }
    }
}
