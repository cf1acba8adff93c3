// Another correct approach: groups the examples by score in a BTreeMap (keyed by the
// score's total order), then walks the groups from the highest score down.
use std::collections::BTreeMap;

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Key(std::cmp::Reverse<i64>);

fn key(x: f64) -> Key {
    // f64::total_cmp as an integer: flips the magnitude bits of negative numbers.
    let bits = x.to_bits() as i64;
    Key(std::cmp::Reverse(bits ^ (((bits >> 63) as u64) >> 1) as i64))
}

pub fn average_precision(scores: &[f64], labels: &[bool]) -> f64 {
    let positives = labels.iter().filter(|&&l| l).count() as f64;
    if positives == 0.0 {
        return 0.0;
    }
    let mut groups: BTreeMap<Key, (usize, usize)> = BTreeMap::new();
    for (&s, &l) in scores.iter().zip(labels) {
        let g = groups.entry(key(s)).or_default();
        if l {
            g.0 += 1;
        } else {
            g.1 += 1;
        }
    }
    let (mut tp, mut seen, mut ap) = (0usize, 0usize, 0.0);
    for (pos, neg) in groups.into_values() {
        tp += pos;
        seen += pos + neg;
        ap += pos as f64 / positives * (tp as f64 / seen as f64);
    }
    ap
}
