// Mistake: keys each word by the sum of its letter codes, so "ad" and "bc" collide.
use std::collections::HashMap;

pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: HashMap<u32, Vec<String>> = HashMap::new();
    for word in words {
        let key: u32 = word.bytes().map(u32::from).sum();
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
