//! What YAML reads before a value and keeps out of its text: a tag (`!note`) and an anchor
//! (`&c.`, a name for the value that a `*c.` repeats). A writer who typed either by chance
//! loses it from the text without a word; these rules name it.

use super::around::double_quoted;
use super::tree::Style;
use crate::diag::{Diagnostic, Span};

/// A tag other than the core schema's (`!!str`, `!!int`, …) means something to some other
/// program: taking the value without it would drop what the writer meant, silently.
pub(super) fn unknown_tag(tag: Option<&saphyr_parser::Tag>, span: Span) -> Option<Diagnostic> {
    let tag = tag?;
    let core = ["str", "int", "float", "bool", "null", "seq", "map"];
    if tag.is_yaml_core_schema() && core.contains(&tag.suffix.as_str()) {
        return None;
    }
    let shown = if tag.is_yaml_core_schema() { format!("!!{}", tag.suffix) } else { tag.to_string() };
    Some(
        Diagnostic::new(Some(span), "", format!("unknown YAML tag `{shown}`: briefing takes plain values"))
            .with_help("remove the tag, or quote the value if it starts with `!`"),
    )
}

/// Where the anchor of the scalar whose span starts at `start` begins (the parser's span starts
/// at it; a block's, at its `|`, after it): the `&` on its line after a space, a bracket or a
/// comma (`&R&D funding` is the anchor `R&D`, then `funding`).
pub(super) fn anchor_before(text: &str, start: usize) -> Option<usize> {
    let line = super::lines::line_start(text, start);
    let bytes = text.as_bytes();
    (line..=start.min(text.len().saturating_sub(1))).rev().find(|&i| {
        bytes[i] == b'&' && (i == line || matches!(bytes[i - 1], b' ' | b'\t' | b'[' | b'{' | b',' | b'-' | b':'))
    })
}

/// A text value's anchor that no alias repeats (`title: &c. other matters`, printed "other
/// matters"; text37a F37a-1): never what the writer meant. The anchor starts at `amp`, the
/// value, of `style`, spans `value`.
pub(super) fn unused_anchor(text: &str, amp: usize, value: Span, style: Style) -> Diagnostic {
    let name_end = text[amp..].find(char::is_whitespace).map_or(text.len(), |i| amp + i);
    let anchor = &text[amp..name_end];
    let message = format!("`{anchor}` before this value is read as a YAML anchor, and dropped from the text");
    let typed = text[amp..value.end.max(name_end)].trim_end();
    let help = match style {
        Style::Plain if super::around::fits_help(typed) => {
            format!("put the value in quotes to keep `{anchor}`: \"{}\"", double_quoted(typed))
        }
        Style::Plain => format!("put the whole value in quotes to keep `{anchor}`"),
        Style::Quoted => format!("move `{anchor}` inside the quotes to keep it, or remove it"),
        Style::Block => format!("move `{anchor}` into the text below to keep it, or remove it"),
    };
    Diagnostic::new(Some(Span::new(amp, name_end)), "", message).with_help(help)
}
