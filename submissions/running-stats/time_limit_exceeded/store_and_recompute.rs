// Too slow: stores every value and recomputes the mean and the variance (two passes) on
// every query: O(n) per query, O(n²) over a stream of pushes then queries.
pub struct RunningStats {
    values: Vec<f64>,
}

impl RunningStats {
    pub fn new() -> Self {
        RunningStats { values: Vec::new() }
    }

    pub fn push(&mut self, x: f64) {
        self.values.push(x);
    }

    pub fn mean(&self) -> f64 {
        if self.values.is_empty() {
            return 0.0;
        }
        self.values.iter().sum::<f64>() / self.values.len() as f64
    }

    pub fn variance(&self) -> f64 {
        if self.values.is_empty() {
            return 0.0;
        }
        let m = self.mean();
        self.values.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / self.values.len() as f64
    }
}
