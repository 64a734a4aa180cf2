//! Lines of YAML as hand-edited text: their indentation, the key they start with, the lines
//! around them. What the slip rules (`slips.rs`) and the mending after a slip (`recover.rs`)
//! read a file's lines with.

use super::KeySets;
use crate::diag::Span;

/// Whether a line's content (indentation removed) starts with a key: `key:` followed by a
/// space or the end of the line, perhaps after `- `.
pub(super) fn is_key_line(content: &str) -> bool {
    key_of(content).is_some()
}

/// Whether a line's content starts like a key, colon glued to its value or not (`date:2020`).
pub(super) fn keyish(content: &str) -> bool {
    let item = content.trim_start_matches(['-', ' ']);
    item.split_once(':').is_some_and(|(key, _)| looks_like_key(key))
}

/// The key a line starts with (`key:`, `- key:`, perhaps after tabs), if any; or, in a line
/// with no colon, its first word, a key that lacks its colon (`contact`, `body |`, `body|`).
pub(super) fn key_on(line: &str) -> Option<&str> {
    let content = line.trim_start_matches([' ', '\t', '-']).trim_end();
    // `body|`: a block's indicator glued to the key.
    let first = || content.split_whitespace().next().unwrap_or("").trim_end_matches(['|', '>', '-', '+']);
    match content.split_once(':') {
        Some((key, _)) if looks_like_key(key.trim_end()) => Some(key.trim_end()),
        // `title { en: "a" }`: the colon is a later key's.
        _ => Some(first()).filter(|key| looks_like_key(key)),
    }
}

/// The spaces a line is indented by.
pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The spaces and tabs a line starts with.
pub(super) fn lead(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// The column a line's key starts in: past its indent and a list item's `- `.
pub(super) fn key_column(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '-']).len()
}

/// Whether a line holds something the parser reads: not blank, not only a comment.
pub(super) fn has_content(line: &str) -> bool {
    !line.trim().is_empty() && !line.trim_start().starts_with('#')
}

/// The first line after the one starting at `line_start` that [`has_content`].
pub(super) fn content_below(text: &str, line_start: usize) -> Option<&str> {
    text[line_start..].lines().skip(1).find(|l| has_content(l))
}

/// The key a line holds alone, with no colon and nothing after it (`contact`).
pub(super) fn bare_key(line: &str) -> Option<&str> {
    let word = line.trim();
    (looks_like_key(word) && !word.contains(':')).then_some(word)
}

/// A key's leading run of letters, digits, `_` and `-`, and what follows it.
pub(super) fn leading_key(content: &str) -> (&str, &str) {
    let end = content.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(content.len());
    content.split_at(end)
}

/// Where the line holding byte `at` starts (`at` may be a span of mended text: inside a
/// character of the text as typed, or past its end).
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..crate::diag::char_floor(text, at)].rfind('\n').map_or(0, |i| i + 1)
}

/// How deep the line starting at `line_start` is indented: its spaces, or, when it starts with
/// a tab (which YAML refuses), the depth it was meant to have (see [`tab_indent`]).
pub(super) fn depth(text: &str, line_start: usize) -> usize {
    let line = text[line_start..].lines().next().unwrap_or("");
    if line.trim_start_matches(' ').starts_with('\t') {
        tab_indent(text, line_start)
    } else {
        indent(line)
    }
}

/// The indentation a line that starts with a tab (which YAML refuses) was meant to have: its
/// neighbour's above it, or, when it opens a block (`bureau:`) or an item (`- title: …`),
/// less than what follows it.
pub(super) fn tab_indent(text: &str, line_start: usize) -> usize {
    let line = text[line_start..].lines().next().unwrap_or("");
    let above_line = line_above(text, line_start + 1).map(|(_, l)| l);
    let above = above_line.map_or(0, indent);
    let item = line.trim_start().starts_with("- ");
    let below = content_below(text, line_start);
    if !opens_value(line) && !item {
        // The first entry of the block the line above opens: as deep as the next, or a step
        // deeper than the line above.
        if above_line.is_some_and(opens_value) {
            return below.map(indent).filter(|&b| b > above).unwrap_or(above + 2);
        }
        return above;
    }
    above.min(below.map_or(0, |l| indent(l).saturating_sub(2)))
}

/// Whether a line is a key whose value is written on the lines below it (`body:`, `body: |`).
pub(super) fn opens_value(line: &str) -> bool {
    key_of(line.trim_start()).is_some_and(|(_, _, value)| value.is_empty() || value.starts_with(['|', '>']))
}

/// Where the value of a line that starts with a key begins: just after the key's colon.
pub(super) fn value_start(line: &str) -> Option<usize> {
    let content = line.trim_start_matches(' ');
    let (key, offset, _) = key_of(content)?;
    Some(line.len() - content.len() + offset + key.len() + 1)
}

/// The key a line's content starts with (after any `- `), its byte offset in `content`, and
/// the value after it (comment and blanks trimmed).
pub(super) fn key_of(content: &str) -> Option<(&str, usize, &str)> {
    let item = content.trim_start_matches(['-', ' ']);
    let (key, rest) = item.split_once(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t', '\r'])) || !looks_like_key(key) {
        return None;
    }
    let value = rest.split(" #").next().unwrap_or(rest).trim();
    Some((key, content.len() - item.len(), value))
}

/// Whether `word` could be a key of a briefing or template (`title`, `short_title`, `tel`).
pub(super) fn looks_like_key(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
thread_local! {
    /// Lines read on this thread walking up or down a file from a line.
    pub(super) static LINES_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts a line read walking up or down a file, in tests that the work stays linear in the
/// file's length (none outside tests).
pub(super) fn line_read() {
    #[cfg(test)]
    LINES_READ.with(|n| n.set(n.get() + 1));
}

/// The nearest non-blank line that ends before the line holding `at`: its start and text.
pub(super) fn line_above(text: &str, at: usize) -> Option<(usize, &str)> {
    // (`at` may be one past a line's start, inside its first character.)
    let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let mut end = text[..at].rfind('\n')?;
    loop {
        line_read();
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[start..end];
        if !line.trim().is_empty() {
            return Some((start, line.trim_end_matches('\r')));
        }
        end = start.checked_sub(1)?;
    }
}

/// Where a key that lost its colon was read as part of the plain text above it: `body |` (or
/// `body` alone) indented deeper than that text's key, which YAML reads as more of it (`title:
/// AI` then `body |` is the title "AI body |"). The offset just after the first such `key` on
/// a line of `text[within]` but its first, for a key found missing from the mapping there.
pub fn swallowed_key(text: &str, within: std::ops::Range<usize>, key: &str) -> Option<usize> {
    // (A span of text mended with a line moved may fall inside a character of the text as typed.)
    let floor = |i: usize| crate::diag::char_floor(text, i);
    let within = floor(within.start)..floor(within.end);
    let mut at = within.start + text[within.clone()].find('\n')? + 1;
    for line in text[at..within.end].split('\n') {
        let content = line.trim_start_matches(' ');
        let after = content.strip_prefix(key).map(|rest| rest.split(" #").next().unwrap_or(rest).trim_end());
        let block = |rest: &str| {
            rest.strip_prefix(['|', '>']).is_some_and(|r| r.chars().all(|c| matches!(c, '-' | '+' | '1'..='9')))
        };
        if let Some(rest) = after {
            if rest.is_empty() || block(rest.trim_start()) {
                return Some(at + indent(line) + key.len());
            }
        }
        at += line.len() + 1;
    }
    None
}

/// The key whose value starts at byte `at`: on the line before it (`body: >`), or alone on
/// the nearest line above with content (`body:`, its text on the lines below). Its span and
/// name.
pub fn key_before(text: &str, at: usize) -> Option<(Span, &str)> {
    let (start, line) = line_at(text, at);
    let before = &text[start..at.max(start)];
    let (start, line) = if before.trim().is_empty() { line_above(text, start)? } else { (start, line) };
    let content = line.trim_start_matches(' ');
    let (key, offset, _) = key_of(content)?;
    let key_start = start + line.len() - content.len() + offset;
    Some((Span::new(key_start, key_start + key.len()), key))
}

/// The line that holds byte `at`: its start and text (without its line end).
pub(super) fn line_at(text: &str, at: usize) -> (usize, &str) {
    let start = line_start(text, at.min(text.len()));
    (start, text[start..].split('\n').next().unwrap_or("").trim_end_matches('\r'))
}

/// The content lines after the one starting at `line_start`: each one's start and text.
pub(super) fn lines_below(text: &str, line_start: usize) -> impl Iterator<Item = (usize, &str)> {
    let first = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i + 1);
    text[first..]
        .split_inclusive('\n')
        .scan(first, |at, line| {
            line_read();
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .filter(|(_, line)| has_content(line))
}

/// A key line indented further than the key above it, whose value is on that key's line
/// (`title: AI` above `   body: |`): YAML reads it as more of that value. The key above, and
/// the column it starts in, for the key line at `line_start`.
pub(super) fn key_deeper_than_above(text: &str, line_start: usize) -> Option<(&str, usize)> {
    let (_, line) = line_at(text, line_start);
    let content = line.trim_start_matches(' ');
    if content.starts_with("- ") || !is_key_line(content) {
        return None;
    }
    let (_, above) = line_above(text, line_start + 1)?;
    let (key, offset, value) = key_of(above.trim_start_matches(' '))?;
    let column = indent(above) + offset;
    (!value.is_empty() && !opens_value(above) && column < indent(line)).then_some((key, column))
}

/// The column a key line between two depths was meant to have (` summary:` below the
/// `  en:`/`  ja:` of `organisation:`): that of the nearest line above it indented less, a key
/// of a mapping, when every line between them is indented further than it, and the key is one
/// that mapping could hold and the deeper one (by its keys) could not.
pub(super) fn key_between_depths(text: &str, line_start: usize, keys: &KeySets) -> Option<usize> {
    let (_, line) = line_at(text, line_start);
    let content = line.trim_start_matches(' ');
    let (key, ..) = key_of(content).filter(|_| !content.starts_with("- "))?;
    let column = indent(line);
    let mut at = line_start;
    let mut deeper = None;
    while let Some((start, above)) = line_above(text, at + 1) {
        if has_content(above) {
            let above_content = above.trim_start_matches(' ');
            match indent(above) {
                d if d > column => deeper = deeper.or(Some(d)),
                d if d < column && !above_content.starts_with("- ") && is_key_line(above_content) => {
                    let lower = siblings(text, line_start, d, false)?;
                    let higher = siblings(text, line_start, deeper?, false)?;
                    let held_deeper = higher.iter().any(|k| keys.any(k)) && keys.fits(key, &higher);
                    return (keys.fits(key, &lower) && !held_deeper).then_some(d);
                }
                _ => return None,
            }
        }
        at = start;
    }
    None
}

/// A block's first key left at its holder's column (`contact:`, then `division: X` at the same
/// column, then `  tel: …`): YAML reads the holder as empty and the next lines as too deep.
/// The holder's key, for the key line starting at `line_start`.
pub(super) fn first_key_left_out<'t>(text: &'t str, line_start: usize, keys: &KeySets) -> Option<&'t str> {
    let (_, line) = line_at(text, line_start);
    let content = line.trim_start_matches(' ');
    let (own, _, value) = key_of(content).filter(|_| !content.starts_with("- ") && !line.starts_with('\t'))?;
    let below = content_below(text, line_start)?;
    let (_, holder) = line_above(text, line_start + 1)?;
    let (key, _, holder_value) = key_of(holder.trim_start_matches(' '))?;
    let fits = !value.is_empty()
        && holder_value.is_empty()
        && indent(below) > indent(line)
        && is_key_line(below.trim_start_matches(' '))
        && !below.trim_start().starts_with('-');
    // At its holder's column; or between it and the keys below, when they show the column
    // meant: two of them, or the usual step of two spaces.
    let agreed = || {
        let column = indent(below);
        let second = lines_below(text, line_start).skip(1).find(|(_, l)| indent(l) <= column);
        second.is_some_and(|(_, l)| indent(l) == column && is_key_line(l.trim_start_matches(' ')))
            || column == indent(holder) + 2
    };
    // At its holder's column, a key its holder's mapping holds is that mapping's (`date:`
    // below a `title:` whose value a slip blanked), not the block's.
    let level = indent(holder) == indent(line);
    let sibling =
        || keys.any(own) && keys.fits(own, &siblings(text, line_start, indent(line), false).unwrap_or_default());
    (fits && (level && !sibling() || !level && indent(holder) < indent(line) && agreed())).then_some(key)
}

/// The column the `- ` of the item on the line at `item` was meant to have: that of the item
/// before it, when it stands further in, up to the column of that item's keys (`  - title:
/// AI`, `    body: …`, then `    - title: Data`); or that of the next item of its list, when that is
/// indented less and a key of this item below its first line lines up with the next item's
/// keys, not its own (`    - title: AI`, `    body: …`, then `  - title: Data`).
pub(super) fn item_meant(text: &str, item: usize) -> Option<usize> {
    let (_, line) = line_at(text, item);
    let dash = indent(line);
    let step = key_column(line).checked_sub(dash).filter(|_| line[dash..].starts_with("- "))?;
    let mut at = item;
    while let Some((start, above)) = line_above(text, at + 1) {
        if has_content(above) && indent(above) < dash {
            // (Up to the column of its keys: one space too far, or a step.)
            if above.trim_start_matches(' ').starts_with("- ") && dash <= key_column(above) {
                return Some(indent(above));
            }
            break;
        }
        at = start;
    }
    let mut astray = false;
    for (_, below) in lines_below(text, item) {
        let content = below.trim_start_matches(' ');
        match indent(below) {
            d if d > dash => {}
            d if d == dash && !content.starts_with("- ") && is_key_line(content) => astray = true,
            d if d < dash && content.starts_with("- ") => return (astray && d + step == dash).then_some(d),
            _ => return None,
        }
    }
    None
}

/// The item whose `- ` the key line at `line_start` lines up with (or stands between it and
/// the item's keys), when that key belongs to the item (no other line between them is
/// indented as little): the item line's start.
pub(super) fn item_above(text: &str, line_start: usize) -> Option<usize> {
    let (_, line) = line_at(text, line_start);
    let column = indent(line);
    let mut at = line_start;
    loop {
        let (start, above) = line_above(text, at + 1)?;
        if has_content(above) && indent(above) <= column {
            // (In the dash's column, or between it and the item's keys.)
            let item = above.trim_start_matches(' ').starts_with("- ") && column < key_column(above);
            return item.then_some(start);
        }
        at = start;
    }
}

/// The keys of the other lines of the mapping whose key column is `column`, around the line
/// starting at `start` (the first of its mapping when it is a list `item`); `None` when that
/// column holds the `- ` of a list's items, where no key can be.
pub(super) fn siblings(text: &str, start: usize, column: usize, item: bool) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    let mut at = start;
    while let Some((above, line)) = line_above(text, at).filter(|_| !item) {
        at = above;
        let content = line.trim_start_matches(' ');
        if content.starts_with('#') || indent(line) > column {
            continue;
        }
        if key_column(line) == column {
            out.extend(key_of(content.trim_start_matches([' ', '-'])).map(|(key, ..)| key));
        } else if indent(line) == column && content.starts_with('-') {
            return None;
        }
        if indent(line) < column {
            break;
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    for line in text[end..].split('\n').skip(1) {
        let content = line.trim_start_matches(' ');
        if content.trim().is_empty() || content.starts_with('#') || indent(line) > column {
            continue;
        }
        if indent(line) < column {
            break;
        }
        if content.starts_with('-') {
            return None;
        }
        out.extend(key_of(content).map(|(key, ..)| key));
    }
    Some(out)
}

/// `text` with the item on the line at `item` moved left to `column`, and with it every later
/// item of its list in the same column (a list whose first item alone is further out): the
/// lines of each item go with it when they line up with its own keys, and stay when they line
/// up with the keys of the column meant. Each line is padded at its end, so that every offset
/// after it stays.
pub(super) fn shift_items(text: &str, item: usize, column: usize) -> String {
    let dash = indent(line_at(text, item).1);
    let delta = dash.saturating_sub(column);
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..item]);
    let (mut at, mut block, mut done) = (item, false, false);
    for line in text[item..].split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let moves = if done || !has_content(body) {
            false
        } else if indent(body) == dash && body.trim_start_matches(' ').starts_with("- ") {
            // An item of the list: its own lines go with it when they line up with its keys.
            block = content_below(text, at).is_some_and(|below| indent(below) == key_column(body));
            true
        } else if indent(body) > dash {
            block
        } else {
            done = true;
            false
        };
        if moves {
            out.push_str(&body[delta..]);
            out.push_str(&" ".repeat(delta));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
        at += line.len();
    }
    out
}

/// A key written at the column of a block text's lines, below the text (`summary: |`, its
/// lines, then `  heading: Achievements`): YAML reads it as the text's last line. The start
/// of the first such `key:` line in `text`, for a key the mapping at `column` lacks.
pub fn key_in_block_text(text: &str, key: &str, column: usize) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let content = body.trim_start_matches(' ');
        let keyed = content.strip_prefix(key).is_some_and(|rest| rest == ":" || rest.starts_with(": "));
        if keyed && indent(body) > column && under_block_opener(text, at, column) {
            return Some(at + indent(body));
        }
        at += line.len();
    }
    None
}

/// Whether the line at `line_start` is inside a block text (`|`, `>`) of a key at `column`.
fn under_block_opener(text: &str, line_start: usize, column: usize) -> bool {
    let depth = indent(line_at(text, line_start).1);
    let mut at = line_start;
    while let Some((start, above)) = line_above(text, at + 1) {
        if has_content(above) && indent(above) < depth {
            return indent(above) == column
                && key_of(above.trim_start_matches(' ')).is_some_and(|(_, _, v)| v.starts_with(['|', '>']));
        }
        at = start;
    }
    false
}

/// A line of text between a key with no value on its line and the keys or items of its block
/// (`contact:`, `    the Division`, `  division: …`): YAML reads the text as the key's value,
/// and the keys below can then be nothing. The holder's key, for the text line at
/// `line_start`.
pub(super) fn stray_text(text: &str, line_start: usize) -> Option<&str> {
    let (_, line) = line_at(text, line_start);
    let content = line.trim_start_matches(' ');
    if !has_content(line) || content.starts_with(['-', '\t']) || keyish(content) {
        return None;
    }
    let below = content_below(text, line_start)?;
    let (_, holder) = line_above(text, line_start + 1)?;
    let (key, _, value) = key_of(holder.trim_start_matches(' '))?;
    // (The block may be a list, its items as far in as its holder.)
    let item = below.trim_start().starts_with("- ");
    let fits = value.is_empty()
        && is_key_line(below.trim_start_matches(' '))
        && (indent(holder) < indent(below) || item && indent(holder) == indent(below))
        && indent(below) < indent(line);
    fits.then_some(key)
}

/// `-title: Data` among items (`- title: …`): a dash glued to the key, where an item was meant.
/// The dash's offset, for the error at `at` on that line.
pub(super) fn dash_without_space(text: &str, at: usize) -> Option<usize> {
    let (start, line) = line_at(text, at);
    let content = line.trim_start_matches(' ');
    let key = content.strip_prefix('-').filter(|k| k.starts_with(|c: char| c.is_ascii_alphabetic()))?;
    key_of(key)?;
    // Items of the same list around it show what was meant.
    let column = indent(line);
    let item = |l: &str| indent(l) == column && l.trim_start_matches(' ').starts_with("- ");
    let mut at = start;
    let above = loop {
        match line_above(text, at + 1) {
            Some((_, l)) if has_content(l) && indent(l) <= column => break item(l),
            Some((s, _)) => at = s,
            None => break false,
        }
    };
    let below = || lines_below(text, start).find(|(_, l)| indent(l) <= column).is_some_and(|(_, l)| item(l));
    // (The only item: the keys below it two further in, as its `- ` would have them.)
    let keys_below =
        || lines_below(text, start).next().is_some_and(|(_, l)| indent(l) == column + 2 && is_key_line(l.trim_start()));
    (above || below() || keys_below()).then_some(start + column)
}

/// `text` with the lines after the one at `line_start` that are indented `from` or further,
/// up to the first indented less, moved left to start at `to` (each padded at its end, so
/// that every offset after it stays): a block brought to the column of its first key.
pub(super) fn shift_block_after(text: &str, line_start: usize, from: usize, to: usize) -> String {
    let delta = from.saturating_sub(to);
    let first = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i + 1);
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut done = false;
    for line in text[first..].split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        done = done || has_content(body) && indent(body) < from;
        if done || !has_content(body) {
            out.push_str(line);
        } else {
            out.push_str(&body[delta..]);
            out.push_str(&" ".repeat(delta));
            out.push_str(&line[body.len()..]);
        }
    }
    out
}

/// A key between two items of a list, indented less than their `- ` (`  - title: AI`, then
/// `body: |` in the first column, then `  - title: Data`): YAML ends the list at it, and the
/// next item is then out of place. The key line's start and its key, for the item line at
/// `item`.
pub(super) fn key_out_of_list(text: &str, item: usize) -> Option<(usize, &str)> {
    let (_, line) = line_at(text, item);
    let column = indent(line);
    line.trim_start_matches(' ').starts_with("- ").then_some(())?;
    // The first line above indented no further than the item, past the key's own text.
    let first_at_most = |from: usize| {
        let mut at = from;
        loop {
            let (start, above) = line_above(text, at + 1)?;
            if has_content(above) && indent(above) <= column {
                return Some((start, above));
            }
            at = start;
        }
    };
    let (key_start, key_line) = first_at_most(item)?;
    let content = key_line.trim_start_matches(' ');
    let (key, ..) = key_of(content).filter(|_| indent(key_line) < column && !content.starts_with('-'))?;
    let (_, before) = first_at_most(key_start)?;
    (indent(before) == column && before.trim_start_matches(' ').starts_with("- ")).then_some((key_start, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// text45a F45a-6: a list typed without its dashes is one item, each of its keys given
    /// again; finding where the dashes go read, for each key, every line above it (8,000
    /// topics took 43 s). Now each line is read a few times, however long the list.
    #[test]
    fn a_list_without_its_dashes_is_read_a_few_times_over() {
        let mut text = String::from("title: R\ntopics:\n  - title: T0\n    body: b\n");
        for i in 1..2000 {
            text += &format!("    title: T{i}\n    body: b{i}\n");
        }
        text += "contact:\n  tel: x\n";
        // The keys given twice, as the parser finds them: all but the item's first two.
        let mut twice = Vec::new();
        for key in ["title", "body"] {
            let line = format!("\n    {key}: ");
            twice.extend(text.match_indices(&line).map(|(at, _)| (at + 5, key)));
        }
        twice.retain(|&(at, _)| !text[..at].ends_with("T0\n    "));
        twice.sort_unstable();
        LINES_READ.with(|n| n.set(0));
        let (mended, errors) = super::super::recover::mend_moved_dashes(&text, twice.into_iter()).unwrap();
        let read = LINES_READ.with(|n| n.get());
        assert_eq!(errors.len(), 1999);
        assert!(errors[1998].message.starts_with("a second `title:` in this topic"), "{}", errors[1998].message);
        assert_eq!(mended.lines().filter(|l| l.starts_with("  - title: T")).count(), 2000);
        let lines = text.lines().count();
        assert!(read <= 4 * lines, "{read} lines read for a list of {lines}");
    }
}
