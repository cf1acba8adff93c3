// Mistake: removes duplicate words first, so a repeated word appears only once in its group.
use std::collections::HashMap;

pub fn group_anagrams(mut words: Vec<String>) -> Vec<Vec<String>> {
    words.sort();
    words.dedup();
    let mut groups: HashMap<Vec<char>, Vec<String>> = HashMap::new();
    for word in words {
        let mut key: Vec<char> = word.chars().collect();
        key.sort_unstable();
        groups.entry(key).or_default().push(word);
    }
    groups.into_values().collect()
}
