// Mistake: makes a chunk from every start before the end of the text, so after the chunk
// that reaches the end comes a tail it already covered.
pub fn chunk_text(text: &str, size: usize, overlap: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = (start + size).min(chars.len());
        chunks.push(chars[start..end].iter().collect());
        start += size - overlap;
    }
    chunks
}
