// Mistake: bubbles each zero to the end with neighbour swaps (scanning from the back so none is skipped): correct, but O(n^2).
pub fn move_zeroes(nums: &mut Vec<i32>) {
    let n = nums.len();
    for i in (0..n).rev() {
        if nums[i] == 0 {
            for j in i..n - 1 {
                nums.swap(j, j + 1);
            }
        }
    }
}
