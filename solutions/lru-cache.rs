use std::collections::HashMap;

/// No node: the end of the list.
const NIL: usize = usize::MAX;

struct Node {
    key: i32,
    value: i32,
    prev: usize,
    next: usize,
}

/// A hash map from key to node, and the nodes in a doubly linked list kept in a `Vec`
/// (indices instead of pointers), most recently used at the head: every operation is O(1)
/// expected.
pub struct LruCache {
    capacity: usize,
    index: HashMap<i32, usize>,
    nodes: Vec<Node>,
    head: usize,
    tail: usize,
}

impl LruCache {
    pub fn new(capacity: usize) -> Self {
        LruCache {
            capacity,
            index: HashMap::with_capacity(capacity),
            nodes: Vec::with_capacity(capacity),
            head: NIL,
            tail: NIL,
        }
    }

    pub fn get(&mut self, key: i32) -> Option<i32> {
        let i = *self.index.get(&key)?;
        self.touch(i);
        Some(self.nodes[i].value)
    }

    pub fn put(&mut self, key: i32, value: i32) {
        if let Some(&i) = self.index.get(&key) {
            self.nodes[i].value = value;
            self.touch(i);
            return;
        }
        let i = if self.nodes.len() < self.capacity {
            self.nodes.push(Node {
                key,
                value,
                prev: NIL,
                next: NIL,
            });
            self.nodes.len() - 1
        } else {
            // Full: the least recently used node, at the tail, is reused for the new key.
            let i = self.tail;
            self.unlink(i);
            self.index.remove(&self.nodes[i].key);
            self.nodes[i].key = key;
            self.nodes[i].value = value;
            i
        };
        self.index.insert(key, i);
        self.push_front(i);
    }

    /// Makes node `i` the most recently used.
    fn touch(&mut self, i: usize) {
        if self.head != i {
            self.unlink(i);
            self.push_front(i);
        }
    }

    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.nodes[i].prev, self.nodes[i].next);
        match prev {
            NIL => self.head = next,
            p => self.nodes[p].next = next,
        }
        match next {
            NIL => self.tail = prev,
            n => self.nodes[n].prev = prev,
        }
    }

    fn push_front(&mut self, i: usize) {
        self.nodes[i].prev = NIL;
        self.nodes[i].next = self.head;
        match self.head {
            NIL => self.tail = i,
            h => self.nodes[h].prev = i,
        }
        self.head = i;
    }
}
