// Mistake: keys each word by its letter counts in a [u16; 26], which wrap past 65535, so a word with 65536 extra copies of a letter matches the shorter one.
use std::collections::HashMap;

pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: HashMap<[u16; 26], Vec<String>> = HashMap::new();
    for word in words {
        let mut key = [0u16; 26];
        for b in word.bytes() {
            key[(b - b'a') as usize] += 1;
        }
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
