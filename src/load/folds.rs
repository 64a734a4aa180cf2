//! Japanese lines YAML folds: a plain, quoted or `>` value over several lines is one line to
//! YAML, each line break a space, and Japanese has no spaces between words (text43a F43a-25:
//! "欧州委員会と 会合を開催した。", where the writer broke a line). A line break between two
//! Japanese lines is dropped here, as a Markdown paragraph's is, whatever the value's style.

use super::tree::Style;
use crate::diag::Span;
use crate::script::is_japanese;

/// `value`, the text YAML read from the scalar at `span` of `text`, with the spaces its line
/// breaks became dropped between a Japanese line and the next (see
/// [`crate::script::joins_lines`]). Only where the value is the lines folded as YAML folds
/// them, which is checked: a value with escapes or lines indented further (kept as lines) is
/// left as YAML read it.
pub(super) fn japanese(text: &str, span: Span, style: Style, value: String) -> String {
    let source = text.get(span.start..span.end).unwrap_or("");
    if !source.contains('\n') || !value.chars().any(is_japanese) {
        return value;
    }
    let lines: Vec<&str> = match style {
        Style::Plain => source.split('\n').collect(),
        Style::Quoted if source.contains('\\') || source.contains("''") || source.len() < 2 => return value,
        Style::Quoted => source[1..source.len() - 1].split('\n').collect(),
        Style::Block if source.starts_with('>') => source.split('\n').skip(1).collect(),
        Style::Block => return value,
    };
    let body = value.trim_end_matches('\n');
    let tail = &value[body.len()..];
    let block = matches!(style, Style::Block);
    if fold(&lines, block, |_, _| false) != body {
        return value;
    }
    fold(&lines, block, crate::script::joins_lines) + tail
}

/// `lines` folded: each trimmed where YAML trims it (the first line's start kept in a quoted
/// text, a block's indentation dropped), one line break between two lines a space, or nothing
/// where `glued` says, and each empty line a line feed.
fn fold(lines: &[&str], block: bool, glued: impl Fn(&str, &str) -> bool) -> String {
    let mut out = String::new();
    let mut empty = 0;
    let mut first = true;
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim_end_matches('\r');
        let line = if i == 0 && !block { line } else { line.trim_start_matches([' ', '\t']) };
        let line = if i == last && !block { line } else { line.trim_end_matches([' ', '\t']) };
        if line.is_empty() {
            empty += usize::from(!first);
            continue;
        }
        if !first {
            if empty > 0 {
                out.extend(std::iter::repeat_n('\n', empty));
            } else if !glued(&out, line) {
                out.push(' ');
            }
        }
        empty = 0;
        first = false;
        out.push_str(line);
    }
    out
}
