// Wrong: stores the refilled tokens on every call but moves the clock only when a request is
// allowed, so the time before a denied request is refilled twice.
pub struct TokenBucket {
    capacity: f64,
    rate: f64,
    tokens: f64,
    last_ms: Option<u64>,
}

impl TokenBucket {
    pub fn new(capacity: f64, refill_per_sec: f64) -> Self {
        TokenBucket { capacity, rate: refill_per_sec, tokens: capacity, last_ms: None }
    }

    pub fn allow(&mut self, now_ms: u64, cost: f64) -> bool {
        if let Some(last) = self.last_ms {
            let elapsed = (now_ms - last) as f64 / 1000.0;
            self.tokens = (self.tokens + self.rate * elapsed).min(self.capacity);
        }
        if self.last_ms.is_none() {
            self.last_ms = Some(now_ms);
        }
        if self.tokens >= cost {
            self.tokens -= cost;
            self.last_ms = Some(now_ms);
            true
        } else {
            false
        }
    }
}
