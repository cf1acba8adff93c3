// Mistake: records the current element before looking up its complement, so target / 2 is paired with itself.
use std::collections::HashMap;

pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let mut seen: HashMap<i32, usize> = HashMap::new();
    for (j, &x) in nums.iter().enumerate() {
        seen.insert(x, j);
        if let Some(&i) = seen.get(&(target - x)) {
            return (i, j);
        }
    }
    (0, 0)
}
