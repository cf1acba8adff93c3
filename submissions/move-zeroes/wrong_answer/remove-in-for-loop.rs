// Mistake: removes zeros inside `for i in 0..n`; the element that slides into index i is skipped, so a second zero in a row stays.
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let n = nums.len();
    for i in 0..n {
        if nums[i] == 0 {
            nums.remove(i);
            nums.push(0);
        }
    }
}
