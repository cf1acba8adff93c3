// Correct: keeps the tokens as of the previous call and computes what is available now only
// when deciding, storing it back whether or not the request is allowed.
pub struct TokenBucket {
    capacity: f64,
    rate: f64,
    tokens: f64,
    last_ms: u64,
    started: bool,
}

impl TokenBucket {
    pub fn new(capacity: f64, refill_per_sec: f64) -> Self {
        TokenBucket { capacity, rate: refill_per_sec, tokens: capacity, last_ms: 0, started: false }
    }

    fn available(&self, now_ms: u64) -> f64 {
        if !self.started {
            return self.tokens;
        }
        let refill = self.rate * ((now_ms - self.last_ms) as f64 / 1000.0);
        self.capacity.min(self.tokens + refill)
    }

    pub fn allow(&mut self, now_ms: u64, cost: f64) -> bool {
        let now = self.available(now_ms);
        self.started = true;
        self.last_ms = now_ms;
        let ok = now >= cost;
        self.tokens = if ok { now - cost } else { now };
        ok
    }
}
