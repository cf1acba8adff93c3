// Mistake: tests `x > 0` for "non-zero", so negative values are moved to the end with the zeros.
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let mut write = 0;
    for read in 0..nums.len() {
        if nums[read] > 0 {
            nums.swap(write, read);
            write += 1;
        }
    }
}
