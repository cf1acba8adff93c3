// Wrong: a request needs strictly more tokens than its cost (`>` for `>=`), so a bucket holding exactly the cost refuses it.
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
        self.last_ms = Some(now_ms);
        if self.tokens > cost {
            self.tokens -= cost;
            true
        } else {
            false
        }
    }
}
