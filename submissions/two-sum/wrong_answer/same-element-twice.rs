// Mistake: fills the map with every element first, so an element can be paired with itself.
use std::collections::HashMap;

pub fn two_sum(nums: &[i32], target: i32) -> (usize, usize) {
    let mut index: HashMap<i32, usize> = HashMap::new();
    for (i, &x) in nums.iter().enumerate() {
        index.insert(x, i);
    }
    for (i, &x) in nums.iter().enumerate() {
        if let Some(&j) = index.get(&(target - x)) {
            return (i.min(j), i.max(j));
        }
    }
    (0, 0)
}
