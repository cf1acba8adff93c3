// Wrong: the textbook E[x²] − E[x]² from a running sum and sum of squares; around 1e9 the
// subtraction of two numbers near 1e18 leaves only rounding noise.
pub struct RunningStats {
    n: f64,
    sum: f64,
    sum_sq: f64,
}

impl RunningStats {
    pub fn new() -> Self {
        RunningStats { n: 0.0, sum: 0.0, sum_sq: 0.0 }
    }

    pub fn push(&mut self, x: f64) {
        self.n += 1.0;
        self.sum += x;
        self.sum_sq += x * x;
    }

    pub fn mean(&self) -> f64 {
        if self.n == 0.0 { 0.0 } else { self.sum / self.n }
    }

    pub fn variance(&self) -> f64 {
        if self.n == 0.0 {
            return 0.0;
        }
        let m = self.sum / self.n;
        self.sum_sq / self.n - m * m
    }
}
