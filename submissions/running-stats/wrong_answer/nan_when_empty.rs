// Wrong: divides by the count even when it is 0, so an empty stream has mean and variance
// NaN (0 / 0) instead of 0.
pub struct RunningStats {
    n: u64,
    sum: f64,
    mean: f64,
    m2: f64,
}

impl RunningStats {
    pub fn new() -> Self {
        RunningStats { n: 0, sum: 0.0, mean: 0.0, m2: 0.0 }
    }

    pub fn push(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    pub fn mean(&self) -> f64 {
        self.sum / self.n as f64
    }

    pub fn variance(&self) -> f64 {
        self.m2 / self.n as f64
    }
}
