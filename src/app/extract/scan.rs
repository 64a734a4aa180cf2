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
    let (mut depth, mut deepest) = (0usize, 0usize);
    // Where the object being read began, and the longest so far.
    let (mut object, mut longest) = (None::<usize>, 0usize);
    let mut tokens = Tokens { pdf, at: 0 };
    while let Some((i, token)) = tokens.next() {
        match token {
            Token::Obj => {
                if let Some(start) = object.replace(i) {
                    longest = longest.max(i - start);
                }
            }
            Token::Endobj => {
                if let Some(start) = object.take() {
                    longest = longest.max(i - start);
                }
            }
            Token::Open => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Token::Close => depth = depth.saturating_sub(1),
            // Stream data is binary: skipped to its end.
            Token::Stream if text == Text::File => {
                if let Some(start) = object.take() {
                    longest = longest.max(i - start);
                }
                let Some(end) = pdf[i..].windows(9).position(|w| w == b"endstream") else { break };
                tokens.at = i + end + 9;
            }
            Token::Stream => {}
        }
    }
    if let Some(start) = object {
        longest = longest.max(pdf.len() - start);
    }
    Measure { deepest, longest }
}

/// How the text of an object ends, read from after its `obj` as [`measure`] reads it.
pub struct TextEnd {
    /// Where its `endobj` or its `stream` keyword is.
    pub at: usize,
    /// Whether it is `stream`.
    pub stream: bool,
    /// How deep its arrays and dictionaries nest.
    pub deepest: usize,
}

/// How the text of an object read from `from` ends, if it ends before `limit`.
pub fn text_end(pdf: &[u8], from: usize, limit: usize) -> Option<TextEnd> {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (at, token) in (Tokens { pdf: &pdf[..limit.min(pdf.len())], at: from }) {
        match token {
            Token::Open => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Token::Close => depth = depth.saturating_sub(1),
            Token::Endobj | Token::Stream => return Some(TextEnd { at, stream: token == Token::Stream, deepest }),
            Token::Obj => {}
        }
    }
    None
}

/// What [`Tokens`] finds in a PDF's text.
#[derive(Clone, Copy, PartialEq)]
enum Token {
    /// The `obj` that begins an object.
    Obj,
    /// The `endobj` that ends one.
    Endobj,
    /// The `stream` keyword, before a stream's data.
    Stream,
    /// `[` or `<<`.
    Open,
    /// `]` or `>>`.
    Close,
}

/// The tokens of a PDF's text that tell its shape, each with where it is, from `at` on:
/// strings and comments skipped, stream data not (the reader decides).
struct Tokens<'a> {
    pdf: &'a [u8],
    at: usize,
}

impl Iterator for Tokens<'_> {
    type Item = (usize, Token);

    fn next(&mut self) -> Option<(usize, Token)> {
        let pdf = self.pdf;
        let space_before = |i: usize| i == 0 || pdf[i - 1].is_ascii_whitespace();
        let ends_word = |i: usize| pdf.get(i).is_none_or(|b| b.is_ascii_whitespace() || b"[]<>()/%".contains(b));
        while self.at < pdf.len() {
            let i = self.at;
            let (token, length) = match pdf[i] {
                b'o' if pdf[i..].starts_with(b"obj") && space_before(i) && ends_word(i + 3) => (Some(Token::Obj), 3),
                b'e' if pdf[i..].starts_with(b"endobj")
                    && (i == 0 || pdf[i - 1].is_ascii_whitespace() || b"]>)".contains(&pdf[i - 1])) =>
                {
                    (Some(Token::Endobj), 6)
                }
                b's' if pdf[i..].starts_with(b"stream")
                    && (i == 0 || pdf[i - 1].is_ascii_whitespace() || pdf[i - 1] == b'>') =>
                {
                    (Some(Token::Stream), 6)
                }
                b'(' => {
                    // A literal string: balanced parentheses, backslash escapes.
                    let (mut level, mut j) = (0usize, i);
                    while j < pdf.len() {
                        match pdf[j] {
                            b'\\' => j += 1,
                            b'(' => level += 1,
                            b')' => {
                                level -= 1;
                                if level == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    (None, j + 1 - i)
                }
                b'%' => (None, 1 + pdf[i..].iter().take_while(|&&b| b != b'\n' && b != b'\r').count()),
                b'[' => (Some(Token::Open), 1),
                b'<' if pdf.get(i + 1) == Some(&b'<') => (Some(Token::Open), 2),
                b']' => (Some(Token::Close), 1),
                b'>' if pdf.get(i + 1) == Some(&b'>') => (Some(Token::Close), 2),
                _ => (None, 1),
            };
            self.at = i + length;
            if let Some(token) = token {
                return Some((i, token));
            }
        }
        None
    }
}
