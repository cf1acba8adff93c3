/// Chunks of `size` chars starting every `size - overlap` chars, the last one the first
/// that reaches the end of the text; no chunks for an empty text.
pub fn chunk_text(text: &str, size: usize, overlap: usize) -> Vec<String> {
    // Positions count chars, so index a Vec<char> rather than the UTF-8 bytes.
    let chars: Vec<char> = text.chars().collect();
    let step = size - overlap;
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = (start + size).min(chars.len());
        chunks.push(chars[start..end].iter().collect());
        if end == chars.len() {
            break;
        }
        start += step;
    }
    chunks
}
