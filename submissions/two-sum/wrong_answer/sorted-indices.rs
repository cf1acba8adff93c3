// Mistake: sorts the numbers and runs two pointers, but returns positions in the sorted copy, not the original indices.
pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let mut sorted = nums.to_vec();
    sorted.sort();
    let (mut i, mut j) = (0, sorted.len() - 1);
    while i < j {
        let sum = sorted[i] + sorted[j];
        if sum == target {
            return (i, j);
        } else if sum < target {
            i += 1;
        } else {
            j -= 1;
        }
    }
    (0, 0)
}
