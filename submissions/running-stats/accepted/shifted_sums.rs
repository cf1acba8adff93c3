// Correct: sums of the values shifted by the first one, which is close to the mean, so the
// sum of squares never holds numbers of the values' magnitude.
pub struct RunningStats {
    n: f64,
    shift: f64,
    sum: f64,
    sum_sq: f64,
}

impl RunningStats {
    pub fn new() -> Self {
        RunningStats { n: 0.0, shift: 0.0, sum: 0.0, sum_sq: 0.0 }
    }

    pub fn push(&mut self, x: f64) {
        if self.n == 0.0 {
            self.shift = x;
        }
        let d = x - self.shift;
        self.n += 1.0;
        self.sum += d;
        self.sum_sq += d * d;
    }

    pub fn mean(&self) -> f64 {
        if self.n == 0.0 {
            return 0.0;
        }
        self.shift + self.sum / self.n
    }

    pub fn variance(&self) -> f64 {
        if self.n == 0.0 {
            return 0.0;
        }
        let m = self.sum / self.n;
        (self.sum_sq / self.n - m * m).max(0.0)
    }
}
