// Mistake: steps by size instead of size - overlap, so the chunks do not overlap.
pub fn chunk_text(text: &str, size: usize, _overlap: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(size).map(|c| c.iter().collect()).collect()
}
