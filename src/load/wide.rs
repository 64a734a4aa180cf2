//! Full-width characters typed where YAML needs ASCII: a Japanese input method left on types
//! an ideographic space (U+3000) for an indent, a full-width colon (U+FF1A) after a key, and a
//! full-width hyphen (U+FF0D) or space for a list item's `- `. A no-break space (U+00A0) in
//! an indent or after a colon, and a byte order mark starting a line, are as invisible.
//! YAML reads either as text, so the structure falls apart far from the slip; each is named
//! where it was typed, and the text is read as it was meant (every offset kept).

use super::block_spaces;
use super::item_marks::{self, WIDE_DASH};
use crate::diag::{Diagnostic, Span};

pub(super) const WIDE_SPACE: char = '\u{3000}';
const WIDE_COLON: char = '\u{FF1A}';
const WIDE_COMMA: char = '\u{FF0C}';
const IDEOGRAPHIC_COMMA: char = '\u{3001}';
const WIDE_OPEN: char = '\u{FF5B}';
const WIDE_CLOSE: char = '\u{FF5D}';
/// Typed for a space by some keyboards (Option-space on a Mac) and pasted from web pages.
pub(super) const NO_BREAK_SPACE: char = '\u{A0}';

/// The text with each full-width space that indents a key or an item made two spaces (its
/// third byte a space at the line's end), and each full-width colon (or space) right after a
/// key at a line's start made `:` and two spaces; with one error for each. `None` when there
/// is none.
///
/// `is_key` says whether a word is a key some mapping of the file holds: on a line a plain
/// value wraps onto, only such a key is taken for one mistyped (`tel：03` under `name:`).
pub(super) fn mend(text: &str, is_key: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    let mut found = Vec::new();
    let mut out: Option<String> = None;
    // (Invisible spaces around a block's text first: the passes after them read its lines.)
    let passes: [Pass; 13] = [
        super::wide_hash::mend,
        key_tabs,
        super::colon_slips::mend,
        super::second_keys::mend,
        super::wide_marks::mend,
        block_spaces::after_marks,
        block_spaces::indents,
        block_spaces::deep_blanks,
        line_start_marks,
        inner_byte_order_marks,
        super::wide_keys::mend,
        mend_wide,
        flow_marks,
    ];
    for pass in passes {
        if let Some((mended, more)) = pass(out.as_deref().unwrap_or(text), is_key) {
            out = Some(mended);
            found.extend(more);
        }
    }
    // (Each is read as meant; past a run's syntax errors, they are counted, not listed: a line
    // of 500,000 printed each.)
    let most = super::recover::MAX_SYNTAX_ERRORS;
    if found.len() > most {
        let more = found.len() - most;
        found.truncate(most);
        let message =
            format!("and {more} more full-width or invisible characters where YAML needs ASCII, read as meant");
        found.push(Diagnostic::note(message));
    }
    out.map(|out| (out, found))
}

/// One kind of slip of [`mend`]: the text mended, and an error for each, if there is any.
type Pass = fn(&str, &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)>;

/// Whether a word is a key one mapping holds beside the key whose plain value wraps onto its
/// line (`tel` beside `name`; not `date` beside `body`, text41a F41a-3), or, beside none (an
/// item's value), a key some mapping holds.
pub(super) type IsKey<'a> = dyn Fn(&str, &str) -> bool + 'a;

/// A tab after a key's colon (`name:<tab>Anna`, `{en:<tab>A}`), which YAML 1.2 allows as
/// the space there and the parser does not: made a space, without a word (text40a F40a-31:
/// values lined up with tabs were refused). In a block's text, or inside a value, it is text.
fn key_tabs(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(":\t") {
        return None;
    }
    let mut lines = TextLines::default();
    let mut changed = false;
    let out = mend_lines(text, |_, body| {
        if lines.holds(body) != Wrap::None || !body.contains(":\t") {
            return None;
        }
        let mut line = body.to_string();
        // (Whether a key may start here: at the line's start, past an item's `- `, a `{` or a
        // `,`; whether the word read is such a key; the last mark but a space, which says
        // whether a quote opens a value.)
        let (mut may_key, mut in_key, mut in_word, mut quote, mut prev) = (true, false, false, None, ':');
        for (i, c) in body.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => continue,
                (None, '"' | '\'') if matches!(prev, ':' | '{' | ',' | '[' | '-') => quote = Some(c),
                (None, '#') if body[..i].ends_with([' ', '\t']) => break,
                (None, ':') if in_key && body[i + 1..].starts_with('\t') => {
                    let tabs = body[i + 1..].len() - body[i + 1..].trim_start_matches('\t').len();
                    line.replace_range(i + 1..i + 1 + tabs, &" ".repeat(tabs));
                    changed = true;
                }
                _ => {}
            }
            if c.is_ascii_alphanumeric() || c == '_' || (c == '-' && in_word) {
                if !in_word {
                    (in_word, in_key) = (true, may_key);
                }
            } else {
                (in_word, in_key) = (false, false);
                may_key = match c {
                    ' ' | '\t' | '-' => may_key,
                    '{' | ',' => true,
                    _ => false,
                };
            }
            if c != ' ' && c != '\t' {
                prev = c;
            }
        }
        Some(line)
    });
    changed.then_some((out, Vec::new()))
}

/// Full-width marks in a mapping written on its line (`{en: A， ja： あ}`, `｛en: A, ja: あ｝`):
/// a colon after a key, a comma between items, or the braces of a value, each named and made
/// the ASCII mark, spaces after or before it (text33a F33a-7, text34a F34a-3: the mapping was
/// read as text, "the value of `en` contains `: `"). A key at a line's start is [`mend_wide`]'s.
fn flow_marks(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains([WIDE_COLON, WIDE_COMMA, IDEOGRAPHIC_COMMA, WIDE_OPEN]) {
        return None;
    }
    let mut found = Vec::new();
    let mut out = text.to_string();
    let mut at = 0;
    // (Keys in a one-line mapping are the file's languages: `｛note：未定｝` and `ja: memo：未定、
    // tel：03` are text; text36a F36a-2.)
    let langs = declared_languages(text);
    let lang = |key: &str| match &langs {
        Some(langs) => langs.iter().any(|l| l.eq_ignore_ascii_case(key)),
        // (Without it, a two-letter one: `｛ver:2｝` is text.)
        None => super::languages::is_language_tag(key) && key.split('-').next().is_some_and(|p| p.len() == 2),
    };
    let key_follows = |rest: &str| key_follows(rest).is_some_and(lang);
    let mut lines = TextLines::default();
    for line in text.split_inclusive('\n') {
        // (A block's text, or a value's wrapped line, is text: F40a-3.)
        if lines.holds(line) != Wrap::None {
            at += line.len();
            continue;
        }
        let braces = wide_braces(line).filter(|&(open, close)| key_follows(&line[open + WIDE_OPEN.len_utf8()..close]));
        // (Brackets open on this line, the quote a text is in, and the last character but a
        // space: a quote opens a text only where a value starts.)
        let (mut depth, mut quote, mut last) = (0usize, None, ' ');
        // (The second quote of `''` in single quotes, or the character after `\` in double
        // ones: written in the text, it does not end it; text35a F35a-4.)
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            if std::mem::take(&mut escaped) {
                continue;
            }
            let mut mend = |mark: &str, message: String, help: String| {
                found.push(named(at + i, c.len_utf8(), message, help));
                out.replace_range(at + i..at + i + c.len_utf8(), mark);
            };
            match (quote, c) {
                (Some('\''), '\'') if line[i + 1..].starts_with('\'') => escaped = true,
                (Some('"'), '\\') => escaped = true,
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') if matches!(last, '{' | ',' | ':' | '[') => quote = Some(c),
                (None, '#') if last == ' ' || line[..i].ends_with(' ') => break,
                (None, '{') => depth += 1,
                (None, '}') => depth = depth.saturating_sub(1),
                (None, WIDE_OPEN | WIDE_CLOSE) if braces.is_some_and(|(o, e)| i == o || i == e) => {
                    let (mark, ascii) = if c == WIDE_OPEN { ("{  ", '{') } else { ("  }", '}') };
                    let help = "type the braces of a mapping with the Japanese input off".to_string();
                    mend(mark, format!("a full-width `{c}` where YAML needs `{ascii}`"), help);
                    depth = if c == WIDE_OPEN { depth + 1 } else { depth.saturating_sub(1) };
                }
                (None, WIDE_COMMA | IDEOGRAPHIC_COMMA) if depth > 0 && key_follows(&line[i + c.len_utf8()..]) => {
                    let help = "type `, ` between the items with the Japanese input off".to_string();
                    mend(",  ", format!("a full-width `{c}` between the items of `{{…}}`, where YAML needs `,`"), help);
                }
                (None, WIDE_COLON) if depth > 0 => {
                    let word = &line[line[..i]
                        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                        .len()..i];
                    let before = line[..i - word.len()].trim_end_matches([' ', '\t', WIDE_SPACE]);
                    let after_mark = before.ends_with(['{', ',', WIDE_COMMA, IDEOGRAPHIC_COMMA, WIDE_OPEN]);
                    if word.starts_with(|c: char| c.is_ascii_lowercase()) && after_mark && lang(word) {
                        let help = format!("write `{word}: ` with the Japanese input off");
                        mend(":  ", format!("a full-width colon `：` after `{word}`, where YAML needs `:`"), help);
                    }
                }
                _ => {}
            }
            if c != ' ' && c != '\t' {
                last = c;
            }
        }
        at += line.len();
    }
    (!found.is_empty()).then_some((out, found))
}

/// Where a value written in full-width braces on `line` (`title: ｛en: A, ja: あ｝`) has them.
fn wide_braces(line: &str) -> Option<(usize, usize)> {
    let open = line.find(": \u{FF5B}").map(|i| i + 2).or_else(|| line.find("：\u{FF5B}").map(|i| i + 3))?;
    let close = open + line[open..].trim_end().rfind(WIDE_CLOSE).filter(|&e| line[open..].trim_end().len() == e + 3)?;
    // (Keys inside, `en: …`, the caller checks: text in brackets, `｛注｝`, is text; text35a F35a-3.)
    Some((open, close))
}

/// The key that `rest` starts with (past spaces), followed by its colon, ASCII or full-width.
fn key_follows(rest: &str) -> Option<&str> {
    let rest = rest.trim_start_matches([' ', WIDE_SPACE]);
    let key = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-').len();
    (key > 0 && rest.starts_with(|c: char| c.is_ascii_lowercase()) && rest[key..].starts_with([':', WIDE_COLON]))
        .then(|| &rest[..key])
}

/// The tags of the file's `lang:` line (`lang: [en, ja]`, `lang: en`), when it has one.
fn declared_languages(text: &str) -> Option<Vec<&str>> {
    let line = text.lines().find_map(|l| l.strip_prefix("lang:"))?;
    let line = line.split(" #").next().unwrap_or(line);
    Some(line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).filter(|t| !t.is_empty()).collect())
}

/// A byte order mark (U+FEFF) at the start of a line, left where one file was pasted into
/// another, a line or paragraph separator, a zero-width space or a space of typography in a
/// line's indentation: YAML refuses each there. Each line's first is named, and each made the
/// columns it shows (a space of typography one, the rest none), the line padded at its end.
fn line_start_marks(text: &str, is_key: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    // (A line or paragraph separator, U+2028 or U+2029, comes with a paste from a word
    // processor or a web page, and shows as a space or nothing; text37a F37a-7. So do a zero-
    // width space and the spaces of typography, en to hair, which show as one; text38a F38a-11.
    // Those two are named only before a key or an item, outside a block's text: at a wrapped
    // line of a text they are its text; text39a F39a-2.)
    let always = |c: char| matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}');
    let spaces = |c: char| matches!(c, '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}');
    let before_structure = |c: char| c == '\u{200B}' || spaces(c);
    if !text.contains(|c| always(c) || before_structure(c)) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let held = lines.holds(body);
        let rest = body.trim_start_matches(|c: char| c == ' ' || always(c) || before_structure(c));
        let structure = match held {
            Wrap::None => key_follows(rest).is_some() || rest.starts_with("- "),
            Wrap::Plain(_, holder) => key_follows(rest).is_some_and(|k| is_key(k, &holder)),
            _ => false,
        };
        let odd = |c: char| always(c) || structure && before_structure(c);
        let lead = body.len() - body.trim_start_matches(|c: char| c == ' ' || odd(c)).len();
        let (i, mark) = body[..lead].char_indices().find(|&(_, c)| odd(c))?;
        let (name, from) = match mark {
            '\u{FEFF}' => ("an invisible byte order mark (U+FEFF)".to_string(), "another file"),
            '\u{200B}' => ("an invisible zero-width space (U+200B)".to_string(), "a web page"),
            '\u{2028}' => ("an invisible line separator (U+2028)".to_string(), "a word processor or a web page"),
            '\u{2029}' => ("an invisible paragraph separator (U+2029)".to_string(), "a word processor or a web page"),
            c => (format!("a typographic space (U+{:04X})", c as u32), "a word processor or a web page"),
        };
        let place = match (i, lead == body.len()) {
            (_, true) => "is alone on this line, which looks empty",
            (0, _) => "starts this line",
            _ => "is in this line's indentation",
        };
        let help = if spaces(mark) {
            format!("indent with ordinary spaces: it comes with text pasted from {from}")
        } else {
            format!("remove it: it comes with text pasted from {from}")
        };
        found.push(named(at + i, mark.len_utf8(), format!("{name} {place}"), help));
        // (A space of typography is one column, as it shows; the rest none.)
        let kept: String = body[..lead].chars().filter_map(|c| (c == ' ' || spaces(c)).then_some(' ')).collect();
        Some(format!("{kept}{}{}", &body[lead..], " ".repeat(lead - kept.len())))
    });
    (!found.is_empty()).then_some((out, found))
}

/// Each byte order mark (U+FEFF) inside a line, past its indentation: YAML refuses the first
/// and reads no further (text46a F46a-8: one of three named, with no help). Each is named,
/// and read as a word joiner (U+2060, as long in UTF-8), which prints nothing either.
fn inner_byte_order_marks(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    let found: Vec<Diagnostic> = text
        .match_indices('\u{FEFF}')
        .map(|(at, mark)| {
            let help = "remove it: it comes with text pasted from another file (if it was meant to keep the words \
                        on either side of it on one line, a word joiner, U+2060, does that)";
            named(at, mark.len(), "an invisible byte order mark (U+FEFF) is inside this line".into(), help.into())
        })
        .collect();
    (!found.is_empty()).then(|| (text.replace('\u{FEFF}', "\u{2060}"), found))
}

/// `text` with each line (its start, and its text without its line end) replaced by what
/// `mended` gives for it, if anything.
pub(super) fn mend_lines(text: &str, mut mended: impl FnMut(usize, &str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        match mended(at, body) {
            Some(new) => {
                out.push_str(&new);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
        at += line.len();
    }
    out
}

/// Which of the lines read one by one are text, not structure: the lines of a block scalar
/// (`body: |`), and those a quoted or plain value wraps onto (text40a F40a-3, F40a-4: a
/// `{ja：…}` or `fax：` in them was "mended" as YAML, though YAML reads them as text).
#[derive(Default)]
pub(super) struct TextLines(pub(super) Wrap);

/// What the line before has left open.
#[derive(Default, Clone, PartialEq)]
pub(super) enum Wrap {
    #[default]
    None,
    /// A block scalar's text: the column past which its lines run.
    Block(usize),
    /// A quoted value not yet closed: its quote.
    Quoted(char),
    /// A plain value: the column of its key or item, past which it wraps.
    /// and its key (`""` for an item's).
    Plain(usize, String),
}

impl TextLines {
    /// Where `line`, the next line, is: in the text of the block opened above it, inside a
    /// quoted value, on a plain value's wrapped line, or (`Wrap::None`) in the structure;
    /// there, what it leaves open for the lines after it.
    pub(super) fn holds(&mut self, line: &str) -> Wrap {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let held = match &self.0 {
            Wrap::Block(column) | Wrap::Plain(column, _) if line.trim().is_empty() || spaces > *column => {
                self.0.clone()
            }
            &Wrap::Quoted(quote) => {
                if closes(line, quote).is_some() {
                    self.0 = Wrap::None;
                }
                return Wrap::Quoted(quote);
            }
            _ => Wrap::None,
        };
        if held == Wrap::None {
            self.0 = match opens_block(line) {
                Some(column) => Wrap::Block(column),
                None => opens_wrap(line),
            };
        }
        held
    }
}

/// What a structure line leaves open: a quoted value it does not close, or a plain value that
/// may wrap onto the lines below.
fn opens_wrap(line: &str) -> Wrap {
    let body = line.trim_end_matches(['\n', '\r']);
    let mut rest = body.trim_start_matches(' ');
    let mut column = body.len() - rest.len();
    let mut item = false;
    while let Some(after) = rest.strip_prefix("- ") {
        let after = after.trim_start_matches(' ');
        column += rest.len() - after.len();
        (rest, item) = (after, true);
    }
    let key = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-').len();
    let value = match rest[key..].strip_prefix(':') {
        Some(v) if key > 0 && (v.is_empty() || v.starts_with([' ', '\t'])) => v.trim_start_matches([' ', '\t']),
        _ if item => rest,
        _ => return Wrap::None,
    };
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => match closes(&value[1..], q) {
            Some(_) => Wrap::None,
            None => Wrap::Quoted(q),
        },
        Some(c) if !"|>{[&*!#%@`".contains(c) => {
            Wrap::Plain(column, if item && key == 0 { String::new() } else { rest[..key].to_string() })
        }
        _ => Wrap::None,
    }
}

/// Where in `text` the quoted value it is inside closes with `quote` (`\"` and `''` are
/// written in it).
pub(super) fn closes(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(i),
            _ => {}
        }
    }
    None
}

/// Where a line that opens a block scalar (`body: |`, `- >-`, `body：　|`) has its key or
/// item: its lines run past that column. `None` for other lines.
fn opens_block(line: &str) -> Option<usize> {
    let text = line.split(" #").next().unwrap_or(line).trim_end();
    let indicator = text.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
    let before = indicator.strip_suffix(['|', '>'])?;
    if !(before.ends_with([' ', ':', WIDE_SPACE, WIDE_COLON]) || before.trim().is_empty()) {
        return None;
    }
    let content = line.trim_start_matches([' ', WIDE_SPACE, NO_BREAK_SPACE]);
    let item = content.len() - content.trim_start_matches(['-', WIDE_DASH, ' ', WIDE_SPACE]).len();
    Some(line.len() - content.len() + item)
}

/// The full-width and no-break slips of [`mend`].
fn mend_wide(text: &str, is_key: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains([WIDE_SPACE, WIDE_COLON, NO_BREAK_SPACE]) && !item_marks::may_hold(text) {
        return None;
    }
    let mut found = Vec::new();
    // The lines of a block scalar (`body: |`) are text, where a full-width space is a
    // character typed (`- ok　done`), not a slip; so are a quoted value's wrapped lines, and a
    // plain one's but for a key some mapping holds.
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let held = lines.holds(body);
        if matches!(held, Wrap::Block(_) | Wrap::Quoted(_)) {
            return None;
        }
        let lead = body.len() - body.trim_start_matches([' ', WIDE_SPACE, NO_BREAK_SPACE]).len();
        let rest = &body[lead..];
        // `－ title:`, `-　title:`, `* title:`: a list item's dash or its space mistyped.
        let wide_dash = item_marks::typed_for_hyphen(rest);
        let item = rest.starts_with("- ") || wide_dash.is_some();
        let content = match wide_dash {
            Some(dash) => &rest[dash.len()..],
            None if item => rest[2..].trim_start_matches(' '),
            None => rest,
        };
        let key_len =
            content.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(content.len());
        let after_key = &content[key_len..];
        // (Keys are lower case: `AI　政策` in a text is text.)
        let keyed = key_len > 0
            && content.as_bytes()[0].is_ascii_lowercase()
            && !content[..key_len].bytes().any(|b| b.is_ascii_uppercase());
        if matches!(&held, Wrap::Plain(_, holder) if !(keyed && is_key(&content[..key_len], holder))) {
            return None;
        }
        let wide_after = keyed && after_key.starts_with([WIDE_COLON, WIDE_SPACE]);
        // `title:　Results`, `title:\u{A0}Results`: the colon typed, the space after it not.
        let odd_space = after_key.strip_prefix(':').and_then(|a| a.chars().next()).filter(|_| keyed);
        let odd_space = odd_space.filter(|&c| c == WIDE_SPACE || c == NO_BREAK_SPACE);
        let opens =
            keyed && (after_key.starts_with(": ") || after_key == ":" || wide_after || odd_space.is_some()) || item;
        let wide_lead = body[..lead].contains([WIDE_SPACE, NO_BREAK_SPACE]) && opens;
        // (A look-alike dash starts an item only before a key and its colon: a line of text
        // may start with a dash, `– according to both sides –`; text38a F38a-1.)
        let real_key = after_key.starts_with([':', WIDE_COLON]);
        let wide_dash = wide_dash.filter(|d| keyed && (real_key || d.starts_with([WIDE_DASH, '-'])));
        if !wide_lead && !wide_after && wide_dash.is_none() && odd_space.is_none() {
            return None;
        }
        let mut mended = String::with_capacity(body.len());
        let mut pad = 0;
        if wide_lead {
            let (error, spaces, fewer) = indent_slip(at, &body[..lead]);
            found.push(error);
            mended.push_str(&spaces);
            pad += fewer;
        } else {
            mended.push_str(&body[..lead]);
        }
        let key_end = lead + (rest.len() - content.len()) + key_len;
        match wide_dash {
            Some(dash) => {
                let (message, help) = item_marks::named(dash);
                found.push(named(at + lead, dash.len(), message, help));
                mended.push_str("- ");
                pad += dash.len() - 2;
                mended.push_str(&body[lead + dash.len()..key_end]);
            }
            None => mended.push_str(&body[lead..key_end]),
        }
        if wide_after {
            let wide = after_key.chars().next().unwrap_or(WIDE_COLON);
            let place = at + key_end;
            let key = &content[..key_len];
            let message = if wide == WIDE_COLON {
                format!("a full-width colon `：` after `{key}`, where YAML needs `:`")
            } else {
                format!("a full-width space after `{key}`, where YAML needs `: `")
            };
            found.push(named(place, wide.len_utf8(), message, format!("write `{key}: ` with the Japanese input off")));
            // Three bytes: the colon and two spaces.
            mended.push_str(":  ");
            mended.push_str(&body[key_end + wide.len_utf8()..]);
        } else if let Some(odd) = odd_space {
            let key = &content[..key_len];
            let place = at + key_end + 1;
            let (kind, help) = if odd == WIDE_SPACE {
                ("a full-width space", "with the Japanese input off")
            } else {
                ("a no-break space (U+00A0)", "an ordinary one")
            };
            let message = format!("{kind} after `{key}:`, where YAML needs an ordinary space");
            found.push(named(place, odd.len_utf8(), message, format!("type the space after `{key}:` {help}")));
            mended.push(':');
            mended.push_str(&" ".repeat(odd.len_utf8()));
            mended.push_str(&body[key_end + 1 + odd.len_utf8()..]);
        } else {
            mended.push_str(&body[key_end..]);
        }
        mended.push_str(&" ".repeat(pad));
        Some(mended)
    });
    (!found.is_empty()).then_some((out, found))
}

/// The error for a line's indentation `lead`, at `at`, that holds a full-width or no-break
/// space; the indentation in spaces, as wide as it shows (two columns for a full-width space,
/// one for a no-break one); and how many bytes fewer that is, to pad the line with.
pub(super) fn indent_slip(at: usize, lead: &str) -> (Diagnostic, String, usize) {
    let (i, c) = lead.char_indices().find(|&(_, c)| c != ' ').unwrap_or((0, WIDE_SPACE));
    let (message, help) = if c == WIDE_SPACE {
        ("a full-width space (U+3000)", "turn the Japanese input off for the indentation")
    } else {
        ("a no-break space (U+00A0)", "retype the indentation")
    };
    let error = named(
        at + i,
        c.len_utf8(),
        format!("{message} where YAML allows only spaces"),
        format!("indent with ordinary spaces: {help}"),
    );
    let mut spaces = String::with_capacity(lead.len());
    for c in lead.chars() {
        match c {
            WIDE_SPACE => spaces.push_str("  "),
            NO_BREAK_SPACE => spaces.push(' '),
            c => spaces.push(c),
        }
    }
    let fewer = lead.len() - spaces.len();
    (error, spaces, fewer)
}

/// The error for the `len` bytes typed at `at`.
pub(super) fn named(at: usize, len: usize, message: String, help: String) -> Diagnostic {
    Diagnostic::new(Some(Span::new(at, at + len)), "", message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_key(key: &str, holder: &str) -> bool {
        crate::load::keys_of::<crate::model::RawBriefing>().beside(key, holder)
    }

    /// The text [`mend`] makes of `text`, and the messages of what it names.
    fn named_in(text: &str) -> (String, Vec<String>) {
        let (mended, found) = mend(text, &is_key).unwrap();
        (mended, found.into_iter().map(|d| d.message).collect())
    }

    #[test]
    fn full_width_marks_around_words_that_are_no_language_are_text() {
        // text36a F36a-2: `｛note：未定｝` was taken for a mapping, and so was `tel：` in a text.
        assert!(mend("title: ｛note：未定｝\ntopics:\n  - title: ｛ver:2｝\n", &is_key).is_none());
        let text = "lang: [en, ja]\ntitle: {en: T, ja: memo：未定、tel：03}\nsummary: ｛en: S， ja： す｝\n";
        let (mended, messages) = named_in(text);
        assert!(mended.starts_with("lang: [en, ja]\ntitle: {en: T, ja: memo：未定、tel：03}\n"), "{mended}");
        assert_eq!(messages.len(), 4, "{messages:?}");
    }

    #[test]
    fn a_look_alike_dash_for_an_items_hyphen_is_named_and_read_as_meant() {
        // text37a F37a-8: a word processor's en dash, a bullet, a dot glued to the key.
        let text = "topics:\n  – title: A\n  • title: B\n  ・title: C\n    body: |\n      – a dash in text\n";
        let (mended, found) = mend(text, &is_key).unwrap();
        assert_eq!(mended.len(), text.len());
        assert!(mended.starts_with("topics:\n  - title: A  \n  - title: B  \n  - title: C \n"), "{mended}");
        assert!(mended.ends_with("      – a dash in text\n"), "{mended}");
        // A line of text that starts with a dash is text (text38a F38a-1).
        assert!(mend("body: The plan\n  – according to both sides –\n  is sound.\n", &is_key).is_none());
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["`–` where YAML needs `- `", "`•` where YAML needs `- `", "a full-width `・` where YAML needs `- `"]
        );
    }

    #[test]
    fn full_width_indents_and_colons_are_named_and_read_as_meant() {
        let text = "contact:\n\u{3000}division：X\n  tel: \"1\"\ntitle　T\ntopics:\n  \u{FF0D} title: A\n  -\u{3000}title: B\n";
        let (mended, found) = mend(text, &is_key).unwrap();
        assert_eq!(mended.len(), text.len());
        assert_eq!(
            mended,
            "contact:\n  division:  X \n  tel: \"1\"\ntitle:  T\ntopics:\n  - title: A  \n  - title: B  \n"
        );
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "a full-width space (U+3000) where YAML allows only spaces",
                "a full-width colon `：` after `division`, where YAML needs `:`",
                "a full-width space after `title`, where YAML needs `: `",
                "a full-width `－` where YAML needs `- `",
                "a full-width space after `-` where YAML needs `- `",
            ]
        );
        assert_eq!(&text[found[1].span.unwrap().start..found[1].span.unwrap().end], "：");
        // A byte order mark starting a line, pasted in with another file.
        let text = "title: T\n\u{FEFF}contact:\n  tel: \"1\"\n";
        let (mended, found) = mend(text, &is_key).unwrap();
        assert_eq!(mended, "title: T\ncontact:   \n  tel: \"1\"\n");
        assert_eq!(found[0].span, Some(Span::new(9, 12)));
        // A line or paragraph separator pasted in: at a line's start, in its indentation, or
        // alone on it (text37a F37a-7: the errors fell on the lines after it).
        let text = "topics:\n\u{2028}  - title: A\n  \u{2029}  body: b\n\u{2029}\n";
        let (mended, messages) = named_in(text);
        assert_eq!(mended, "topics:\n  - title: A   \n    body: b   \n   \n");
        assert_eq!(
            messages,
            [
                "an invisible line separator (U+2028) starts this line",
                "an invisible paragraph separator (U+2029) is in this line's indentation",
                "an invisible paragraph separator (U+2029) is alone on this line, which looks empty",
            ]
        );
        // A space of typography in an indent is one column, a zero-width one none; in a block's
        // text they are text (text38a F38a-11).
        let text = "topics:\n \u{2003}- title: A\n\u{200B}  contact:\n    body: |\n      \u{2003}Indented.\n";
        let (mended, messages) = named_in(text);
        assert!(mended.starts_with("topics:\n  - title: A  \n  contact:   \n"), "{mended:?}");
        assert!(mended.ends_with("      \u{2003}Indented.\n"), "{mended:?}");
        assert_eq!(messages.len(), 2, "{messages:?}");
        // At a wrapped line of a text, plain or quoted, they are its text (text39a F39a-2).
        assert!(mend("summary: Section 1\n  \u{2003}follows here\ntitle: \"a\n  \u{200B}b\"\n", &is_key).is_none());
        // A no-break space indenting a key is one column; after a colon it is the space.
        let text = "contact:\n \u{A0}tel:\u{A0}\"1\"\n  fax:\u{3000}\"2\"\n";
        let (mended, messages) = named_in(text);
        assert_eq!(mended, "contact:\n  tel:  \"1\" \n  fax:   \"2\"\n");
        assert_eq!(
            messages,
            [
                "a no-break space (U+00A0) where YAML allows only spaces",
                "a no-break space (U+00A0) after `tel:`, where YAML needs an ordinary space",
                "a full-width space after `fax:`, where YAML needs an ordinary space",
            ]
        );
        // A Japanese paragraph's own indent, and full-width text in values, are text.
        for text in [
            "body: |\n  \u{3000}本ワークショップでは、\n  AI\u{3000}政策\n",
            "title: 結果：概要\n",
            "a: 日本\u{3000}語\n",
            "a: x\u{A0}y\n",
            // Lines of a block scalar are text: a lower-case word and a full-width space in
            // them is no key (text13 G3), whatever the block's indicator or its key's slip.
            "body: |\n  - ok\u{3000}done\n  note\u{3000}text\n\n  x\u{3000}y\n",
            "topics:\n  - title: X\n    body: >-\n      e-mail\u{3000}送付\n",
            "- body: |2 # text\n   ok\u{3000}了解\n",
        ] {
            assert!(mend(text, &is_key).is_none(), "{text}");
        }
        // text33a F33a-7: a full-width colon after a key inside a flow mapping; in a quoted
        // text, or after a word that is no key of one, it is text.
        let text = "title: {en: A, ja\u{FF1A} あ}\ncontact: {name: N,ja\u{FF1A}x}\n";
        let (mended, found) = mend(text, &is_key).unwrap();
        assert_eq!(mended, "title: {en: A, ja:   あ}\ncontact: {name: N,ja:  x}\n");
        assert_eq!(found.len(), 2);
        // text34a F34a-3: a full-width comma between items, and full-width braces.
        let text = "title: {en: A\u{FF0C} ja: x}\nbody: \u{FF5B}en: b\u{3001}ja\u{FF1A}y\u{FF5D}\n";
        let (mended, found) = mend(text, &is_key).unwrap();
        assert_eq!(mended, "title: {en: A,   ja: x}\nbody: {  en: b,  ja:  y  }\n");
        assert_eq!(found.len(), 5, "{found:?}");
        // text35a F35a-4: past a quote written twice (or escaped) and a `#` in a quoted text.
        let (_, found) = mend("title: {en: 'It''s #1', ja: x\u{FF0C} fr: y}\n", &is_key).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        let (_, found) = mend("title: {en: \"a \\\" #1\", ja\u{FF1A} x}\n", &is_key).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        // (Text in full-width brackets is text: `｛注｝`, `｛注：未定｝`; text35a F35a-3.)
        assert!(mend("title: \u{FF5B}注\u{FF5D}\ncontact: {ja: \u{FF5B}注\u{FF1A}未定\u{FF5D}}\n", &is_key).is_none());
        // (Commas of the text itself are text: `日本、欧州`.)
        assert!(mend("title: {en: A, ja: 日本\u{3001}欧州}\n", &is_key).is_none());
        for text in
            ["title: {en: \"{a, b\u{FF1A}c}\"}\n", "title: {en: 注\u{FF1A}x}\n", "title: {en: A} # {a, b\u{FF1A}c}\n"]
        {
            assert!(mend(text, &is_key).is_none(), "{text}");
        }
        // A block's text, and a quoted or plain value's wrapped lines, are text: YAML reads
        // them so (text40a F40a-3, F40a-4: each was "mended" into errors).
        for text in [
            "body: |\n  表記は {ja\u{FF1A}日本語\u{3001}en\u{FF1A}英語} のとおり。\n",
            "summary: \"総務省は、開催しました。\n  fax\u{FF1A}03-5253-5924（代表）まで。\"\n",
            "summary: '総務省は、\n  fax\u{FF1A}03'\n",
            "topics:\n  - title: AI\n    body: 詳細は\n      e-mail\u{FF1A}info@example.jp まで。\n",
            "body: \"The agenda:\n  • data: flows;\n  – chips: supply.\"\n",
            "body: The agenda\n  • data: flows\n",
            // A key of another mapping than the wrapped value's (text41a F41a-3).
            "topics:\n  - title: 日程\n    body: 詳細は次のとおり。\n      date\u{FF1A}2025年11月5日\n",
            "topics:\n  - title: 担当\n    body: 担当者まで。\n      name\u{FF1A}山田\n",
        ] {
            assert!(mend(text, &is_key).is_none(), "{text}");
        }
        // A key some mapping holds, on a plain value's wrapped line, is still named; past a
        // quoted value's closing quote, the next key is structure again.
        let (_, messages) = named_in("contact:\n  name: X\n    tel\u{FF1A}03\n");
        assert_eq!(messages, ["a full-width colon `：` after `tel`, where YAML needs `:`"]);
        let (_, messages) = named_in("summary: \"a \\\" b\n  c\"\ntitle\u{FF1A}T\n");
        assert_eq!(messages, ["a full-width colon `：` after `title`, where YAML needs `:`"]);
        // A tab after a key's colon is the space YAML 1.2 allows there (text40a F40a-31): made
        // one, unnamed; in a value or a block's text it is text.
        let text = "name:\tN\n- title:\t\tA\ntitle: {en:\tC, ja:\tシー}\nnote: 'a:\tb'\nbody: |\n  x:\ty\ns: x y:\tz\n";
        let (mended, found) = mend(text, &is_key).unwrap();
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            mended,
            "name: N\n- title:  A\ntitle: {en: C, ja: シー}\nnote: 'a:\tb'\nbody: |\n  x:\ty\ns: x y:\tz\n"
        );
        // Past the block, a slip is named again.
        let (_, found) = mend("body: |\n  ok\u{3000}done\ntitle\u{3000}T\n", &is_key).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "a full-width space after `title`, where YAML needs `: `");
    }
}
