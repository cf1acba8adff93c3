// Wrong: evicts the least recently inserted key (a FIFO queue): neither get nor put on an
// existing key moves it back in the line.
use std::collections::{HashMap, VecDeque};

pub struct LruCache {
    capacity: usize,
    values: HashMap<i32, i32>,
    order: VecDeque<i32>,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache { capacity, values: HashMap::new(), order: VecDeque::new() }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        self.values.get(&key).copied()
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if let Some(v) = self.values.get_mut(&key) {
            *v = value;
            return;
        }
        if self.values.len() == self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.values.remove(&old);
            }
        }
        self.values.insert(key, value);
        self.order.push_back(key);
    }
}
