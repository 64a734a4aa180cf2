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
        let mut cursor = (0, 0);
        for link in links {
            let shown: String = link.address.chars().take(60).collect();
            // (A reference link, `[words]` or `[words][label]`, has its address elsewhere.)
            let reference = !link.written.contains("](");
            let place = self.link_place(field, &link, &mut cursor);
            self.diagnostics.push(Diagnostic::new(Some(place), path, message(&shown, reference)).with_help(help));
        }
    }

    /// Where a link's address is written in a Markdown field's source (else its link's first
    /// line, else the field). `cursor` is a byte of the text and its line, from an earlier
    /// link's (links come in the order of the text).
    pub(super) fn link_place(
        &self,
        field: &Spanned<String>,
        link: &markdown::Written,
        cursor: &mut (usize, usize),
    ) -> Span {
        let (from, line) = *cursor;
        let at = link.at.clamp(from, field.value.len());
        *cursor = (at, line + field.value.as_bytes()[from..at].iter().filter(|&&b| b == b'\n').count());
        let place = self
            .same_line_place(field, cursor.1, at, link.written.len())
            .unwrap_or_else(|| self.line_place(field, cursor.1, &link.written));
        let found = place.end - place.start == link.written.len();
        if found && !link.address.is_empty() && link.written.ends_with(&link.address) {
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
        let k = k + usize::from(source.starts_with(['|', '>']));
        let from = if k == 0 { 0 } else { source.match_indices('\n').nth(k - 1)?.0 + 1 };
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
        let k = k + usize::from(source.starts_with(['|', '>']));
        let from = match k {
            0 => 0,
            k => source.match_indices('\n').nth(k - 1).map_or(0, |(at, _)| at + 1),
        };
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
