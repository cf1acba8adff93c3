// Wrong: attends over the cache before appending the new key and value, so the current position is left out (and the first step divides 0 by 0).
/// The keys and values of every step so far, so that each new query attends over all of them
/// without recomputing anything: one step costs O(len · d).
pub struct KvCache {
    d: usize,
    keys: Vec<Vec<f64>>,
    values: Vec<Vec<f64>>,
}

impl KvCache {
    pub fn new(d: usize) -> Self {
        KvCache {
            d,
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    /// Appends `k` and `v`, then returns softmax(q · Kᵀ / sqrt(d)) · V over every cached
    /// position, the new one included.
    pub fn step(&mut self, q: Vec<f64>, k: Vec<f64>, v: Vec<f64>) -> Vec<f64> {
        let scale = 1.0 / (self.d as f64).sqrt();
        let scores: Vec<f64> = self
            .keys
            .iter()
            .map(|key| q.iter().zip(key).map(|(a, b)| a * b).sum::<f64>() * scale)
            .collect();
        // Subtracting the largest score keeps exp from overflowing (or all underflowing).
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let weights: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
        let total: f64 = weights.iter().sum();
        let mut out = vec![0.0; self.d];
        for (w, value) in weights.iter().zip(&self.values) {
            for (o, x) in out.iter_mut().zip(value) {
                *o += w / total * x;
            }
        }
        self.keys.push(k);
        self.values.push(v);
        out
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }
}
