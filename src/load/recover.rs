//! After a syntax error, the text is read again with the slip mended or its broken block
//! blanked out, every offset kept, so that the rest of the file is read and checked too.

use super::KeySets;
use super::{around, lines, quoted, slips};
use crate::diag::{Diagnostic, Span};

/// `text` with the broken block starting on the line that holds `at` blanked out (every byte
/// but line ends made a space, so offsets stay the same): that line (but its key, when `at`
/// is in its value), and the lines after it up to the next that is indented less, or as much
/// and starts with a key (`key:`, even `key:value`), an item (`- `) or a document marker;
/// with the range blanked, from the start of its first line. `None` when nothing would
/// change.
pub(super) fn resync(text: &str, at: usize, keys: &KeySets) -> Option<(String, std::ops::Range<usize>)> {
    let from = lines::line_start(text, at.min(text.len()));
    let first = text[from..].split('\n').next().unwrap_or("");
    // A line indented with a tab (which YAML refuses) is taken at the depth it was meant to
    // have: only what is indented deeper goes with it.
    let depth = lines::depth(text, from);
    let mut to = from + first.len();
    let line_start = from;
    // A slip in a value keeps its key (`title:` with no value), so the lines after it are read
    // as they would be had the value been right.
    let from = match lines::value_start(first) {
        Some(value) if at > from + value => from + value,
        _ => from,
    };
    // Keys in the column of an item's dash (its holder's line lost: `contact:` above them):
    // they all go, not one error each.
    let content = first.trim_start_matches(' ');
    // (A slip in the value of an item's first key ends at the item's next key: `- title:
    // [Draft] plan` above `  body: …`, whose slips were named a run later; text37a F37a-12.)
    let depth = if from > line_start && content.starts_with("- ") { lines::key_column(first) } else { depth };
    let run = !content.starts_with("- ")
        && lines::is_key_line(content)
        && lines::item_above(text, line_start).is_some_and(|item| lines::item_meant(text, item).is_none());
    // A key that ended a list, its items going on after it: the blanking stops at the next.
    let list = lines::line_above(text, line_start + 1)
        .filter(|_| lines::is_key_line(content))
        .and_then(|_| next_item_after(text, line_start, depth));
    for line in text[to..].split('\n').skip(1) {
        let content = line.trim_start_matches(' ').trim_end_matches('\r');
        let starts = || {
            content.starts_with("- ")
                || content == "-"
                || content.starts_with("---")
                || lines::keyish(content)
                // A key that lost its colon starts the next block too: it is the next slip.
                || around::known_key_without_colon(text, to + 1, keys).is_some()
                || lines::bare_key(content).is_some_and(|k| keys.any(k))
        };
        // (A line indented with a tab is taken at the depth it was meant to have, as above.)
        let at = lines::depth(text, to + 1);
        let shallower = !content.is_empty() && !content.starts_with('#') && at < depth;
        let item = content.starts_with("- ") || content == "-";
        if item && list.is_some_and(|c| c == lines::indent(line)) {
            break;
        }
        if shallower || at == depth && starts() && (!run || item) {
            break;
        }
        to += 1 + line.len();
    }
    if text[from..to].bytes().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    Some((blank_out(text, from..to), line_start..to))
}

/// `text` with `range` blanked out: every byte but line ends made a space, so that every
/// offset stays the same.
pub(super) fn blank_out(text: &str, range: std::ops::Range<usize>) -> String {
    let blank = |b: u8| if matches!(b, b'\n' | b'\r') { char::from(b) } else { ' ' };
    let mut masked = String::with_capacity(text.len());
    masked.push_str(&text[..range.start]);
    masked.extend(text.as_bytes()[range.clone()].iter().copied().map(blank));
    masked.push_str(&text[range.end..]);
    masked
}

/// A key line that slipped, mended so that what it holds is read: when `at` is just after a
/// key the file's mappings hold, before its value (`- title Data`) or alone on its line and
/// above lines indented deeper (`contact` above `  tel: …`, or `contcat`, misspelt too), the
/// text with the key's last letter made the colon it lost (offsets stay), and the key to read
/// there instead; when `at` is a tab that indents a key alone on its line (`<tab>contact:`), the text with the key moved to the depth it was
/// meant to have and the line padded at its end (the key's span moves with it).
pub(super) fn repair(text: &str, at: usize, keys: &KeySets) -> Option<(String, Option<(usize, String)>)> {
    let start = lines::line_start(text, at.min(text.len()));
    let line = text[start..].split('\n').next().unwrap_or("").trim_end_matches('\r');
    let lead = lines::lead(line);
    // (A comment after the key stays where it is.)
    let uncommented = |s: &str| s.split(" #").next().unwrap_or(s).trim_end().len();
    // A tab on a line that looks empty: made a space.
    if text[at..].starts_with('\t') && line.trim().is_empty() {
        return Some((format!("{} {}", &text[..at], &text[at + 1..]), None));
    }
    if line[..lead].contains('\t') && (start..start + lead).contains(&at) {
        let content = &line[lead..lead + uncommented(&line[lead..])];
        if let Some(depth) = tabbed_key_with_value(text, start, line, keys) {
            return Some((moved(text, start, line, depth), None));
        }
        content.strip_suffix(':').filter(|k| keys.any(k) && !k.contains(' '))?;
        // One step (two spaces) above the block it holds, and inside the line above when that
        // opens a value, beside it otherwise; with no room for it in the tab's place, blanked.
        let below = lines::content_below(text, start)?;
        let depth = lines::indent(below).checked_sub(2)?;
        let fits = match lines::line_above(text, start + 1) {
            Some((_, above)) if lines::opens_value(above) => depth > lines::indent(above),
            Some((_, above)) => depth <= lines::indent(above),
            None => depth == 0,
        };
        if !fits || depth > lead || below.trim_start().starts_with('\t') {
            return None;
        }
        let after = &line[lead + content.len()..];
        let mended = format!("{}{content}{}{after}", " ".repeat(depth), " ".repeat(lead - depth));
        return Some((format!("{}{mended}{}", &text[..start], &text[start + line.len()..]), None));
    }
    // `body:|` (or a lost bar) above the text the error was in, named at `at`: the opener
    // written as meant, the key read under its own name.
    let opener = super::bars::opener_on(text, start, keys).filter(|o| o.diagnostic().span.map(|s| s.start) == Some(at));
    if let Some((mended, rename)) = opener.and_then(|o| o.mend(text)) {
        return Some((mended, Some(rename)));
    }
    // `title: @EU`: the reserved character made a letter (and each `: ` in the value `:_`), the
    // value read as typed.
    // (Not `| text`: the lines below are the block's, blanked with it.)
    let reserved = around::reserved_start(text, at).filter(|(_, s, v)| *s == at && !v.starts_with(['|', '>']));
    if let Some((_, value_start, value)) = reserved {
        return Some(plain_value(text, value_start, value, &format!("x{}", &value[1..])));
    }
    // `title: Data: next steps`: the value read as typed, so that the rest of its item is
    // checked too.
    if let Some((value_start, value)) = around::colon_in_plain_value(text, at) {
        return Some(plain_value(text, value_start, value, value));
    }
    // A key indented further than the key above it or between two depths, or an item further
    // than the next of its list: moved to the column meant.
    let spaced = lead > 0 && line[..lead].bytes().all(|b| b == b' ') && at == start + lead;
    // (Not a block's item that lost its indent, below its text: text34a F34a-6.)
    let of_block = || around::misindented_text(text, at).is_some_and(|(_, _, block, _)| block);
    if let Some(column) = lines::item_meant(text, start).filter(|&c| spaced && c < lead && !of_block()) {
        return Some((lines::shift_items(text, start, column), None));
    }
    // `-title: Data` among items: the key's first letter read as the space, the key renamed.
    if lines::dash_without_space(text, at) == Some(at) {
        let key = line[lead + 1..].split(':').next().unwrap_or("");
        if key.len() >= 2 && key.is_ascii() {
            let repaired = format!("{}- {}", &text[..at], &text[at + 2..]);
            return Some((repaired, Some((at + 2, key.to_string()))));
        }
    }
    if at == start + lead {
        // A block's first key further in than its holder but less than the keys after it: the
        // block is brought to its column. At its holder's column, or a line of text where the
        // block starts: that line alone is left out, and the block is read under its holder.
        if lines::first_key_left_out(text, start, keys).is_some() {
            let holder = lines::line_above(text, start + 1).map_or(0, |(_, h)| lines::indent(h));
            if holder < lead {
                let below = lines::content_below(text, start).map_or(lead, lines::indent);
                return Some((lines::shift_block_after(text, start, below, lead), None));
            }
            return Some((blank_out(text, start..start + line.len()), None));
        }
        if lines::stray_text(text, start).is_some() {
            return Some((blank_out(text, start..start + line.len()), None));
        }
    }
    let meant = spaced
        .then(|| {
            lines::key_deeper_than_above(text, start)
                .map(|(_, column)| column)
                .or_else(|| lines::key_between_depths(text, start, keys))
        })
        .flatten();
    if let Some(column) = meant.filter(|&c| c < lead) {
        return Some((moved(text, start, line, column), None));
    }
    // (A list item's dash stays: `- title Data`.)
    let mut key = line.trim_start_matches(' ');
    while let Some(rest) = key.strip_prefix("- ") {
        key = rest.trim_start_matches(' ');
    }
    let key_start = start + (line.len() - key.len());
    let key = &key[..key.find([' ', '\t']).unwrap_or(key.len())];
    let rest = line[key_start - start + key.len()..].trim_start_matches([' ', '\t']);
    let word = key_start + key.len() == at
        && key.len() >= 2
        && key.is_ascii()
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let fits = if rest.is_empty() || rest.starts_with('#') {
        // Alone on its line, above the block it holds; a key misspelt too (`contcat`) is read
        // under its own name, for the deserializer to name what was meant.
        let deeper = lines::content_below(text, start)
            .is_some_and(|next| lines::indent(next) > lines::indent(line) && !next.trim_start().starts_with('\t'));
        keys.near(key) && deeper
    } else {
        // Before its value (`title Data`), only a key some mapping holds.
        keys.any(key) && !rest.starts_with(':')
    };
    if !(word && fits) {
        return None;
    }
    let mut repaired = String::with_capacity(text.len());
    repaired.push_str(&text[..at - 1]);
    repaired.push(':');
    // (YAML wants a space after the colon, not a tab: `title<tab>Data`.)
    if text[at..].starts_with('\t') {
        repaired.push(' ');
        repaired.push_str(&text[at + 1..]);
    } else {
        repaired.push_str(&text[at..]);
    }
    Some((repaired, Some((key_start, key.to_string()))))
}

/// `text` with the one-line `value` at `value_start` written as `plain` with each `: ` in it
/// made `:_` (a plain value, offsets kept), and the value to read there as typed.
fn plain_value(text: &str, value_start: usize, value: &str, plain: &str) -> (String, Option<(usize, String)>) {
    let end = value_start + value.len();
    let repaired = format!("{}{}{}", &text[..value_start], plain.replace(": ", ":_"), &text[end..]);
    (repaired, Some((value_start, value.to_string())))
}

/// `text` with its `line` (starting at `start`) moved left to start at `column`, padded at
/// its end so that every offset after it stays.
fn moved(text: &str, start: usize, line: &str, column: usize) -> String {
    let lead = lines::lead(line);
    let mended = format!("{}{}{}", " ".repeat(column), &line[lead..], " ".repeat(lead - column));
    format!("{}{mended}{}", &text[..start], &text[start + line.len()..])
}

/// The depth a key line indented with a tab, its value on the line (`<tab>name: A`), is moved
/// to: the depth its neighbours show, when the tab's place has room for it; or, when the next
/// line is indented with the same tabs (a block indented with tabs throughout), one space for
/// each of them, which lines the block up with itself.
fn tabbed_key_with_value(text: &str, start: usize, line: &str, keys: &KeySets) -> Option<usize> {
    let lead = lines::lead(line);
    let content = &line[lead..];
    let (key, value) = content.split_once(": ")?;
    // (A key, not a list item nor text.)
    let word = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !word
        || key.starts_with('-')
        || !keys.near(key)
        || value.trim().is_empty()
        || value.trim_start().starts_with('#')
    {
        return None;
    }
    let meant = lines::depth(text, start);
    let same_below = lines::content_below(text, start).is_some_and(|b| b.get(..lead) == Some(&line[..lead]));
    match meant {
        d if d <= lead => Some(d),
        _ if same_below => Some(lead),
        _ => None,
    }
}

/// The column of the list items that go on after the key line at `line_start` (at `depth`),
/// when that key ended their list: see [`lines::key_out_of_list`].
fn next_item_after(text: &str, line_start: usize, depth: usize) -> Option<usize> {
    let below = lines::lines_below(text, line_start)
        .find(|(_, l)| lines::indent(l) > depth && l.trim_start().starts_with("- "))?;
    lines::key_out_of_list(text, below.0).filter(|(at, _)| *at == line_start).map(|_| lines::indent(below.1))
}

/// A list item's `- ` moved down a line (`    title: Data` above `  - body: |`): YAML reads
/// the key as the item above's, given twice, and the item below as one without it. When the
/// duplicate key at `key_at` is such a line (its value, then the dash), where the dash goes and
/// where it was (two bytes each: the text is mended in place, every offset kept), and the
/// error to show at the key.
pub(super) fn dash_moved_down(text: &str, key_at: usize, key: &str) -> Option<(usize, usize, Diagnostic)> {
    // (A key at its line's start, after spaces; found without reading its whole line: a line
    // of 60,000 keys given twice took 2 s, text33a F33a-8.)
    let indent = text[..key_at].trim_end_matches(' ').len();
    if indent != 0 && !text[..indent].ends_with('\n') {
        return None;
    }
    let (start, line) = lines::line_at(text, key_at);
    let column = key_at - start;
    if column < 2 || line.len() < column {
        return None;
    }
    // The key's value, then its item's dash: `- ` and a key, in the key's column.
    let (dash, below) = lines::lines_below(text, start).find(|(_, l)| lines::indent(l) <= column)?;
    let item = below.get(column - 2..).filter(|_| lines::indent(below) == column - 2)?;
    if !item.starts_with("- ") || lines::key_on(&item[2..]).is_none() {
        return None;
    }
    // (An item that has its own `title:` is another item: the key is given twice.)
    let own = |l: &str| lines::key_on(l) == Some(key);
    let mut rest = lines::lines_below(text, dash).take_while(|(_, l)| lines::indent(l) >= column);
    if own(below) || rest.any(|(_, l)| lines::indent(l) == column && own(l)) {
        return None;
    }
    let d = Diagnostic::new(
        Some(Span::new(key_at, key_at + key.len())),
        "",
        format!("this item's `- ` moved below this line: `{key}:` is read as the item above's, given twice"),
    )
    .with_help(format!("move the `- ` up from `{}` to this line", below.trim()));
    Some((start + column - 2, dash + column - 2, d))
}

/// Whether `d` follows from a slip named already (`found`) or mended (in `original`, at an
/// offset of `mended`), so is not reported: a line of a quoted text indented too little where
/// a tab that indented it was made a space (text31 F31a-6); a bracket left open by a quoted
/// text inside it that was never closed on its line (`["en", "ja]`, text32 F32-6).
pub(super) fn follows_from(original: &str, mended: &[usize], found: &[Diagnostic], d: &Diagnostic) -> bool {
    let Some(span) = d.span else { return false };
    let line = lines::line_start(original, span.start);
    let on_line = |at: usize| lines::line_start(original, at) == line;
    if d.message.starts_with(quoted::LINE_OUT) {
        return mended.iter().any(|&m| original.as_bytes().get(m) == Some(&b'\t') && on_line(m));
    }
    let bracket = d.message == "this `[` is never closed" || d.message == "this `{` is never closed";
    bracket
        && found.iter().any(|f| {
            f.message == quoted::NEVER_CLOSED && f.span.is_some_and(|s| s.start > span.start && on_line(s.start))
        })
}

/// Syntax errors reported in one run at most: each costs one more pass over the text.
pub(super) const MAX_SYNTAX_ERRORS: usize = 20;

/// Says, once, that the reading stopped after [`MAX_SYNTAX_ERRORS`].
pub(super) fn stopped(errors: &mut Vec<Diagnostic>) {
    let message = format!("stopped after {MAX_SYNTAX_ERRORS} syntax errors; there may be more");
    if !errors.iter().any(|e| e.message == message) {
        errors.push(Diagnostic::note(message));
    }
}

/// A slip inside one quoted text, mended in place so that the rest of the file, the rest of
/// its block among it, is read and checked (text28 F28-3, F28-4).
pub(super) enum InQuotes {
    /// A character that broke the text, at this offset: the backslash of an escape that writes
    /// no character, or a quote that ended it early (`'the minister's view'`, text29 F29a-3).
    /// Made a space, the text reads on to its end.
    Char(usize),
    /// A quote that ended a single-quoted text early (as `Char`), and the first of the two
    /// quotes that end it (`'the 'free flow''`): both made spaces, the second named too.
    Pair(usize, usize),
    /// The backslashes of the two halves of a UTF-16 pair (`\ud835\udc00`, as JSON writes a
    /// character past U+FFFF), named as one: both made spaces, so that the second half is not
    /// named again on its own (text45a F45a-29).
    Halves(usize, usize),
    /// The indent of a quoted text's line, with the tab that starts it, or the tabs after a
    /// key's colon: made spaces, every tab of it at once (one was made a space at a time,
    /// text32 F32-5).
    Lead(std::ops::Range<usize>),
    /// A quoted text with a line indented too little, or never closed
    /// ([`quoted::QuotedSlip`]): blanked whole, from its quote to its end; with the slips
    /// found inside it, which the parser does not reach then.
    Indented(std::ops::Range<usize>, Vec<Diagnostic>),
}

impl InQuotes {
    /// The mend for the parser's `info` at `start` (named by `diagnostic`), when it is a
    /// slip inside one quoted text.
    pub(super) fn of(text: &str, start: usize, info: &str, diagnostic: &Diagnostic) -> Option<InQuotes> {
        // (Where the slip is named, when that is one of `chars`.)
        let named = diagnostic.span.map(|s| s.start);
        let named_at = |chars: &[u8]| named.filter(|&s| text.as_bytes().get(s).is_some_and(|b| chars.contains(b)));
        // (A `[…]` with a line indented too little: blanked whole, from its bracket to its
        // close, so that it is not also "never closed".)
        if diagnostic.message.starts_with(slips::FLOW_LINE_OUT) {
            let open = around::unclosed_bracket(&text[..lines::line_start(text, named?)])?;
            return around::closing_bracket(text, open).map(|close| InQuotes::Indented(open..close, Vec::new()));
        }
        if super::escape_slips::is_escape(info) {
            // (Named at the quote, not an escape: past where the text was meant to end. The
            // text, up to there, blanked.)
            if named == Some(start) {
                return quoted::first_block_line(text, start).map(|end| InQuotes::Indented(start..end, Vec::new()));
            }
            // (A pair's two halves are named as one, over both: both backslashes go.)
            let span = diagnostic.span?;
            let second = span.start + 6;
            if span.end - span.start == 12 && text.as_bytes().get(second) == Some(&b'\\') {
                return named_at(b"\\").map(|first| InQuotes::Halves(first, second));
            }
            return named_at(b"\\").map(InQuotes::Char);
        }
        // (Only when the text then ends its value at a later quote, with no key, item or
        // comment on the way: that quote is the text's own, not the next value's or a
        // comment's, text30 F30a-2.)
        let ended = info == "while parsing a block mapping, did not find expected key"
            && diagnostic.message.starts_with(quoted::ENDED_EARLY);
        if info.starts_with("invalid trailing content after") || ended {
            // (Named at the quote of a text never closed above a comment: blanked up to where
            // it was meant to end.)
            if diagnostic.message == quoted::NEVER_CLOSED {
                let open = named?;
                return quoted::first_block_line(text, open).map(|end| InQuotes::Indented(open..end, Vec::new()));
            }
            let at = named_at(b"'\"")?;
            // (`'the 'free flow''`: the pair that ends it is the word's closing quote and the
            // text's, not an apostrophe written twice; text33a F33a-5.)
            if let Some(pair) = quoted::closing_pair(text, at) {
                return Some(InQuotes::Pair(at, pair));
            }
            // (Read on to the quote that ends the value, past other early quotes, each the
            // next run's error: text31 F31a-4.)
            let end = quoted::clean_end(text, at)?;
            // (A line indented further than the text's key, not the one it ends on, is the
            // text's own even when it starts with `#` or holds ` #`: a heading in a `body:`;
            // text32 F32-4, two such headings gave a false "never closed".)
            let column = quoted::quoted_around(text, at).map(|(_, _, column)| column);
            let last = lines::line_start(text, end - 1);
            let own = |start: usize, line: &str| column.is_some_and(|c| lines::indent(line) > c) && start != last;
            let mut below = text[at..end].split_inclusive('\n').scan(at, |from, line| {
                let start = *from;
                *from += line.len();
                Some((start, line))
            });
            // (A ` #` glued to what follows, `#1`, is text the writer meant: text34a F34a-5.)
            let comment = |line: &str| {
                line.match_indices(" #").any(|(i, _)| line[i + 2..].chars().next().is_none_or(char::is_whitespace))
            };
            let comment_after = below.next().is_some_and(|(_, line)| comment(line));
            let mut on_the_way = below.filter(|&(start, line)| !own(start, line));
            let slip = on_the_way.any(|(_, l)| {
                let l = l.trim_start();
                lines::is_key_line(l) || l.starts_with("- ") || l.starts_with('#') || comment(l)
            });
            return (!slip && !comment_after).then_some(InQuotes::Char(at));
        }
        // (A tab that indents a line of a quoted text, the only place the parser says this:
        // made a space, the text reads on; text30 F30a-5, the text was then never closed.)
        if info == "tab cannot be used as indentation" || info == "':' must be followed by a valid YAML whitespace" {
            let tab = named_at(b"\t")?;
            let lead = lines::lead(&text[tab..]);
            return Some(InQuotes::Lead(tab..tab + lead));
        }
        if info != "invalid indentation in quoted scalar" {
            return None;
        }
        match quoted::quoted_slip(text, start)? {
            quoted::QuotedSlip::Out { end, key, .. } => {
                Some(InQuotes::Indented(start..end, inside(text, start, end, key)))
            }
            quoted::QuotedSlip::Open { end } => Some(InQuotes::Indented(start..end, Vec::new())),
        }
    }

    /// `text` mended; what was blanked (from the start of its first line) added to
    /// `blanked`, a character made a space to `mended` (the first, for an indent), the slips
    /// found inside a text blanked to `errors` (up to [`MAX_SYNTAX_ERRORS`] in all).
    pub(super) fn apply(
        self,
        text: &str,
        blanked: &mut Vec<std::ops::Range<usize>>,
        mended: &mut Vec<usize>,
        errors: &mut Vec<Diagnostic>,
    ) -> String {
        match self {
            InQuotes::Char(at) => {
                mended.push(at);
                blank_out(text, at..at + 1)
            }
            InQuotes::Pair(at, pair) => {
                mended.extend([at, pair]);
                errors.push(quoted::ended_early(Span::new(pair, pair + 1), true));
                blank_out(&blank_out(text, at..at + 1), pair..pair + 1)
            }
            InQuotes::Halves(first, second) => {
                mended.extend([first, second]);
                blank_out(&blank_out(text, first..first + 1), second..second + 1)
            }
            InQuotes::Lead(lead) => {
                mended.push(lead.start);
                blank_out(text, lead)
            }
            InQuotes::Indented(quoted, inside) => {
                let room = MAX_SYNTAX_ERRORS.saturating_sub(errors.len());
                if inside.len() > room {
                    stopped(errors);
                }
                errors.extend(inside.into_iter().take(room));
                blanked.push(lines::line_start(text, quoted.start)..quoted.end);
                blank_out(text, quoted)
            }
        }
    }
}

/// The first slips inside the quoted text from `quote` to `end` (the value of `key`) past its
/// first line, in order, one more than a run names at most: each line indented with a tab,
/// and each escape that writes no character.
fn inside(text: &str, quote: usize, end: usize, key: &str) -> Vec<Diagnostic> {
    let first = text[quote..end].find('\n').map_or(end, |i| quote + i + 1);
    let most = MAX_SYNTAX_ERRORS + 1;
    let mut found: Vec<Diagnostic> = text[first..end]
        .split_inclusive('\n')
        .scan(first, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .filter_map(|(start, line)| {
            let lead = lines::lead(line);
            line[..lead].find('\t').map(|tab| quoted::tab_in_quoted(start + tab, key))
        })
        .take(most)
        .collect();
    if text[quote..].starts_with('"') {
        found.extend(super::escape_slips::all_in(text, quote, most));
        found.sort_by_key(|d| d.span.map(|s| s.start));
        found.truncate(most);
    }
    found
}

/// The text with each dash that moved down a line below a key given twice (at each offset of
/// `duplicates`) moved back up (see
/// [`dash_moved_down`]), or never typed, put in, and an error for each; `None` when there is none.
pub(super) fn mend_moved_dashes<'k>(
    text: &str,
    duplicates: impl Iterator<Item = (usize, &'k str)>,
) -> Option<(String, Vec<Diagnostic>)> {
    // (Or a dash never typed, for a new item whose first key is given twice: text44a F44a-12.)
    // (The file's lines read once for all the keys: text45a F45a-6.)
    let items = std::cell::OnceCell::new();
    let moved: Vec<_> = duplicates
        .filter_map(|(at, key)| {
            dash_moved_down(text, at, key).map(|(up, down, d)| (up, Some(down), d)).or_else(|| {
                let items = items.get_or_init(|| super::missing_dash::Items::of(text));
                items.missing_dash(at, key).map(|(up, d)| (up, None, d))
            })
        })
        .collect();
    if moved.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut found = Vec::with_capacity(moved.len());
    for (up, down, d) in moved {
        bytes[up..up + 2].copy_from_slice(b"- ");
        if let Some(down) = down {
            bytes[down..down + 2].copy_from_slice(b"  ");
        }
        found.push(d);
    }
    Some((String::from_utf8(bytes).expect("two spaces and a dash swapped"), found))
}
