// Mistake: makes only full chunks (while start + size <= len), dropping the shorter last
// chunk, and the whole text when it is shorter than one chunk.
pub fn chunk_text(text: &str, size: usize, overlap: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut chunks = Vec::new();
    let mut start = 0;
    while start + size <= chars.len() {
        chunks.push(chars[start..start + size].iter().collect());
        start += size - overlap;
    }
    chunks
}
