//! A comment typed with the Japanese input on: a full-width `＃` (U+FF03), on a line of its
//! own or after a value and a space (half- or full-width, with text after it or not: the
//! input types `値　＃メモ`, text45a F45a-3). YAML reads it as text: after a value it was printed
//! (`title: ＡＩ  ＃ 要確認`), and on its own line it was text indented too little, whose fix
//! printed it (text44a F44a-14). Named at the `＃`, and read as the comment meant (every
//! offset kept).

use super::wide::{mend_lines, IsKey, TextLines, Wrap, WIDE_SPACE};
use crate::diag::{Diagnostic, Span};

const WIDE_HASH: char = '\u{FF03}';

/// The text with each such `＃` made `#` and two spaces (and the full-width spaces that
/// indent its line, spaces); with one error for each. `None` when there is none.
pub(super) fn mend(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(WIDE_HASH) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let held = lines.holds(body);
        let content = body.trim_start_matches([' ', WIDE_SPACE]);
        let hash = if content.starts_with(WIDE_HASH) {
            // (A line of a block's text is text.)
            if matches!(held, Wrap::Block(_) | Wrap::Quoted(_)) {
                return None;
            }
            body.len() - content.len()
        } else {
            if held != Wrap::None {
                return None;
            }
            // After a plain value and a space (the input's full-width one too).
            let value = content.strip_prefix("- ").unwrap_or(content);
            let value = value.split_once(": ").map_or(value, |(_, v)| v).trim_start();
            if value.starts_with(['"', '\'', '|', '>', '{', '[']) {
                return None;
            }
            let comment = |i: &usize| body[..*i].ends_with([' ', WIDE_SPACE]);
            body.match_indices(WIDE_HASH).map(|(i, _)| i).find(comment)?
        };
        found.push(
            Diagnostic::new(
                Some(Span::new(at + hash, at + hash + WIDE_HASH.len_utf8())),
                "",
                "a full-width `＃`, which YAML reads as text",
            )
            .with_help("a comment needs a half-width space and `#`: type them with the Japanese input off"),
        );
        let lead = &body[..hash];
        // (The full-width spaces before it made spaces, each of the same bytes: YAML wants a
        // half-width one before a comment.)
        let spaces = lead.trim_end_matches(WIDE_SPACE);
        let mut mended = match spaces.trim_start_matches(' ').is_empty() {
            true => " ".repeat(hash),
            false => format!("{spaces}{}", " ".repeat(lead.len() - spaces.len())),
        };
        mended.push_str("#  ");
        mended.push_str(&body[hash + WIDE_HASH.len_utf8()..]);
        Some(mended)
    });
    (!found.is_empty()).then_some((out, found))
}
