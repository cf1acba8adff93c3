/// Moves every zero of `nums` to the end, in place, keeping the non-zero values in
/// their original order.
///
/// A write pointer marks where the next non-zero value belongs. Swapping each
/// non-zero value into place pushes the zeros behind it: one pass, O(n) time, O(1)
/// extra space, and stable for the non-zero values because they are visited in order.
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let mut write = 0;
    for read in 0..nums.len() {
        if nums[read] != 0 {
            nums.swap(write, read);
            write += 1;
        }
    }
}
