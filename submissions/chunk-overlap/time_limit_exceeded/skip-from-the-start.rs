// Mistake: finds each chunk by walking the text from its beginning
// (text.chars().skip(start)), O(len) per chunk: about 10^11 steps for 250000 chunks of
// a text of 10^6 chars.
pub fn chunk_text(text: &str, size: usize, overlap: usize) -> Vec<String> {
    let len = text.chars().count();
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < len {
        let chunk: String = text.chars().skip(start).take(size).collect();
        let end = start + chunk.chars().count();
        chunks.push(chunk);
        if end == len {
            break;
        }
        start += size - overlap;
    }
    chunks
}
