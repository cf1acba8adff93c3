// Too slow: the keys are kept in a Vec in order of use, and every get and put finds its key
// by a linear scan and moves it to the end: O(capacity) per operation.
pub struct LruCache {
    capacity: usize,
    entries: Vec<(i32, i32)>,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache { capacity, entries: Vec::new() }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let i = self.entries.iter().position(|&(k, _)| k == key)?;
        let e = self.entries.remove(i);
        self.entries.push(e);
        Some(e.1)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if let Some(i) = self.entries.iter().position(|&(k, _)| k == key) {
            self.entries.remove(i);
        } else if self.entries.len() == self.capacity {
            self.entries.remove(0);
        }
        self.entries.push((key, value));
    }
}
