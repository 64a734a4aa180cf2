//! Around a syntax error: the lines and values the slip rules (`slips.rs`) read to tell what
//! was meant. The one-line value an error is in (a `: ` in it, a character YAML reserves at its
//! start), the line above it that lost its colon or the space after it, text indented no
//! further than its key, a tab on a line that looks empty, a bracket never closed.

use super::lines::{
    indent, is_key_line, key_column, key_of, leading_key, line_above, line_at, line_start, lines_below, looks_like_key,
    siblings,
};
use super::quoted::{quote_opened_above, quoted_end};
use super::KeySets;

/// When the error at `at` follows text that is meant as the value of the `key:` line above
/// it but is indented no further than that key (a wrongly indented continuation line, or
/// the text of a block scalar): where that text starts, the key, and whether its value is a
/// block (`|`, `>`); or a line of a block's text indented further than the key but less
/// than the text's first line (the last `true`).
pub(super) fn misindented_text(text: &str, at: usize) -> Option<(usize, &str, bool, bool)> {
    let is_text = |line: &str| {
        let content = line.trim();
        // (An indented `---` is a rule, text: YAML's document marker is at the margin; text32.)
        let rule = content.len() >= 3 && content.bytes().all(|b| b == b'-') && indent(line) > 0;
        !content.is_empty() && !content.starts_with('#') && (!content.starts_with('-') || rule) && !is_key_line(content)
    };
    // The error's own line counts when the error is at its start (the text goes on there).
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut texts = Vec::new();
    let own = &text[line_start..text[line_start..].find('\n').map_or(text.len(), |i| line_start + i)];
    if text[line_start..at].trim().is_empty() && is_text(own) {
        texts.push((line_start, own));
    }
    // (A list item, `- they agreed`, is read from its own line: it may be a block's, below.)
    let item = own.trim_start().starts_with('-') && key_of(own.trim_start()).is_none();
    let mut end = if item { line_start + own.len() } else { line_start.checked_sub(1)? };
    let key_line = loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..end].trim_end_matches('\r');
        if is_text(line) {
            texts.push((start, line));
        } else if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            // (`Background: the talks…`, `- first point` or `---` in a `summary: |` block is
            // its text: the block's key is the one, every line down from it the text; text30
            // F30a-4, text31 F31a-2.)
            let Some(opener) = block_opener_above(text, start) else {
                if is_key_line(line.trim_start()) {
                    break line;
                }
                // (List items below a line of text less deep are more of that text, as YAML
                // reads them: `they agreed` above `  - to continue`; text33a F33a-3.)
                let mut items = vec![(start, line)];
                let mut at = start;
                while let Some((above, l)) = line_above(text, at).filter(|(_, l)| l.trim_start().starts_with('-')) {
                    items.push((above, l));
                    at = above;
                }
                let least = items.iter().map(|(_, l)| indent(l)).min().unwrap_or(0);
                // (Or below a block's text, at its key's column or less: the block's items that
                // lost their indent, `- they agreed` below `  Intro.`; text34a F34a-6.)
                let block_key = |a: usize| {
                    let opener = line_at(text, block_opener_above(text, a)?).1;
                    key_of(opener.trim_start()).map(|_| key_column(opener))
                };
                let more = line_above(text, at).is_some_and(|(a, l)| {
                    is_text(l) && (indent(l) < least || block_key(a).is_some_and(|column| least <= column))
                });
                if !line.trim_start().starts_with('-') || !more {
                    return None;
                }
                texts.extend(items);
                end = at.checked_sub(1)?;
                continue;
            };
            let mut lines: Vec<(usize, &str)> = Vec::new();
            let mut at = start;
            while let Some((above, l)) = line_above(text, at).filter(|&(above, _)| above > opener) {
                lines.push((above, l));
                at = above;
            }
            texts.push((start, line));
            texts.extend(lines);
            break line_at(text, opener).1;
        }
        end = start.checked_sub(1)?;
    };
    let content = key_line.trim_start();
    let (key, offset, value) = key_of(content)?;
    let column = indent(key_line) + offset;
    let block = value.starts_with(['|', '>']);
    // (A block's text sets its indent by its first line: a line less in ends it.)
    let first = texts.last().map_or(0, |(_, line)| indent(line));
    let (start, line) =
        texts.into_iter().rev().find(|(_, line)| indent(line) <= column || (block && indent(line) < first))?;
    Some((start + indent(line), key, block, indent(line) > column))
}

/// The character that closes the value of the key at `key_at` on the key's own line, when it
/// is closed there: a quote (`tel: "+81 3"`), or a flow mapping's or list's bracket.
pub(super) fn closed_value(text: &str, key_at: usize) -> Option<char> {
    let (start, line) = line_at(text, key_at);
    let end = start + line.len();
    let colon = key_at + text[key_at..end].find(':')?;
    let value = text[colon + 1..end].trim_start();
    let at = end - value.len();
    let uncommented = value.split(" #").next().unwrap_or(value).trim_end();
    match value.chars().next()? {
        q @ ('"' | '\'') => quoted_end(text, at).filter(|&e| e <= end).map(|_| q),
        '{' if uncommented.ends_with('}') => Some('}'),
        '[' if uncommented.ends_with(']') => Some(']'),
        _ => None,
    }
}

/// When the line at `at` goes on with a quoted value that closed at the end of a line above
/// (`summary: 'The ministers'` above `  view is clear.'`, ending with the same quote; or a
/// later line of the text that ended so, `  # he said "x"`, with what YAML then reads as
/// comments between): that quote, and whether it is single.
pub(super) fn quote_that_ended_a_line(text: &str, at: usize) -> Option<(usize, bool)> {
    let (start, line) = line_at(text, at);
    let (open, _, column) = quote_opened_above(text, start)?;
    let end = quoted_end(text, open).filter(|&end| end <= start)?;
    // (Nothing but a comment after it on its line, and below it only lines of the text YAML
    // read as comments.)
    let (after, between) = text[end..start].split_once('\n')?;
    let comment = |l: &str| l.trim().is_empty() || l.trim_start().starts_with('#');
    if !comment(after) || !between.lines().all(|l| l.trim().is_empty() || comment(l) && indent(l) > column) {
        return None;
    }
    // (Text, not a key or an item of its own: ` tel: "1"` above `  fax: "2"` is a key out of line.)
    let q = text.as_bytes()[open];
    let content = line.trim();
    let text_only = !is_key_line(content) && !content.starts_with('-');
    (content.ends_with(char::from(q)) && indent(line) > column && text_only).then_some((end - 1, q == b'\''))
}

/// When the line at `at`, text, follows a `#` line that ended the value above it: a block's
/// text (`summary: |`) whose `#` heading is indented less than its lines, or a plain text,
/// which any `#` line ends (YAML reads either as a comment; text34a F34a-2). Where the `#`
/// line's text starts, the value's key, and whether the value is a block.
pub(super) fn comment_that_ended_text(text: &str, at: usize) -> Option<(usize, &str, bool)> {
    let (start, line) = line_at(text, at);
    let content = line.trim();
    // (A list item of the text too, `- a`; not a key's, `- title: A`.)
    if content.is_empty() || content.starts_with('#') || key_of(content).is_some() {
        return None;
    }
    let (hash, over) = line_above(text, start).filter(|(_, l)| l.trim_start().starts_with('#'))?;
    // (Past other `#` lines, the value's last line.)
    let mut last = line_above(text, hash)?;
    while last.1.trim_start().starts_with('#') {
        last = line_above(text, last.0)?;
    }
    let (key_at, key_line) = match key_of(last.1.trim_start()) {
        Some(_) => last,
        None => {
            let opener = block_opener_above(text, last.0);
            opener.map(|o| line_at(text, o)).or_else(|| {
                let mut up = last;
                while key_of(up.1.trim_start()).is_none() || indent(up.1) >= indent(last.1) {
                    up = line_above(text, up.0)?;
                }
                Some(up)
            })?
        }
    };
    let (key, _, value) = key_of(key_line.trim_start())?;
    let column = key_column(key_line);
    let block = value.starts_with(['|', '>']);
    let plain = !value.is_empty() && !value.starts_with(['"', '\'', '[', '{', '&', '*', '!']);
    let ended = if block { key_at != last.0 && indent(over) < indent(last.1) } else { plain };
    (ended && indent(line) > column).then_some((hash + indent(over), key, block))
}

/// The start of the line that opens the block (`key: |`, `key: >`) whose text the line at
/// `start` is: the nearest line above it indented less.
fn block_opener_above(text: &str, start: usize) -> Option<usize> {
    let mut own = indent(line_at(text, start).1);
    let mut at = start;
    while let Some((above, line)) = line_above(text, at) {
        if !line.trim_start().starts_with('#') && indent(line) < own {
            // (A list item, a line of text or a `Key: text` line less deep is the block's too,
            // `  - first` above `    - sub`, `Points:` above `  Outcome: …`: the key is further
            // up, every line between deeper than it; text32 F32-2, text31a F31a-9.)
            if key_of(line.trim_start()).is_some_and(|(_, _, v)| v.starts_with(['|', '>'])) {
                return Some(above);
            }
            own = indent(line);
        }
        at = above;
    }
    None
}

/// When the nearest non-blank line above `at` is `key:value` (a colon glued to its value,
/// so YAML reads the whole line as text): the byte offset of that colon, and the key.
pub(super) fn missing_space_above(text: &str, at: usize) -> Option<(usize, &str)> {
    let (line_start, line) = line_above(text, at)?;
    let content = line.trim_start().trim_start_matches("- ");
    if content.starts_with('#') || content.contains(": ") || content.ends_with(':') {
        return None;
    }
    let (key, value) = content.split_once(':')?;
    let colon = line_start + (line.len() - content.len()) + key.len();
    (looks_like_key(key) && !value.starts_with("//")).then_some((colon, key))
}

/// When the line above `at` that the parser read on from (the nearest one indented no
/// deeper than `at`'s, past the text of a value) is a lone key-like word (`contact`), or a key
/// of the file's followed by text or a value (`summary |`): the byte offset just after the
/// key, and the key. A colon was forgotten there.
pub(super) fn missing_colon_above<'t>(text: &'t str, at: usize, keys: &KeySets) -> Option<(usize, &'t str)> {
    let own = indent(&text[line_start(text, at)..]);
    let (mut above, mut line) = line_above(text, at)?;
    while indent(line) > own || line.trim_start().starts_with('#') {
        (above, line) = line_above(text, above)?;
    }
    let word = line.trim();
    let after = above + line.trim_end().len();
    // (A word no mapping here holds, holding no block, below text, goes on with that text:
    // `summary: 総務省は会議を開催し、` above `データ流通について議論した` (text29 F29a-1), or a
    // line of a `summary: |` block above it (text30 F30a-3). Below a key that opens a
    // mapping or list (`contact:`), it is that mapping's key.)
    let goes_on = || {
        // (A list of text below it is more of the text too: `conclusion` above `  - to
        // continue`; a list of mappings, `- title: A`, is what the word holds.)
        let holds = super::lines::content_below(text, above).is_some_and(|below| {
            let item = below.trim_start().strip_prefix("- ");
            indent(below) > indent(line) && item.is_none_or(is_key_line)
        });
        let below_text = line_above(text, above).is_some_and(|(at, l)| match key_of(l.trim_start()) {
            Some((_, _, value)) => !value.is_empty() || block_opener_above(text, at).is_some(),
            None => !l.trim_start().starts_with('-') || block_opener_above(text, at).is_some(),
        });
        !holds && below_text
    };
    if looks_like_key(word) && (keys.any(word) || !goes_on()) {
        return Some((after, word));
    }
    // `title Results of…` above `date:`, in the same column: a key of the file's, then text.
    if let Some((after, key)) = known_key_without_colon(text, above, keys) {
        if key_column(line) == own {
            return Some((after, key));
        }
    }
    // `lang [en, ja]`: a key, then what can only be a value (a list, a mapping, quoted text, a
    // block).
    let content = word.trim_start_matches("- ");
    let (key, value) = content.split_once(' ')?;
    let key_end = above + (line.len() - line.trim_start().len()) + (word.len() - content.len()) + key.len();
    (looks_like_key(key) && value.trim_start().starts_with(['[', '{', '"', '\'', '|', '>'])).then_some((key_end, key))
}

/// When the line starting at `start` (perhaps a list item) starts with a key its mapping could
/// hold beside the keys it holds (and does not yet), then text, with no colon after the key
/// (`body Japan and…`, `summary |`, `body|`, `title<tab>Workshop`): the byte offset just after
/// the key, and the key. `date of the next meeting` below a `date:`, or `name of…` among
/// `title:` and `date:`, is text.
pub(super) fn known_key_without_colon<'t>(text: &'t str, start: usize, keys: &KeySets) -> Option<(usize, &'t str)> {
    let line = text[start..].split('\n').next().unwrap_or("").trim_end();
    let content = line.trim_start_matches([' ', '-']);
    let (key, rest) = leading_key(content);
    // Text after a space or a tab, or a block's `|` or `>` even with no space (`body|`).
    // (Or nothing at all: `fax` alone, beside `tel:`.)
    let value = rest.starts_with([' ', '\t']) || rest.starts_with(['|', '>']) || rest.is_empty();
    // (`body : …`, French spacing, has its colon: text43a F43a-8.)
    let spaced = rest
        .trim_start_matches([' ', '\t'])
        .strip_prefix(':')
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']));
    if key.is_empty() || !value || spaced || is_key_line(content) || !keys.any(key) {
        return None;
    }
    let column = key_column(line);
    let item = content.len() < line.trim_start_matches(' ').len();
    let siblings = siblings(text, start, column, item)?;
    keys.fits(key, &siblings).then_some((start + column + key.len(), key))
}

/// Each `[`, `{`, `]` and `}` in `text` outside quoted text and comments, and where it is. (A
/// quote opens a text only where a value starts: an apostrophe inside a word, `ministers'` or
/// `Bob's` in a plain or block text, is a letter; text33a F33a-6, one such above an open
/// bracket hid it.)
fn brackets(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    // (The last character before this one that is not a space or a tab.)
    let mut last = '\n';
    text.char_indices().filter_map(move |(i, c)| {
        let mut bracket = None;
        match (quote, c) {
            _ if comment => comment = c != '\n',
            (Some('"'), '"') if previous != '\\' => quote = None,
            (Some('\''), '\'') => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if matches!(last, '\n' | ':' | '-' | '[' | '{' | ',' | '?') => quote = Some(c),
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '[' | '{' | ']' | '}') => bracket = Some((i, c)),
            _ => {}
        }
        previous = c;
        if !matches!(c, ' ' | '\t' | '\r') {
            last = c;
        }
        bracket
    })
}

/// The byte offset of the innermost `[` or `{` in `text` that is not closed, skipping quoted
/// text and comments.
pub(super) fn unclosed_bracket(text: &str) -> Option<usize> {
    let mut open = Vec::new();
    for (i, c) in brackets(text) {
        if matches!(c, '[' | '{') {
            open.push(i);
        } else {
            open.pop();
        }
    }
    open.pop()
}

/// When the `[` or `{` at `open` looks closed on its line, but a ` #` before its close starts a
/// comment that drops the rest of the line, close and all (`{ en: Meeting #5, ja: … }`,
/// text43a F43a-2: "this `{` is never closed", with the `}` in plain sight): the `#`, the
/// comment's first word (`#5`, or `#` alone before a space), and the entry (`en: Meeting #5`)
/// it cut, as typed.
pub(super) fn comment_in_brackets(text: &str, open: usize) -> Option<(usize, &str, &str)> {
    let close = if text[open..].starts_with('[') { ']' } else { '}' };
    let line = text[open..].split('\n').next().unwrap_or("").trim_end_matches('\r');
    let mut quote = None;
    let mut hash = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if i > 0 && line[..i].ends_with([' ', '{', '[', ',']) => quote = Some(c),
            (None, '#') if i > 0 && line[..i].ends_with([' ', '\t']) => {
                hash = Some(i);
                break;
            }
            _ => {}
        }
    }
    let hash = hash?;
    let rest = &line[hash..];
    if !rest.contains(close) {
        return None;
    }
    let word = &rest[..rest.find(|c: char| c.is_whitespace() || c == ',' || c == close).unwrap_or(rest.len())];
    // (The entry: from after the `,` or bracket before it to the `,` or close after it.)
    let from = line[..hash].rfind([',', '{', '[']).map_or(0, |i| i + 1);
    let to = hash + rest.find([',', close]).unwrap_or(rest.len());
    Some((open + hash, word, line[from..to].trim()))
}

/// Just past the bracket that closes the `[` or `{` at `open`, if any.
pub(super) fn closing_bracket(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in brackets(&text[open..]) {
        if matches!(c, '[' | '{') {
            depth += 1;
        } else {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(open + i + 1);
            }
        }
    }
    None
}

/// When the `[` or `{` at `open` (the value of a key) is closed further on, but a line before
/// its close is indented no further than that key: the start of that line, the key, and its
/// column.
pub(super) fn flow_line_out(text: &str, open: usize) -> Option<(usize, &str, usize)> {
    let (start, first) = line_at(text, open);
    // (The key's column, past an item's `- `: `- title: {en: A,` above `  ja: あ}`; text34a.)
    let (key, _, _) = key_of(first.trim_start())?;
    let close = closing_bracket(text, open)?;
    let column = key_column(first);
    let (line, _) = lines_below(text, start)
        .take_while(|&(at, _)| at < close)
        .find(|(_, l)| indent(l) <= column && !l.trim_start().starts_with('#'))?;
    Some((line, key, column))
}

/// When `at` is a `: ` inside the value of a `key: value` on the same line (`title: Topic 1:
/// Data`): the key and the whole value.
pub(super) fn colon_in_value(text: &str, at: usize) -> Option<(&str, &str)> {
    let (key, value) = value_at(text, at)?;
    let quoted = value.starts_with(['"', '\'', '|', '>', '[', '{']);
    (!quoted).then_some((key, value))
}

/// When `at` is a colon that ends the first line of a plain value, with more of the value on
/// the lines below (`body: The ministers agreed to:`, then `  - continue work`): YAML reads
/// the line as a key, and quoting it leaves the lines below out (text37a F37a-4). The key.
/// The same for a colon inside that line (`body: Data: flows`, then more of it below): quoting
/// the line leaves the rest out too (text38a F38a-9). The key, and whether the colon ends the
/// line.
pub(super) fn colon_in_wrapped_value(text: &str, at: usize) -> Option<(&str, bool)> {
    let (key, _) = value_at(text, at)?;
    let rest = text[at + 1..].split('\n').next().unwrap_or("");
    let (start, line) = line_at(text, at);
    let below = lines_below(text, start).find(|(_, l)| !l.trim().is_empty());
    let deeper = below.is_some_and(|(_, l)| indent(l) > key_column(line));
    (text[at..].starts_with(':') && deeper).then_some((key, rest.trim().is_empty()))
}

/// The first tab on the blank lines just above the line that holds `at`, if any.
pub(super) fn tab_on_blank_line_above(text: &str, at: usize) -> Option<usize> {
    let mut end = line_start(text, at).checked_sub(1)?;
    loop {
        let start = line_start(text, end);
        let line = &text[start..end];
        if !line.trim().is_empty() {
            return None;
        }
        if let Some(tab) = line.find('\t') {
            return Some(start + tab);
        }
        end = start.checked_sub(1)?;
    }
}

/// When the error at `at` is at the start of a one-line value (or just after its first
/// character) that starts with a character YAML reserves there (`@`, `` ` ``, `%`, `*`, `&`,
/// `?`, `!`, `|` or `>` followed by text, `- `): the key, where the value starts, and the
/// value (without a trailing comment).
pub(super) fn reserved_start(text: &str, at: usize) -> Option<(&str, usize, &str)> {
    let (key, value) = value_at(text, at)?;
    let start = value.as_ptr() as usize - text.as_ptr() as usize;
    let reserved = match value.as_bytes() {
        [b'@' | b'`' | b'%' | b'*' | b'&' | b'?' | b'!', ..] => true,
        // (`|-` and `>2` are a block's indicators: text after them on the line is the slip.)
        [b'|' | b'>', rest @ ..] => !rest.iter().all(|b| matches!(b, b'+' | b'-' | b'1'..=b'9')),
        [b'-', b' ', ..] => true,
        _ => false,
    };
    (reserved && (start..=start + 1).contains(&at)).then_some((key, start, value))
}

/// When `at` is a `: ` in the plain value of a one-line `key: value` (`title: Data: next
/// steps`): where the value starts, and the value as typed (without a trailing comment).
pub(super) fn colon_in_plain_value(text: &str, at: usize) -> Option<(usize, &str)> {
    if !text[at..].starts_with(": ") {
        return None;
    }
    let (_, value) = value_at(text, at)?;
    let start = value.as_ptr() as usize - text.as_ptr() as usize;
    let plain = !value.starts_with(['"', '\'', '|', '>', '[', '{', '&', '*', '!']);
    (plain && start < at && at < start + value.len()).then_some((start, value))
}

/// When `at` lies in the value of a one-line `key: value` (perhaps a list item): the key and
/// the value, without a trailing comment.
pub(super) fn value_at(text: &str, at: usize) -> Option<(&str, &str)> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let content = line.trim_start().trim_start_matches("- ").trim_start();
    let offset = line.len() - content.len();
    let (key, value) = content.split_once(": ")?;
    let value_start = line_start + offset + key.len() + 2;
    // (`body : …`, spaced as French writes a colon: text43a F43a-8.)
    let key = key.trim_end_matches([' ', '\t', '\u{A0}', '\u{202F}']);
    // (A comment is ` # …`; ` #1`, glued, is text the writer meant, to be quoted with the rest:
    // text38a F38a-3, the help left "#1 priority" out.)
    let comment =
        value.match_indices(" #").find(|(i, _)| value[i + 2..].starts_with([' ', '\t']) || value.len() == i + 2);
    let value = value[..comment.map_or(value.len(), |(i, _)| i)].trim();
    (looks_like_key(key) && at >= value_start).then_some((key, value))
}

/// `value` as a double-quoted YAML scalar's content.
pub(super) fn double_quoted(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Whether `value`, double-quoted, is short enough to give whole in a help (which shows up to
/// 1,500 characters, never cut inside a word: `diag::bounded_help`).
pub(super) fn fits_help(value: &str) -> bool {
    // (Counted as [`double_quoted`] writes it, without writing a copy of a value of megabytes.)
    let mut shown = 0;
    value.chars().all(|c| {
        shown += if matches!(c, '\\' | '"') { 2 } else { 1 };
        shown <= 1000
    })
}

/// `key: "value"` as a help to copy shows it: the value whole, never cut inside its quotes
/// (text37a F37a-9: a cut help, pasted, lost the sentence's end). A value too long to print
/// (a 3 MB value was printed whole) is described instead.
pub(super) fn quoted_pair(key: &str, value: &str) -> String {
    if !fits_help(value) {
        return format!(
            "`{key}: \"…\"` with the whole value in the quotes, `\\\\` for each `\\` and `\\\"` for each `\"`"
        );
    }
    format!("{key}: \"{}\"", double_quoted(value))
}

/// Whether `text` gives the language tag `tag` (in any case): as a word of its `lang:` line,
/// or as a key, `tag:` after a space, a `{` or a `,`, or at a line's start.
pub(super) fn tag_given(text: &str, tag: &str) -> bool {
    let word = |w: &str| w.eq_ignore_ascii_case(tag);
    text.lines().any(|line| {
        let line = line.trim_start();
        match line.strip_prefix("lang:") {
            Some(list) => list.split(|c: char| !c.is_ascii_alphanumeric() && c != '-').any(word),
            None => line
                .split([' ', '{', ',', '\t'])
                .any(|w| w.strip_suffix(':').is_some_and(word) || w.strip_suffix(":|").is_some_and(word)),
        }
    })
}
