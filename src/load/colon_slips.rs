//! A key's colon mistyped: `date; 2026-05-12` (Shift missed: `;` and `:` share a key on a US
//! keyboard and sit side by side on a Japanese one), or `title= Results` (the INI habit).
//! YAML reads the line as text, and the keys below as misplaced, far from the slip (text45a
//! F45a-24). Named once, at the mark, for a key of the file's only, and read as meant
//! (every offset kept).

use super::wide::{mend_lines, named, IsKey, TextLines, Wrap};
use crate::diag::Diagnostic;

/// The marks typed for a key's colon.
const MARKS: [char; 2] = [';', '='];

/// The text with each such mark made `:`; with one error for each. `None` when there is none.
pub(super) fn mend(text: &str, is_key: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(MARKS) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let slip = stand_in(body).filter(|s| is_key(s.key, ""));
        let mended =
            slip.as_ref().map(|s| format!("{}:{}{}", &body[..s.at], " ".repeat(s.len - 1), &body[s.at + s.len..]));
        // (A line of a block's text or of a quoted value is text, whatever it holds.)
        let held = lines.holds(mended.as_deref().unwrap_or(body));
        let s = slip.filter(|_| held == Wrap::None)?;
        let mark = &body[s.at + s.len - 1..s.at + s.len];
        let message = format!("`{mark}` after `{}`, where YAML needs `:`", s.key);
        let help = match s.value {
            "" => format!("write `{}:`", s.key),
            value => format!("write `{}: {value}`", s.key),
        };
        found.push(named(at + s.at + s.len - 1, 1, message, help));
        mended
    });
    (!found.is_empty()).then_some((out, found))
}

/// A key at a line's start (or after an item's `- `) with a [`MARKS`] mark for its colon.
struct StandIn<'a> {
    key: &'a str,
    /// Where the mark is in its line, with the spaces before it, and how long.
    at: usize,
    len: usize,
    /// What follows it, up to a comment.
    value: &'a str,
}

/// The [`StandIn`] on `line`, if there is one: the mark right after the key, or after
/// spaces (`title = Results`), then a space or the line's end.
fn stand_in(line: &str) -> Option<StandIn<'_>> {
    let content = line.trim_start_matches(' ');
    let item = content.strip_prefix("- ").map_or(content, |c| c.trim_start_matches(' '));
    let lead = line.len() - item.len();
    let key_len = item.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(item.len());
    let after = &item[key_len..];
    let mark = after.trim_start_matches(' ');
    if key_len == 0 || !mark.starts_with(MARKS) {
        return None;
    }
    let rest = &mark[1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let value = rest.split(" #").next().unwrap_or(rest).trim();
    let len = after.len() - rest.len();
    Some(StandIn { key: &item[..key_len], at: lead + key_len, len, value })
}
