//! Running a submission's tests side by side: one worker per core, the largest inputs first,
//! so that the long tests run together and the short ones fill the gaps; results come back
//! in the tests' own order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// `work` on each item of `items`, on up to `workers` threads, heaviest (by `weight`) first;
/// `on_done(done)` after each. The results are in the items' order.
pub fn run_all<I: Sync, T: Send>(
    items: &[I],
    workers: usize,
    weight: impl Fn(&I) -> usize,
    work: impl Fn(&I) -> T + Sync,
    on_done: impl Fn(usize) + Sync,
) -> Vec<T> {
    run_all_with(
        items,
        workers,
        weight,
        || (),
        |(), item| work(item),
        on_done,
    )
}

/// The same, each worker with its own state, made by `init` on the worker's thread (a test
/// server, which must live on the thread that started it) and dropped there when it is done.
pub fn run_all_with<I: Sync, T: Send, S>(
    items: &[I],
    workers: usize,
    weight: impl Fn(&I) -> usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &I) -> T + Sync,
    on_done: impl Fn(usize) + Sync,
) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight(&items[i])));
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers.clamp(1, items.len().max(1)) {
            s.spawn(|| {
                let mut state = init();
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let r = work(&mut state, &items[i]);
                    results.lock().expect("results")[i] = Some(r);
                    on_done(done.fetch_add(1, Ordering::SeqCst) + 1);
                }
            });
        }
    });
    results
        .into_inner()
        .expect("results")
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect()
}

/// One worker per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_and_heavy_items_start_first() {
        let started = Mutex::new(Vec::new());
        let items = [1, 5, 3];
        let out = run_all(
            &items,
            1,
            |&n| n,
            |&n| {
                started.lock().unwrap().push(n);
                n * 10
            },
            |_| {},
        );
        assert_eq!(out, [10, 50, 30]);
        assert_eq!(*started.lock().unwrap(), [5, 3, 1]);
        let done = AtomicUsize::new(0);
        let out = run_all(
            &items,
            4,
            |_| 0,
            |&n| n,
            |d| {
                done.fetch_max(d, Ordering::SeqCst);
            },
        );
        assert_eq!(out, [1, 5, 3]);
        assert_eq!(done.into_inner(), 3);
        assert!(run_all(&[] as &[u8], 2, |_| 0, |_| (), |_| {}).is_empty());
    }
}
