// Mistake: counts bytes (text.len(), &text[start..end]); slicing a str through the middle
// of a multi-byte char panics.
pub fn chunk_text(text: &str, size: usize, overlap: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = (start + size).min(text.len());
        chunks.push(text[start..end].to_string());
        if end == text.len() {
            break;
        }
        start += size - overlap;
    }
    chunks
}
