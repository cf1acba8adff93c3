// Wrong: a put into a full cache evicts the least recently used key before looking whether
// the key is already there, so updating a key of a full cache loses another one.
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

    pub fn get(&mut self, key: i32) -> Option<i32> {
        self.clock += 1;
        let now = self.clock;
        let (value, used) = self.entries.get_mut(&key)?;
        self.by_use.remove(used);
        *used = now;
        self.by_use.insert(now, key);
        Some(*value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        self.clock += 1;
        if self.entries.len() == self.capacity {
            let (_, oldest) = self.by_use.pop_first().expect("a full cache holds a key");
            self.entries.remove(&oldest);
        }
        if let Some((_, used)) = self.entries.get(&key) {
            self.by_use.remove(used);
        }
        self.entries.insert(key, (value, self.clock));
        self.by_use.insert(self.clock, key);
    }
}
