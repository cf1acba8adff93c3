// Mistake: keys each word by its set of distinct letters, so "ab" and "aab" land in the same group.
use std::collections::{BTreeSet, HashMap};

pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: HashMap<BTreeSet<char>, Vec<String>> = HashMap::new();
    for word in words {
        let key: BTreeSet<char> = word.chars().collect();
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
