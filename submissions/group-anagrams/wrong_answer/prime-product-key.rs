// Mistake: keys each word by the product of one prime per letter in a u64, which wraps on long words (64 'a's make 2^64 = 0), so different long words collide.
use std::collections::HashMap;

const PRIMES: [u64; 26] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
    97, 101,
];

pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: HashMap<u64, Vec<String>> = HashMap::new();
    for word in words {
        let key = word
            .bytes()
            .fold(1u64, |k, b| k.wrapping_mul(PRIMES[(b - b'a') as usize]));
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
