//! The parts of a text that print nothing, found while the parser's events stream in: a
//! paragraph, heading, item or cell, a link's words, a stretch in italics, bold or code, a
//! code block or an image's description, made only of invisible characters (U+200B…) and
//! spaces. Each is found where it is written, so that validation points at it, not at the
//! first copy of its character (a zero-width space inside a word, `Donau​dampfschiff`).

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// A part that prints nothing: what it is, as the message names it ("a link's text"), its
/// first invisible character, and where it is written.
#[derive(Debug, PartialEq)]
pub struct Unseen {
    pub what: &'static str,
    pub first: char,
    pub written: super::Written,
}

/// A part open in the text: what it is, where it starts, its first invisible character and
/// whether it prints anything, and how many parts were found before it opened.
struct Open {
    what: &'static str,
    start: usize,
    first: Option<char>,
    visible: bool,
    found_before: usize,
}

/// The parts open, and those found (the outermost of parts inside each other, in the order
/// of the text).
#[derive(Default)]
pub(super) struct Parts {
    open: Vec<Open>,
    found: Vec<Unseen>,
}

impl Parts {
    /// Follows one event of the parser, at `range` of `src`.
    pub(super) fn see(&mut self, src: &str, ev: &Event, range: &Range<usize>) {
        let (paragraph, link, set) =
            ("a paragraph, item or cell", "a link's text", "a stretch in italics, bold or code");
        match ev {
            Event::Start(tag) => {
                let what = match tag {
                    Tag::Paragraph | Tag::Item | Tag::TableCell => paragraph,
                    Tag::Heading { .. } => "a heading",
                    Tag::Link { .. } => link,
                    Tag::Image { .. } => "an image's description",
                    Tag::Emphasis | Tag::Strong => set,
                    Tag::CodeBlock(_) => "a code block",
                    _ => return,
                };
                self.begin(what, range.start);
            }
            Event::End(tag) => {
                if matches!(
                    tag,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::TableCell
                        | TagEnd::Link
                        | TagEnd::Image
                        | TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::CodeBlock
                ) {
                    self.close(src, range.end);
                }
            }
            Event::Code(code) => {
                self.begin(set, range.start);
                self.text(code);
                self.close(src, range.end);
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => {}
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text(t)
            }
            // (A footnote's label or a task's box prints something.)
            _ => self.text("x"),
        }
    }

    /// Opens a part, `what` it is, from byte `start` of the text.
    fn begin(&mut self, what: &'static str, start: usize) {
        let found_before = self.found.len();
        self.open.push(Open { what, start, first: None, visible: false, found_before });
    }

    /// Text printed in the innermost part open.
    pub(super) fn text(&mut self, text: &str) {
        let Some(open) = self.open.last_mut() else { return };
        if open.visible {
            return;
        }
        for c in text.chars() {
            if crate::script::is_invisible(c) {
                open.first.get_or_insert(c);
            } else if !c.is_whitespace() {
                open.visible = true;
                return;
            }
        }
    }

    /// Closes the innermost part, which ends at byte `end`: found when it prints nothing but
    /// invisible characters (in place of those found inside it), else what it prints is printed
    /// in the part around it.
    fn close(&mut self, src: &str, end: usize) {
        let Some(part) = self.open.pop() else { return };
        match (part.visible, part.first) {
            (false, Some(first)) => {
                self.found.truncate(part.found_before);
                // (From its first character: a cell's range starts at the space after `|`.)
                let at = part.start + src[part.start..].len() - src[part.start..].trim_start_matches([' ', '\t']).len();
                // (Its first line: as far as it goes, not the rest of the line (text23 F23-6).)
                let line = src.get(at..end.max(at)).unwrap_or_default().split('\n').next().unwrap_or_default();
                let written = super::Written { address: String::new(), at, written: line.to_string() };
                self.found.push(Unseen { what: part.what, first, written });
            }
            _ => {
                if let Some(outer) = self.open.last_mut() {
                    outer.visible |= part.visible;
                    outer.first = outer.first.or(part.first);
                }
            }
        }
    }

    pub(super) fn finish(self) -> Vec<Unseen> {
        self.found
    }
}
