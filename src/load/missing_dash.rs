//! A list item typed without its `- ` (a second topic's `title:` and `body:` under the first
//! one's): YAML reads its keys as the item above's, given twice.

use super::lines::{indent, key_on, line_above, line_at, lines_below};
use crate::diag::{Diagnostic, Span};

/// When the key `key` given twice at `key_at` is the first key of the list item it is read
/// into (`- title: AI` … `  title: Data`), the start of a new item that lost its `- `: where
/// the `- ` goes (two spaces to replace, every offset kept) and the error to show at the key
/// (text44a F44a-12: two "duplicate key … remove one of them", whose fix deleted a topic).
pub(super) fn missing_dash(text: &str, key_at: usize, key: &str) -> Option<(usize, Diagnostic)> {
    let (start, line) = line_at(text, key_at);
    let column = key_at - start;
    if column < 2 || indent(line) != column {
        return None;
    }
    // Up the item's lines (deeper, or its keys) to its `- `, two columns to the left.
    let mut earlier = Vec::new();
    let mut at = start;
    let item = loop {
        let (above, l) = line_above(text, at)?;
        match indent(l) {
            i if i >= column => earlier.extend(key_in(l, column)),
            i if i == column - 2 && l[i..].starts_with("- ") => break (above, l),
            _ => return None,
        }
        at = above;
    };
    if key_on(&item.1[column..]) != Some(key) {
        return None;
    }
    // (More of the item's keys given again below it, as a new item gives them: `title:` given
    // twice alone is a duplicate, as written.)
    let below = lines_below(text, start).take_while(|(_, l)| indent(l) >= column);
    if !below.filter_map(|(_, l)| key_in(l, column)).any(|k| earlier.contains(&k)) {
        return None;
    }
    // The list's key, to name what an item is.
    let mut at = item.0;
    let list = loop {
        let (above, l) = line_above(text, at)?;
        if indent(l) < column - 2 {
            break key_on(l);
        }
        at = above;
    };
    let what = if list == Some("topics") { "topic" } else { "item" };
    let d = Diagnostic::new(
        Some(Span::new(key_at, key_at + key.len())),
        "",
        format!(
            "a second `{key}:` in this {what}: YAML reads it and the keys below as the {what} above's, given twice"
        ),
    )
    .with_help(format!("is it a new {what}? start it with `- `: `- {}`", line.trim()));
    Some((start + column - 2, d))
}

/// The key `line` starts with, when it starts in `column`.
fn key_in(line: &str, column: usize) -> Option<&str> {
    key_on(line).filter(|_| indent(line) == column)
}
