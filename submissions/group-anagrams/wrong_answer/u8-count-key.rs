// Mistake: keys each word by its letter counts in a [u8; 26], which wrap past 255, so a word with 256 extra copies of a letter matches the shorter one.
use std::collections::HashMap;

pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: HashMap<[u8; 26], Vec<String>> = HashMap::new();
    for word in words {
        let mut key = [0u8; 26];
        for b in word.bytes() {
            key[(b - b'a') as usize] = key[(b - b'a') as usize].wrapping_add(1);
        }
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
