// Correct: each key keeps the time of its last use, and an ordered map from time to key
// finds the least recently used one: O(log n) per operation.
use std::collections::{BTreeMap, HashMap};

pub struct LruCache {
    capacity: usize,
    clock: u64,
    entries: HashMap<i32, (i32, u64)>,
    by_use: BTreeMap<u64, i32>,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache { capacity, clock: 0, entries: HashMap::new(), by_use: BTreeMap::new() }
    }

    fn stamp(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let now = self.stamp();
        let (value, used) = self.entries.get_mut(&key)?;
        self.by_use.remove(used);
        *used = now;
        self.by_use.insert(now, key);
        Some(*value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        let now = self.stamp();
        if let Some((v, used)) = self.entries.get_mut(&key) {
            self.by_use.remove(used);
            *v = value;
            *used = now;
        } else {
            if self.entries.len() == self.capacity {
                let (_, oldest) = self.by_use.pop_first().expect("a full cache holds a key");
                self.entries.remove(&oldest);
            }
            self.entries.insert(key, (value, now));
        }
        self.by_use.insert(now, key);
    }
}
