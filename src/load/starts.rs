//! Values that start with a character YAML reserves: `title: @EU`, `body: *Important*: …`,
//! `body: | Both sides`, `body: >90 %`, and `title: [Draft] Results`, which YAML reads as a
//! list and then finds more text. Each is named at its first character, with the value
//! quoted as the help, or where it goes instead.

use super::around::{closing_bracket, quoted_pair, reserved_start, value_at};
use crate::diag::{Diagnostic, Span};

fn at(span: Span, message: String, help: String) -> Option<Diagnostic> {
    Some(Diagnostic::new(Some(span), "", message).with_help(help))
}

/// A value written as `[…]` or `{…}` with text after it, for the parser's `info` at `span`.
pub(super) fn bracketed(text: &str, span: Span, info: &str) -> Option<Diagnostic> {
    let start = span.start;
    // `title: [Draft] Results`: YAML reads `[Draft]` as a list, then finds more text.
    if info == "while parsing a block mapping, did not find expected key" {
        if let Some((key, value)) = value_at(text, start).filter(|(_, v)| v.starts_with(['[', '{'])) {
            let first = &value[..1];
            let kind = if first == "[" { "a list" } else { "a mapping" };
            // (A full-width `，` or `。` typed after the `}`: the mark is the slip, not the
            // value; quoted, the value was printed as `{en: b, ja: い}，`; text35a F35a-2.)
            let open = value.as_ptr() as usize - text.as_ptr() as usize;
            // (After a space too, and a full-width space alone: text36a F36a-3, F36a-10.)
            let rest = |close: usize| {
                let line = text[close..].split('\n').next().unwrap_or("");
                line.split(" #").next().unwrap_or(line).trim_end_matches(['\r', ' '])
            };
            let after = closing_bracket(text, open).map(|close| (close, rest(close)));
            // (Marks only: `{速報}会議の結果` is text, to be quoted; text36a F36a-4.)
            let mark = |c: char| crate::script::is_japanese(c) && !c.is_alphanumeric();
            let japanese = |m: &str| !m.is_empty() && m.chars().all(mark);
            if let Some((close, marks)) = after.filter(|(_, m)| japanese(m.trim_start_matches(' '))) {
                let mark = close + marks.len() - marks.trim_start_matches(' ').len();
                let marks = marks.trim_start_matches(' ');
                return at(
                    Span::new(mark, mark + marks.len()),
                    format!("`{marks}` after the `{}` that ends the value of `{key}`", &text[close - 1..close]),
                    format!("remove it: a value written as `{first}…{}` ends there", &text[close - 1..close]),
                );
            }
            return at(
                span,
                format!("text after the value of `{key}`, which YAML reads as {kind}"),
                format!("a value that starts with `{first}` must be quoted: {}", quoted_pair(key, value)),
            );
        }
    }
    None
}

/// A value that starts with a character YAML reserves, around byte `start`.
pub(super) fn reserved(text: &str, start: usize) -> Option<Diagnostic> {
    // `title: @EU`, `body: *Important*: …`, `body: | Both sides`: a value that starts with a
    // character YAML reserves.
    if let Some((key, value_start, value)) = reserved_start(text, start) {
        let first = &value[..1];
        // (`>90 % of households`, `|x|`: text glued to the mark is text, not a block's
        // indicator; the help that moved it below dropped the `>`, text40a F40a-19.)
        let glued = value[1..].split(char::is_whitespace).next().unwrap_or("");
        let indicator = glued.len() <= 2 && glued.chars().all(|c| matches!(c, '1'..='9' | '+' | '-'));
        // (Nor is a number after a `>`, glued to what looks like an indicator or a space
        // away: `>5 years`, `>-5 °C`, `> 90 %`; text41a F41a-1.)
        let text_follows = !value[1 + glued.len()..].trim().is_empty();
        let more_than = first == ">"
            && (glued.contains(|c: char| c.is_ascii_digit()) && text_follows
                || value[1..].trim_start().starts_with(|c: char| c.is_ascii_digit()));
        // (`body: ||`, `body: |#todo`, the text indented below: a doubled mark, or a comment
        // without its space. The block was meant; quoted, its text below was lost; text42a
        // F42a-1.)
        let mark = &value[..value.len()
            - value[1..].trim_start_matches(['+', '-', '1', '2', '3', '4', '5', '6', '7', '8', '9']).len()];
        let after = &value[mark.len()..];
        if matches!(first, "|" | ">") && !more_than && indented_below(text, key) {
            let at_after = value_start + mark.len();
            if !after.is_empty() && after.chars().all(|c| matches!(c, '|' | '>' | '+' | '-' | '1'..='9')) {
                return at(
                    Span::new(at_after, at_after + after.len()),
                    format!("`{after}` after `{key}: {mark}`: a block has one mark"),
                    format!("delete it: `{key}: {mark}`, and the text on the lines below"),
                );
            }
            if after.starts_with('#') {
                return at(
                    Span::new(at_after, at_after + 1),
                    format!("this `#` right after `{mark}` does not start a comment"),
                    format!("write a space before it: `{key}: {mark} {after}`"),
                );
            }
        }
        let (message, help) = match first {
            "|" | ">" if !indicator || more_than => (
                format!("a value that starts with `{first}` must be quoted"),
                format!(
                    "YAML reads `{first}` at the start of a value as a block's mark; write {}",
                    quoted_pair(key, value)
                ),
            ),
            // (With its `-`, `+` or indent: `>-` stays `>-`.)
            "|" | ">" => (
                format!("the text after `{key}: {mark}` must start on the next line"),
                format!(
                    "write `{key}: {mark}` alone, and the text on the lines below it, indented further than `{key}`"
                ),
            ),
            "-" => (
                format!("a list in the value of `{key}` must start on the next line"),
                format!("write `{key}: |`, and each `- ` item on a line of its own below it, indented"),
            ),
            _ => {
                let shown = if first == "`" { "`` ` ``".to_string() } else { format!("`{first}`") };
                (
                    format!("a value that starts with {shown} must be quoted"),
                    format!("YAML reserves {shown} at the start of a value; write {}", quoted_pair(key, value)),
                )
            }
        };
        return at(Span::new(value_start, value_start + 1), message, help);
    }
    None
}

/// Whether the first line below `key`'s, but for blank ones, is indented further than `key`:
/// a block's text, as the writer of `key: |…` meant it.
fn indented_below(text: &str, key: &str) -> bool {
    let key_at = key.as_ptr() as usize - text.as_ptr() as usize;
    let column = key_at - text[..key_at].rfind('\n').map_or(0, |i| i + 1);
    let Some(end) = text[key_at..].find('\n') else { return false };
    let next = text[key_at + end + 1..].split('\n').map(|l| l.trim_end_matches('\r')).find(|l| !l.trim().is_empty());
    next.is_some_and(|l| l.len() - l.trim_start_matches(' ').len() > column)
}
