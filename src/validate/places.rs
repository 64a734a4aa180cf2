//! Where a problem in a field's value is written in the field's source: the value and its
//! source differ where YAML folds lines, escapes characters or indents a block.

use super::Checker;
use crate::diag::{Diagnostic, Span};
use crate::load::Spanned;
use crate::markdown;

/// A problem's message of a link's address (its first 60 characters) and whether it is a
/// reference link.
type Message<'a> = &'a dyn Fn(&str, bool) -> String;

impl Checker<'_> {
    /// Where `needle` first appears in the source of the field at `span` (the field, when it
    /// does not appear as written).
    pub(super) fn place_of(&self, needle: &str, span: Span) -> Span {
        let source = self.file.text.get(span.start..span.end).unwrap_or("");
        match source.find(needle.get(..needle.len().min(200)).unwrap_or(needle)) {
            Some(at) if !needle.is_empty() => Span::new(span.start + at, span.start + at + needle.len().min(200)),
            _ => span,
        }
    }

    /// Reports each of `links`, links no reader can follow, at its place: `message` of its
    /// address (its first 60 characters) and whether it is a reference link, and `help`.
    pub(super) fn unfollowable(
        &mut self,
        field: &Spanned<String>,
        path: &str,
        links: Vec<markdown::Written>,
        (message, help): (Message, &str),
    ) {
        let mut cursor = Cursor::default();
        for link in links {
            let shown: String = link.address.chars().take(60).collect();
            // (A reference link, `[words]` or `[words][label]`, has its address elsewhere.)
            let reference = !link.written.contains("](");
            let place = self.link_place(field, &link, &mut cursor);
            self.diagnostics.push(Diagnostic::new(Some(place), path, message(&shown, reference)).with_help(help));
        }
    }

    /// Where a link's address is written in a Markdown field's source (else its link's first
    /// line, else the field). `cursor` is where an earlier link is (links come in the order
    /// of the text).
    pub(super) fn link_place(&self, field: &Spanned<String>, link: &markdown::Written, cursor: &mut Cursor) -> Span {
        let at = link.at.clamp(cursor.at, field.value.len());
        cursor.line += field.value.as_bytes()[cursor.at..at].iter().filter(|&&b| b == b'\n').count();
        cursor.at = at;
        let written = link.written.as_str();
        let place = self.same_line_place(field, cursor.line, at, written.len()).or_else(|| {
            // Else the first time it is written past the last place found, from its line on,
            // as it reads or with its invisible characters escaped (`\u200b` in quotes);
            // or its first word (the rest of the line was folded from lines below).
            let head = written.split(char::is_whitespace).next().unwrap_or(written);
            let source = self.file.text.get(field.span.start..field.span.end)?;
            let from = source_line_start(source, cursor.line).unwrap_or(0).max(cursor.source);
            let variants = [written, head].into_iter().flat_map(|w| {
                let how = [Escape::Lower, Escape::Upper, Escape::Long, Escape::LongLower];
                std::iter::once(w.to_string()).chain(how.map(|how| escaped(w, how)))
            });
            variants.filter(|w| !w.is_empty()).find_map(|w| {
                let found = source[from..].find(&w).map(|k| from + k).or_else(|| {
                    (from > cursor.source)
                        .then(|| source[cursor.source..].find(&w).map(|k| cursor.source + k))
                        .flatten()
                })?;
                Some(Span::new(field.span.start + found, field.span.start + found + w.len()))
            })
        });
        let place = place.unwrap_or_else(|| self.line_place(field, cursor.line, written));
        // (Past its first byte only: what is written after it, inside its line, comes next.)
        let past = (place.start + 1).saturating_sub(field.span.start).min(field.span.end - field.span.start);
        cursor.source = cursor.source.max(past);
        let found = place.end - place.start == written.len();
        if found && !link.address.is_empty() && written.ends_with(&link.address) {
            return Span::new(place.end - link.address.len(), place.end);
        }
        place
    }

    /// Where the `len` bytes from byte `at` of a Markdown field's text, on its line `k`, are in
    /// its source, when that line is written there as it reads (as in a block scalar, `|`):
    /// by their place in the line, not by the first time the same words are written in it
    /// (the 51st of 60 `[r]`).
    fn same_line_place(&self, field: &Spanned<String>, k: usize, at: usize, len: usize) -> Option<Span> {
        let source = self.file.text.get(field.span.start..field.span.end)?;
        let from = source_line_start(source, k)?;
        let written = source[from..].split('\n').next()?.trim_end_matches('\r');
        let start = field.value[..at].rfind('\n').map_or(0, |n| n + 1);
        let line = field.value[start..].split('\n').next()?;
        let (trimmed, written_trimmed) = (line.trim_start(), written.trim_start());
        let into = (at - start).checked_sub(line.len() - trimmed.len())?;
        if trimmed != written_trimmed || trimmed.is_empty() {
            return None;
        }
        let begin = field.span.start + from + (written.len() - written_trimmed.len()) + into;
        Some(Span::new(begin, begin + len.min(trimmed.len() - into)))
    }

    /// Where line `k` (from 0) of a Markdown field's text, written as `line`, is in the field's
    /// source: the first time it is written from the `k`th line of the source on (one more in
    /// a block scalar, `|` or `>`, whose text starts on the line after), else anywhere in it.
    pub(super) fn line_place(&self, field: &Spanned<String>, k: usize, line: &str) -> Span {
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        let from = source_line_start(source, k).unwrap_or(0);
        let rest = Span::new(field.span.start + from, field.span.end);
        match self.place_of(line, rest) {
            place if place == rest => self.place_of(line, field.span),
            place => place,
        }
    }

    /// [`Checker::place_of`], looked for from `from` (bytes into the field's source) on, and
    /// `from` moved past it.
    pub(super) fn place_after(&self, needle: &str, span: Span, from: &mut usize) -> Span {
        let start = span.start + (*from).min(span.end - span.start);
        let place = self.place_of(needle, Span::new(start, span.end));
        if place == Span::new(start, span.end) {
            return self.place_of(needle, span);
        }
        *from = place.end - span.start;
        place
    }
}

/// Where the places of a field's problems found so far are: a byte of its text and its line
/// (from 0), and a byte of its source past the last place found.
#[derive(Default)]
pub(super) struct Cursor {
    at: usize,
    line: usize,
    source: usize,
}

/// The byte of a field's `source` where line `k` (from 0) of its text starts, if the source
/// has that many lines: one more in a block scalar (`|`, `>`), whose text starts on the line
/// after.
fn source_line_start(source: &str, k: usize) -> Option<usize> {
    match k + usize::from(source.starts_with(['|', '>'])) {
        0 => Some(0),
        k => source.match_indices('\n').nth(k - 1).map(|(at, _)| at + 1),
    }
}

/// How [`escaped`] writes a character: `\u200b`, `\u200B`, `\U0000200B` or `\U0000200b`.
#[derive(Clone, Copy, PartialEq)]
enum Escape {
    Lower,
    Upper,
    Long,
    LongLower,
}

/// `text` with each invisible or control character written as YAML escapes it in double
/// quotes, as `how` says (past U+FFFF always as `\U…`).
fn escaped(text: &str, how: Escape) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        match c {
            '\t' => out.push_str("\\t"),
            c if !(crate::script::is_invisible(c) || c.is_control()) => out.push(c),
            _ if how == Escape::LongLower => out.push_str(&format!("\\U{code:08x}")),
            _ if code > 0xFFFF || how == Escape::Long => out.push_str(&format!("\\U{code:08X}")),
            _ if how == Escape::Upper => out.push_str(&format!("\\u{code:04X}")),
            _ => out.push_str(&format!("\\u{code:04x}")),
        }
    }
    out
}
