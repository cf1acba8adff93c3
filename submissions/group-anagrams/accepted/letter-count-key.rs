// Another correct approach: the key is the count of each of the 26 letters, O(n · k).
use std::collections::HashMap;

pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: HashMap<[u32; 26], Vec<String>> = HashMap::new();
    for word in words {
        let mut key = [0u32; 26];
        for b in word.bytes() {
            key[usize::from(b - b'a')] += 1;
        }
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
