// Mistake: compares each word with every group found so far (a linear search instead of a map), quadratic in the number of groups.
pub fn group_anagrams(words: Vec<String>) -> Vec<Vec<String>> {
    let mut keys: Vec<Vec<char>> = Vec::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for word in words {
        let mut key: Vec<char> = word.chars().collect();
        key.sort_unstable();
        match keys.iter().position(|k| *k == key) {
            Some(g) => groups[g].push(word),
            None => {
                keys.push(key);
                groups.push(vec![word]);
            }
        }
    }
    groups
}
