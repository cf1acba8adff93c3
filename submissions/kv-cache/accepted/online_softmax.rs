// Correct: one pass over the cache with an online softmax (the running maximum, the running
// sum of exponentials and the running weighted sum of values, rescaled when the maximum
// grows), as flash-attention kernels do.
pub struct KvCache {
    d: usize,
    keys: Vec<f64>,
    values: Vec<f64>,
}

impl KvCache {
    pub fn new(d: usize) -> Self {
        KvCache { d, keys: Vec::new(), values: Vec::new() }
    }

    pub fn step(&mut self, q: Vec<f64>, k: Vec<f64>, v: Vec<f64>) -> Vec<f64> {
        self.keys.extend_from_slice(&k);
        self.values.extend_from_slice(&v);
        let d = self.d;
        let scale = (d as f64).sqrt();
        let mut max = f64::NEG_INFINITY;
        let mut sum = 0.0;
        let mut acc = vec![0.0; d];
        for (key, value) in self.keys.chunks(d).zip(self.values.chunks(d)) {
            let s = q.iter().zip(key).map(|(a, b)| a * b).sum::<f64>() / scale;
            if s > max {
                let shrink = (max - s).exp();
                sum *= shrink;
                acc.iter_mut().for_each(|a| *a *= shrink);
                max = s;
            }
            let w = (s - max).exp();
            sum += w;
            for (a, x) in acc.iter_mut().zip(value) {
                *a += w * x;
            }
        }
        acc.iter().map(|a| a / sum).collect()
    }

    pub fn len(&self) -> usize {
        self.keys.len() / self.d.max(1)
    }
}
