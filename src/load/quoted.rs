//! Quoted texts around a syntax error: where one ends (its closing quote, or the quote that
//! ends its value when early quotes end it before), which text a place is inside, and how a
//! text YAML stopped reading at a line indented too little, or never closed, was meant.

use super::lines::{indent, is_key_line, key_of, line_above, line_at, line_start, lines_below};
use crate::diag::{Diagnostic, Span};

/// A quoted text never closed: its message (which later slips are told apart by, see
/// [`super::recover::follows_from`]) and its help.
pub(super) const NEVER_CLOSED: &str = "this quoted text is never closed";
pub(super) const CLOSE_IT: &str = "add its closing quote where the text ends";

/// How the error for a line of a quoted text indented too little starts.
pub(super) const LINE_OUT: &str = "this line of the quoted text after";

/// How the errors for a quoted text that ended early start ([`ended_early`]).
pub(super) const ENDED_EARLY: &str = "the text in ";

/// A tab at `tab` that indents a line of the quoted text that is `key`'s value.
pub(super) fn tab_in_quoted(tab: usize, key: &str) -> Diagnostic {
    Diagnostic::new(Some(Span::new(tab, tab + 1)), "", "a tab where YAML allows only spaces")
        .with_help(format!("indent this line of the quoted text with spaces only, further than `{key}`"))
}

/// A quoted text never closed, named at its opening quote at `quote`.
pub(super) fn never_closed(quote: usize) -> Diagnostic {
    Diagnostic::new(Some(Span::new(quote, quote + 1)), "", NEVER_CLOSED).with_help(CLOSE_IT)
}

/// A single quote never closed that starts a word (`'s-Hertogenbosch`, `'t Hooft`, `'90s`) is
/// an apostrophe typed at the value's start, not a quote: closed, as the help said, it was
/// dropped (text40a F40a-32). `d` with a help that keeps it: the value in double quotes.
pub(super) fn apostrophe_first(text: &str, d: Diagnostic) -> Diagnostic {
    // (So is one that single quotes seemed to close, `'t Hooft's office`: its help, to write
    // the apostrophe twice, followed, lost the first one; text41a F41a-2.)
    let ended = d.message == "the text in single quotes ended at an apostrophe";
    // (Not a text quoted whole, `'It's here'`, its quotes meant.)
    let opening = |at: usize| {
        let (_, v) = super::around::value_at(text, at)?;
        (!v.ends_with('\'')).then(|| v.as_ptr() as usize - text.as_ptr() as usize)
    };
    let quote = match d.span.map(|s| s.start) {
        Some(at) if ended => opening(at),
        at => at.filter(|_| d.message == NEVER_CLOSED),
    };
    let Some(quote) = quote else { return d };
    // (Not inside `{…}` or `[…]`, where the line holds other values: text41a F41a-25, the help
    // took the Japanese title into the English one.)
    let line_start = text[..quote].rfind('\n').map_or(0, |i| i + 1);
    if text[line_start..quote].contains(['{', '[']) {
        return d;
    }
    let after = &text[quote..];
    if !(after.starts_with('\'') && after[1..].starts_with(char::is_alphanumeric)) {
        return d;
    }
    // (All of the line: inside a quote never closed, ` #` is text; text41a F41a-18.)
    let value = after.split('\n').next().unwrap_or("").trim_end_matches('\r').trim_end();
    let Some((_, key)) = super::lines::key_before(text, quote) else { return d };
    let help = format!(
        "a `'` that starts the value opens a quoted text in YAML; to keep it as an apostrophe, put the value in double quotes: {}",
        super::around::quoted_pair(key, value)
    );
    Diagnostic { help: Some(help), ..d }
}

/// A quoted text that ended at the quote at `quote`, which the text goes on past: single
/// quotes ended at an apostrophe, or double quotes at a quotation mark.
pub(super) fn ended_early(quote: Span, single: bool) -> Diagnostic {
    let (message, help) = if single {
        (
            "the text in single quotes ended at an apostrophe",
            "inside single quotes write an apostrophe twice (`It''s`), or put the text in double quotes",
        )
    } else {
        (
            "the text in double quotes ended at a quotation mark",
            "inside double quotes write a quotation mark as `\\\"`, or put the text in single quotes",
        )
    };
    Diagnostic::new(Some(quote), "", message).with_help(help)
}

/// Just past the closing quote of the quoted text whose opening quote is at `quote` (`\"` in
/// double quotes and `''` in single ones do not close it); `None` when it is never closed.
pub(super) fn quoted_end(text: &str, quote: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let q = *bytes.get(quote).filter(|q| matches!(q, b'"' | b'\''))?;
    let mut i = quote + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if q == b'"' => i += 2,
            b'\'' if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == q => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The key a quoted text starting at `quote` is the value of, and the column that key starts
/// in (every line of the text is to be indented further).
fn key_of_quoted(text: &str, quote: usize) -> Option<(&str, usize)> {
    let (start, first) = line_at(text, quote);
    let (key, offset, _) = key_of(first.trim_start())?;
    (start + indent(first) + offset < quote).then_some((key, indent(first) + offset))
}

/// The quoted text that `at` (a character in it, or the quote that closed it) lies in, found
/// from the key line that opens it, the nearest above (or `at`'s own) whose value starts with
/// a quote: its opening quote, its key, and the column that key starts in. `None` when that
/// text ended before `at`.
pub(super) fn quoted_around(text: &str, at: usize) -> Option<(usize, &str, usize)> {
    quote_opened_above(text, at)
        .filter(|&(quote, _, _)| quote < at && quoted_end(text, quote).is_none_or(|end| end > at))
}

/// The nearest key line at or above the line holding `at` whose value starts with a quote:
/// that quote, the key, and the column the key starts in.
pub(super) fn quote_opened_above(text: &str, at: usize) -> Option<(usize, &str, usize)> {
    let mut start = line_start(text, at);
    loop {
        let line = line_at(text, start).1;
        let content = line.trim_start_matches(' ');
        // (`- title: '…`: the value of an item's key too.)
        if let Some((_, _, value)) = key_of(content).filter(|(_, _, v)| v.starts_with(['"', '\''])) {
            let quote = value.as_ptr() as usize - text.as_ptr() as usize;
            let (key, column) = key_of_quoted(text, quote)?;
            return Some((quote, key, column));
        }
        start = line_start(text, start.checked_sub(1)?);
    }
}

/// Whether `line` starts a key or a list item no deeper than `column` (a quoted text's key's):
/// the next entry, which no line of that text can be.
fn starts_entry(line: &str, column: usize) -> bool {
    let content = line.trim_start_matches(' ');
    indent(line) <= column && (is_key_line(content) || content == "-" || content.starts_with("- "))
}

/// A quoted text YAML stopped reading at a line indented no further than its key.
pub(super) enum QuotedSlip<'a> {
    /// A line of it, closed below, indented too little: the line's text, the key, and the
    /// text's end (just past its closing quote).
    Out { line: std::ops::Range<usize>, key: &'a str, end: usize },
    /// Never closed where it was meant to end (the quote found below, if any, opens the next
    /// key's value): it runs up to the first line that starts a key or an item no deeper than
    /// its own key, or the text's end.
    Open { end: usize },
}

/// The start of the first line below the quoted text opened at `quote` that starts a key, an
/// item or a comment no deeper than its key: where the text was meant to end, had it been
/// closed. An escape or a quote the parser finds past it is not the text's (text30 F30a-6:
/// `C:\dir` in a comment below an open quote was named).
pub(super) fn first_block_line(text: &str, quote: usize) -> Option<usize> {
    let (_, column) = key_of_quoted(text, quote)?;
    // (A `#` line inside a text that ends its value before any key or item is the text's own:
    // a heading, `#2`; text31 F31a-3.)
    let end = clean_end(text, quote).unwrap_or(usize::MAX);
    let mut at = line_start(text, quote);
    let mut comment = None;
    for line in text[at..].split_inclusive('\n') {
        let start = at;
        at += line.len();
        if start <= quote {
            continue;
        }
        if start > end {
            return None;
        }
        let content = line.trim_end();
        if starts_entry(content, column) {
            return Some(comment.unwrap_or(start));
        }
        if content.trim_start_matches(' ').starts_with('#') {
            comment = comment.or(Some(start));
        }
    }
    comment
}

/// Just past the quote that ends the quoted text opened at `quote` and its value too: the
/// first closing quote after which its line holds nothing but a comment, or a `,`, `}` or `]`
/// of a flow collection (an apostrophe inside a word closes single quotes, but not so), and
/// the text does not go on below (a quote that ends a line, `  # he said "x"`, above more of
/// the text; text32 F32-3).
pub(super) fn clean_end(text: &str, quote: usize) -> Option<usize> {
    let column = quote_opened_above(text, quote).map(|(_, _, column)| column);
    // (The next line of text below the last end looked at: where it starts, and whether it
    // goes on with the quoted text. Kept, so that a run of `#` lines is looked through once.)
    let mut below: Option<(usize, bool)> = None;
    let mut from = quote;
    loop {
        let end = quoted_end(text, from)?;
        // (Only what follows the quote is looked at, not the rest of its line: a line of
        // 64,000 apostrophes took 18 s, text32 F32-1.)
        let next = text[end..].trim_start_matches([' ', '\t']).chars().next();
        if next.is_some_and(|c| matches!(c, ',' | '}' | ']')) {
            return Some(end);
        }
        if next.is_none_or(|c| matches!(c, '\n' | '\r' | '#')) {
            let Some(column) = column else { return Some(end) };
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            if below.is_none_or(|(at, _)| at <= line_end) {
                below = Some(text_line_below(text, line_end, column));
            }
            if below.is_some_and(|(_, goes_on)| !goes_on) {
                return Some(end);
            }
        }
        // (The quote read as the end opens the next stretch.)
        from = end - 1;
    }
}

/// When the single-quoted text that the quote at `at` ended early goes on, on that line and
/// with no other quote, to two quotes that end its value (`'the 'free flow''`, followed by
/// nothing but a comment, or a `,`, `}` or `]`): the first of the two.
pub(super) fn closing_pair(text: &str, at: usize) -> Option<usize> {
    if text.as_bytes().get(at) != Some(&b'\'') {
        return None;
    }
    let line = &text[at + 1..text[at..].find('\n').map_or(text.len(), |i| at + i)];
    let pair = at + 1 + line.find('\'')?;
    let after = text[pair..].strip_prefix("''")?.trim_start_matches([' ', '\t']);
    let clean = after.chars().next().is_none_or(|c| matches!(c, '\n' | '\r' | '#' | ',' | '}' | ']'));
    clean.then_some(pair)
}

/// The first line after `from` that is neither blank nor starts with `#`: its start, and
/// whether it is text indented further than `column` (not a key nor an item); the text's end
/// and `false` when there is none.
fn text_line_below(text: &str, from: usize, column: usize) -> (usize, bool) {
    let found = lines_below(text, line_start(text, from)).find(|(_, l)| !l.trim_start().starts_with('#'));
    found.map_or((text.len(), false), |(at, line)| {
        let content = line.trim();
        (at, indent(line) > column && !is_key_line(content) && !content.starts_with('-'))
    })
}

/// The opening quote of a value above the comment line at `at` whose quoted text, never
/// closed where it was meant to end, runs on into that comment: a quote there (`# it's`)
/// then ends it (text30 F30a-6).
pub(super) fn open_quote_above_comment(text: &str, at: usize) -> Option<usize> {
    let (start, line) = line_at(text, at);
    if !line.trim_start().starts_with('#') {
        return None;
    }
    let mut here = start;
    while let Some((above, l)) = line_above(text, here) {
        if let Some((_, _, value)) = key_of(l.trim_start()) {
            let quote = above + l.len() - l.trim_start().len() + l.trim_start().find(value)?;
            let opens = value.starts_with(['"', '\'']);
            return (opens && first_block_line(text, quote).is_some_and(|b| b <= start)).then_some(quote);
        }
        here = above;
    }
    None
}

/// The lines from the one after `quote`'s up to `end` that start with `#` (which
/// [`lines_below`] leaves out as comments): each one's start and text.
fn comment_lines(text: &str, quote: usize, end: usize) -> impl Iterator<Item = (usize, &str)> {
    let first = text[quote..].find('\n').map_or(text.len(), |i| quote + i + 1);
    text[first..end.max(first)]
        .split_inclusive('\n')
        .scan(first, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .filter(|(_, line)| line.trim_start().starts_with('#'))
}

/// What [`QuotedSlip`] the quoted text whose opening quote is at `quote` is.
pub(super) fn quoted_slip(text: &str, quote: usize) -> Option<QuotedSlip<'_>> {
    let (key, column) = key_of_quoted(text, quote)?;
    let closed = quoted_end(text, quote);
    // (A document marker too.)
    let starts_block = |line: &str| {
        starts_entry(line, column) || indent(line) <= column && line.trim_start_matches(' ').starts_with("---")
    };
    let mut below = lines_below(text, line_start(text, quote));
    if let Some(end) = closed {
        // (A key or an item on the way to the closing quote: that quote opens a later value.)
        let lines: Vec<(usize, &str)> = below.by_ref().take_while(|&(at, _)| at < end).collect();
        if let Some(&(at, _)) = lines.iter().find(|(_, line)| starts_block(line)) {
            return Some(QuotedSlip::Open { end: at });
        }
        // (A `#` line is the text's too, not a comment: text31 F31a-8, the parser's words.)
        let (at, line) = lines
            .into_iter()
            .chain(comment_lines(text, quote, end))
            .filter(|(_, line)| indent(line) <= column)
            .min_by_key(|&(at, _)| at)?;
        let content = line.trim_end();
        return Some(QuotedSlip::Out { line: at + indent(content)..(at + content.len()).min(end), key, end });
    }
    let next = below.find(|(_, line)| starts_block(line));
    Some(QuotedSlip::Open { end: next.map_or(text.len(), |(at, _)| at) })
}

/// Just past the closing quote of the quoted scalar that starts at `start` (the parser's span
/// of one runs on over a comment after it); `start` itself when there is none.
pub(super) fn closing_quote(text: &str, start: usize) -> usize {
    let Some(quote) = text.get(start..).and_then(|t| t.chars().next()).filter(|c| matches!(c, '"' | '\'')) else {
        return start;
    };
    let mut chars = text[start + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            // (`''` inside single quotes is one quote.)
            '\'' if quote == '\'' && text[start + 1 + i + 1..].starts_with('\'') => {
                chars.next();
            }
            c if c == quote => return start + 1 + i + 1,
            _ => {}
        }
    }
    start
}

/// A Japanese mark (`。`, `、`) or a full-width space typed after the closing quote that ends
/// at `end`, alone on the rest of its line (but a comment, or the `,` `}` `]` of a flow
/// collection): named at itself, with the fix (text36a F36a-9: it was called an early quote).
pub(super) fn mark_after_quote(text: &str, end: usize) -> Option<Diagnostic> {
    let line = text[end..].split('\n').next().unwrap_or("");
    let rest = line.split(" #").next().unwrap_or(line).trim_end_matches([' ', '\r', ',', '}', ']']);
    let marks = rest.trim_start_matches(' ');
    let mark = |c: char| crate::script::is_japanese(c) && !crate::script::is_kana_or_kanji(c);
    if marks.is_empty() || !marks.chars().all(mark) {
        return None;
    }
    let at = end + rest.len() - marks.len();
    let message = if marks.chars().all(|c| c == '\u{3000}') {
        "a full-width space after the closing quote of this text".to_string()
    } else {
        format!("`{marks}` after the closing quote of this text")
    };
    Some(
        Diagnostic::new(Some(Span::new(at, at + marks.len())), "", message)
            .with_help("put it inside the quotes, or remove it"),
    )
}

/// Text typed after the closing quote `quote` of a value quoted from its start, with no
/// quote of that kind after it on the line: not a quote inside the text but something after
/// the value, which YAML does not take. A `,` (the JSON habit, `title: "Results",`), or
/// words after double quotes (`summary: "…" extra`), named at themselves with the fix (text44a F44a-32: the
/// help, to escape the quote, printed the quotes and the comma).
pub(super) fn after_closing_quote(text: &str, quote: Span) -> Option<Diagnostic> {
    let (start, line) = line_at(text, quote.start);
    let line = line.trim_end_matches('\r');
    let (key, _, value) = key_of(line.trim_start())?;
    let q = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let open = value.as_ptr() as usize - text.as_ptr() as usize;
    if quoted_end(text, open) != Some(quote.end) || !text[quote.start..quote.end].starts_with(q) {
        return None;
    }
    let rest = &text[quote.end..start + line.len()];
    let rest = rest.split(" #").next().unwrap_or(rest).trim_end();
    let words = rest.trim_start();
    if words.is_empty() || words.contains(q) {
        return None;
    }
    let at = Span::new(quote.end + rest.len() - words.len(), quote.end + rest.len());
    // (Or a statement's `;`: text45a F45a-18, whose help put it into the text.)
    if words == "," || words == ";" {
        let message = format!("`{words}` after the closing quote: YAML takes nothing after a quoted value");
        let help = match words {
            "," => "remove the `,`: YAML needs no commas between lines",
            _ => "remove the `;`: a value ends at its line's end",
        };
        return Some(Diagnostic::new(Some(at), "", message).with_help(help));
    }
    // (Words after single quotes: an apostrophe, `'Ministers' view`, most likely.)
    if q == '\'' {
        return None;
    }
    let inner = &text[open + 1..quote.start];
    // (Outlook's `"Yamada Taro" <yamada-t@soumu.go.jp>`: the quotes are around the name, and
    // the address alone is what `email` takes; text45a F45a-4.)
    if let Some(address) = words.strip_prefix('<').and_then(|w| w.strip_suffix('>')).filter(|a| a.contains('@')) {
        if key == "email" {
            let message = format!("`{words}` after the closing quote: the value ends there");
            let help = format!("keep the address, `email: {address}`, and put the name in `name: {inner}`");
            return Some(Diagnostic::new(Some(at), "", message).with_help(help));
        }
    }
    let mut help = format!("put the whole text inside the quotes: `{key}: \"{inner}{}\"`", rest.replace('\\', "\\\\"));
    if !value.contains('\'') {
        help.push_str(&format!(", or in single quotes to print the quotation marks too: `{key}: '{value}'`"));
    }
    Some(
        Diagnostic::new(Some(at), "", format!("`{words}` after the closing quote: the value ends there"))
            .with_help(help),
    )
}
