// Mistake: copies the non-zero values forward, then fills zeros from `write + 1` instead of `write`, leaving a stale value behind.
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let mut write = 0;
    for read in 0..nums.len() {
        if nums[read] != 0 {
            nums[write] = nums[read];
            write += 1;
        }
    }
    for i in write + 1..nums.len() {
        nums[i] = 0;
    }
}
