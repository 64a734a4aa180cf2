//! Character index → byte offset: the parser counts characters, spans are bytes.

use saphyr_parser::Marker;
use std::cell::Cell;

/// Character index → byte offset. The parser counts characters; spans are bytes.
pub(super) struct Offsets<'a> {
    text: &'a str,
    /// Byte offset of every `STRIDE`th character; empty for ASCII text.
    marks: Vec<usize>,
    /// The last character looked up and its byte offset: the parser asks in order, mostly a
    /// few characters on from the last, so the walk starts there when that is nearer.
    last: Cell<(usize, usize)>,
}

const STRIDE: usize = 64;

impl<'a> Offsets<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let marks =
            if text.is_ascii() { Vec::new() } else { text.char_indices().step_by(STRIDE).map(|(i, _)| i).collect() };
        Offsets { text, marks, last: Cell::new((0, 0)) }
    }

    pub(super) fn byte(&self, at: Marker) -> usize {
        let index = at.index();
        if self.marks.is_empty() {
            return index.min(self.text.len());
        }
        let (mut from_char, mut from) = self.last.get();
        if index < from_char || index - from_char > index % STRIDE {
            let Some(&mark) = self.marks.get(index / STRIDE) else {
                return self.text.len();
            };
            (from_char, from) = (index - index % STRIDE, mark);
        }
        match self.text[from..].char_indices().nth(index - from_char) {
            Some((i, _)) => {
                self.last.set((index, from + i));
                from + i
            }
            None => self.text.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Character offsets become the same byte offsets in any order of asking: forwards,
    /// backwards, far jumps, past the end.
    #[test]
    fn offsets_are_the_characters_byte_offsets() {
        let text = "ab – 日本語 c\n".repeat(40);
        let chars = text.chars().count();
        let expected = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
        let offsets = Offsets::new(&text);
        let order = (0..chars + 3).chain((0..chars).rev()).chain((0..chars).map(|i| i * 37 % chars));
        for i in order {
            assert_eq!(offsets.byte(Marker::new(i, 0, 0)), expected(i), "character {i}");
        }
    }
}
