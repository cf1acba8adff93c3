// Another correct approach: the byte offset of every char boundary once (char_indices
// plus the end), so that each chunk is a slice of the original &str between two of them.
pub fn chunk_text(text: &str, size: usize, overlap: usize) -> Vec<String> {
    let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let n = bounds.len();
    bounds.push(text.len());
    let mut out = Vec::new();
    let mut start = 0;
    while n > 0 {
        let end = usize::min(start + size, n);
        out.push(text[bounds[start]..bounds[end]].to_string());
        if end == n {
            break;
        }
        start += size - overlap;
    }
    out
}
