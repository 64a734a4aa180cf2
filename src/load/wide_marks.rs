//! A block's mark typed with the Japanese input on: `body: ｜－`, `＞－`, `｜２`, or `|－`
//! with the input switched on after the `|` (text45a F45a-1). YAML reads a full-width mark
//! as the start of a plain text, which prints it and joins the lines below into one, and a
//! `|` with a full-width sign after it as an error whose help quoted it. Named where it was
//! typed, and read as the mark meant (every offset kept), as [`super::block_spaces`] does
//! for the spaces after a mark.

use super::wide::{mend_lines, named, IsKey, TextLines, Wrap};
use crate::diag::Diagnostic;

/// A block's mark with a full-width character in it, after a key's colon: named, and made
/// the ASCII mark, spaces after it.
pub(super) fn mend(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(|c| wide(c).is_some()) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let found_here = wide_mark(text, at, body).map(|m| {
            let line = format!("{}{}{}", &body[..m.at], m.meant, " ".repeat(m.typed.len() - m.meant.len()));
            (format!("{line}{}", &body[m.at + m.typed.len()..]), m)
        });
        // (A line of a block's text or of a quoted value is text, whatever it holds.)
        let held = lines.holds(found_here.as_ref().map_or(body, |(line, _)| line));
        let (line, m) = found_here.filter(|_| held == Wrap::None)?;
        let wide: String = m.typed.chars().filter(|&c| wide(c).is_some()).collect();
        let (typed, key, meant) = (m.typed, m.key, &m.meant);
        let message = if wide == typed {
            format!(
                "the block's mark `{typed}` after `{key}:` is typed in full width, where YAML needs `{meant}`: as \
                 typed, it would be printed and the lines below joined into one"
            )
        } else {
            format!("the block's mark `{typed}` after `{key}:` has a full-width `{wide}`, where YAML needs `{meant}`")
        };
        let help = format!("write `{}: {}` with the Japanese input off", m.key, m.meant);
        found.push(named(at + m.at, m.typed.len(), message, help));
        Some(line)
    });
    (!found.is_empty()).then_some((out, found))
}

/// The ASCII sign a full-width one of a block's mark is typed for.
pub fn wide(c: char) -> Option<char> {
    match c {
        '\u{FF5C}' => Some('|'),
        '\u{FF1E}' => Some('>'),
        '\u{FF0D}' => Some('-'),
        '\u{FF0B}' => Some('+'),
        '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')),
        _ => None,
    }
}

/// A block's mark with a full-width sign in it.
struct WideMark<'a> {
    /// Where it starts in its line.
    at: usize,
    /// The key before it.
    key: &'a str,
    /// As typed, and as meant.
    typed: &'a str,
    meant: String,
}

/// The block's mark on `line` (at `start` in `text`) after a key's colon, typed with at least
/// one full-width sign and followed by nothing but a comment, if there is one.
fn wide_mark<'a>(text: &str, start: usize, line: &'a str) -> Option<WideMark<'a>> {
    let content = line.trim_start_matches(' ');
    let item = content.strip_prefix("- ").map_or(content, |c| c.trim_start_matches(' '));
    let (key, value) = item.split_once(": ")?;
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return None;
    }
    let value = value.trim_start_matches(' ');
    let typed = value.split(" #").next().unwrap_or(value).trim_end_matches([' ', '\u{3000}']);
    let ascii = |c: char| wide(c).unwrap_or(c);
    let mut signs = typed.chars().map(ascii);
    let mark = signs.next().filter(|c| matches!(c, '|' | '>'))?;
    let rest: String = signs.collect();
    let chomp = rest.chars().filter(|c| matches!(c, '-' | '+')).count();
    let digits = rest.chars().filter(|c| matches!(c, '1'..='9')).count();
    if !typed.contains(|c| wide(c).is_some())
        || rest.is_empty()
        || chomp > 1
        || digits > 1
        || chomp + digits < rest.chars().count()
    {
        return None;
    }
    // (A digit that is not how far the text below is indented past its key, `｜４` over text two
    // spaces in, would fail once half width: the mark is meant without it.)
    let column = line.len() - item.len();
    let deeper = text[start..].lines().skip(1).find(|l| !l.trim().is_empty());
    let indent = deeper.map(|l| l.len() - l.trim_start_matches(' ').len());
    let fits = |d: char| indent == d.to_digit(10).map(|d| column + d as usize);
    let meant: String = std::iter::once(mark).chain(rest.chars().filter(|&c| !c.is_ascii_digit() || fits(c))).collect();
    Some(WideMark { at: line.len() - value.len(), key, typed, meant })
}
