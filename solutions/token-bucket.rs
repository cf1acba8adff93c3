/// The tokens held and the time of the previous call: each call first adds what the elapsed
/// time refilled (never past the capacity), then takes the cost only if it is there.
pub struct TokenBucket {
    capacity: f64,
    refill_per_sec: f64,
    tokens: f64,
    /// The previous call's time; `None` before the first (the bucket is full then anyway).
    last_ms: Option<u64>,
}

impl TokenBucket {
    pub fn new(capacity: f64, refill_per_sec: f64) -> Self {
        TokenBucket {
            capacity,
            refill_per_sec,
            tokens: capacity,
            last_ms: None,
        }
    }

    pub fn allow(&mut self, now_ms: u64, cost: f64) -> bool {
        if let Some(last) = self.last_ms {
            let elapsed = (now_ms - last) as f64 / 1000.0;
            self.tokens = (self.tokens + self.refill_per_sec * elapsed).min(self.capacity);
        }
        self.last_ms = Some(now_ms);
        if self.tokens >= cost {
            self.tokens -= cost;
            true
        } else {
            false
        }
    }
}
