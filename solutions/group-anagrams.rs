use std::collections::HashMap;

/// Groups the words that are anagrams of each other (same letters, same counts).
///
/// Two words are anagrams exactly when their sorted letters are equal, so the sorted
/// letters make a key: O(n · k log k) for n words of length k. The map stores, per
/// key, the index of its group in `groups`, which keeps the groups in order of first
/// appearance (any order is accepted, but a stable one is easier to read).
pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut group_of: HashMap<Vec<char>, usize> = HashMap::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for word in words {
        let mut key: Vec<char> = word.chars().collect();
        key.sort_unstable();
        if let Some(&g) = group_of.get(&key) {
            groups[g].push(word);
        } else {
            group_of.insert(key, groups.len());
            groups.push(vec![word]);
        }
    }
    groups
}
