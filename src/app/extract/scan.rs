//! How a PDF's text is shaped, measured in one pass without recursion and without
//! decompressing anything: how deep its objects nest, and how long the longest one is (lopdf
//! parses each object whole, recursing once per level).

/// What [`nesting`] reads: a PDF file, whose streams hold binary data, or the decompressed
/// data of an object stream, which holds no streams (PDF forbids them there; text43b F43b-2:
/// reading on into streams found in one decompressed 64 MiB for each, without end).
#[derive(Clone, Copy, PartialEq)]
pub enum Text {
    File,
    ObjectStream,
}

/// The deepest nesting of `[` and `<<` in `pdf`, skipping strings and comments (and, in a
/// file, stream data), counted without recursion, so that a hostile file cannot exhaust the
/// stack while it is checked. Nothing is decompressed: an object stream is measured when it
/// is read (`Objects::get`).
pub fn nesting(pdf: &[u8], text: Text) -> usize {
    measure(pdf, text).deepest
}

/// How deep a PDF's objects nest, and the longest text of one object (from `obj` to its
/// `endobj` or `stream`), found in one pass.
pub struct Measure {
    pub deepest: usize,
    pub longest: usize,
}

/// [`nesting`], and the longest object: lopdf parses every object of a file whole when it
/// loads it, at some 40 times its text (text43b F43b-13: a catalog with an `/AF` array of 20
/// million references, 120 MB, took 4.8 GB).
pub fn measure(pdf: &[u8], text: Text) -> Measure {
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    // Where the object being read began, and the longest so far.
    let (mut object, mut longest) = (None::<usize>, 0usize);
    let space_before = |i: usize| i == 0 || pdf[i - 1].is_ascii_whitespace();
    let ends_word = |i: usize| pdf.get(i).is_none_or(|b| b.is_ascii_whitespace() || b"[]<>()/%".contains(b));
    while i < pdf.len() {
        match pdf[i] {
            b'o' if pdf[i..].starts_with(b"obj") && space_before(i) && ends_word(i + 3) => {
                if let Some(start) = object.replace(i) {
                    longest = longest.max(i - start);
                }
                i += 2;
            }
            b'e' if pdf[i..].starts_with(b"endobj")
                && (i == 0 || pdf[i - 1].is_ascii_whitespace() || b"]>)".contains(&pdf[i - 1])) =>
            {
                if let Some(start) = object.take() {
                    longest = longest.max(i - start);
                }
                i += 5;
            }
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut level = 0usize;
                while i < pdf.len() {
                    match pdf[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'%' => {
                while i < pdf.len() && pdf[i] != b'\n' && pdf[i] != b'\r' {
                    i += 1;
                }
            }
            b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'<' if pdf.get(i + 1) == Some(&b'<') => {
                depth += 1;
                deepest = deepest.max(depth);
                i += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if pdf.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            // Stream data is binary: skipped to its end.
            b's' if text == Text::File
                && pdf[i..].starts_with(b"stream")
                && (i == 0 || pdf[i - 1].is_ascii_whitespace() || pdf[i - 1] == b'>') =>
            {
                if let Some(start) = object.take() {
                    longest = longest.max(i - start);
                }
                let Some(end) = pdf[i..].windows(9).position(|w| w == b"endstream") else { break };
                i += end + 8;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(start) = object {
        longest = longest.max(pdf.len() - start);
    }
    Measure { deepest, longest }
}
