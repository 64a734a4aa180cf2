//! Two keys on one line, the JSON habit without its braces: `- title: "AI", body: "Agreed."`.
//! YAML reads the second key as more of the first one's value (a quote that ended early, or
//! a value that contains `: `), and the field as missing (text45a F45a-18: each help, followed,
//! put the second key into the first one's text). Named once, at the comma, for a key the
//! first one's mapping holds; the rest of the line is read as nothing (every offset kept), and
//! the field it gives is not reported missing ([`after_comma`]).

use super::lines::key_of;
use super::wide::{closes, mend_lines, named, IsKey, TextLines, Wrap};
use crate::diag::Diagnostic;

/// The text with each second key on a line, and what follows it, made spaces; with one error
/// for each. `None` when there is none.
pub(super) fn mend(text: &str, is_key: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(", ") {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let slip = second_key(body).filter(|s| is_key(s.key, s.first) && is_key(s.first, ""));
        let mended = slip.as_ref().map(|s| format!("{}{}", &body[..s.comma], " ".repeat(body.len() - s.comma)));
        // (A line of a block's text or of a quoted value is text, whatever it holds.)
        let held = lines.holds(mended.as_deref().unwrap_or(body));
        let s = slip.filter(|_| held == Wrap::None)?;
        let message = format!("`{}:` after a comma on the line of `{}:`: YAML takes one key a line", s.key, s.first);
        let help = format!("put `{}` on a line of its own, under `{}:`", s.rest, s.first);
        found.push(named(at + s.comma, 1, message, help));
        mended
    });
    (!found.is_empty()).then_some((out, found))
}

/// A key typed after a comma on another key's line.
struct SecondKey<'a> {
    /// The key the line starts with, and the one after the comma.
    first: &'a str,
    key: &'a str,
    /// Where the comma is in the line.
    comma: usize,
    /// From the second key to the line's end, without a comment.
    rest: &'a str,
}

/// The [`SecondKey`] on `line`, if there is one: `, key:` after the first key's value (after
/// its closing quote, for a quoted one), the key a word of ASCII letters.
fn second_key(line: &str) -> Option<SecondKey<'_>> {
    let content = line.trim_start_matches(' ');
    let item = content.strip_prefix("- ").map_or(content, |c| c.trim_start_matches(' '));
    let (first, _, value) = key_of(item)?;
    let value_at = value.as_ptr() as usize - line.as_ptr() as usize;
    // (Past a quoted value's close: a comma inside the quotes is its text. Not a `{…}` or
    // `[…]`, whose commas are YAML's.)
    let from = match value.chars().next() {
        Some(q @ ('"' | '\'')) => closes(&value[1..], q).map_or(value.len(), |end| end + 2),
        Some('{' | '[' | '|' | '>') => return None,
        _ => 0,
    };
    let value = value.split(" #").next().unwrap_or(value);
    let (comma, after) = value.get(from..)?.match_indices(", ").find_map(|(i, _)| {
        let after = value[from + i + 1..].trim_start_matches(' ');
        let key_len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        let rest = &after[key_len..];
        (key_len > 0 && (rest.starts_with(": ") || rest == ":")).then_some((from + i, after))
    })?;
    let key_len = after.find(':')?;
    Some(SecondKey { first, key: &after[..key_len], comma: value_at + comma, rest: after.trim_end() })
}

/// Where in `text`, within `within`, the key `key` is typed after a comma on another key's
/// line: the comma, where the loader named it.
pub fn after_comma(text: &str, within: std::ops::Range<usize>, key: &str) -> Option<usize> {
    // (To the end of its last line: a mapping whose value was read as nothing ends before it.)
    let end = crate::diag::char_floor(text, within.end);
    let end = end + text[end..].find('\n').unwrap_or(text.len() - end);
    let within = crate::diag::char_floor(text, within.start)..end;
    let mut at = within.start;
    for line in text[within].split('\n') {
        if let Some(s) = second_key(line).filter(|s| s.key == key) {
            return Some(at + s.comma);
        }
        at += line.len() + 1;
    }
    None
}
