//! Invisible spaces around a block's text (`body: |`), pasted from a web page, a word
//! processor or e-mail, or typed with a Japanese input method on: after the `|` or `>`, where
//! YAML allows only spaces and a comment, and indenting the text's lines, where it allows only
//! spaces. YAML reads the mark as text, or ends the text early, and the error it gives names
//! neither (text42a F42a-1, F42a-2). Each is named where it was typed, and the text read as it
//! was meant (every offset kept), as [`super::wide`] does for the structure's lines.

use super::wide::{indent_slip, mend_lines, named, IsKey, TextLines, Wrap, NO_BREAK_SPACE, WIDE_SPACE};
use crate::diag::Diagnostic;

/// An invisible character after a block's mark (`body: |` and a no-break, full-width or
/// zero-width space after it): named, and made spaces.
pub(super) fn after_marks(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(invisible) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    let out = mend_lines(text, |at, body| {
        let mended = after_mark(body);
        // (A line of a block's text or of a quoted value is text, whatever it holds.)
        let held = lines.holds(mended.as_ref().map_or(body, |m| &m.line));
        let m = mended.filter(|_| held == Wrap::None)?;
        let message = format!("{} after `{}`, where YAML allows only a comment or the line's end", name(m.c), m.mark);
        let help = format!("delete it: the text goes on the lines below `{}`", m.mark);
        found.push(named(at + m.at, m.c.len_utf8(), message, help));
        Some(m.line)
    });
    (!found.is_empty()).then_some((out, found))
}

/// Characters that show as a space or as nothing, and that YAML reads as text.
fn invisible(c: char) -> bool {
    matches!(c, NO_BREAK_SPACE | WIDE_SPACE | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{2000}'..='\u{200A}')
        || matches!(c, '\u{202F}' | '\u{205F}')
}

/// What an [`invisible`] character is called.
fn name(c: char) -> String {
    match c {
        NO_BREAK_SPACE => "a no-break space (U+00A0)".to_string(),
        WIDE_SPACE => "a full-width space (U+3000)".to_string(),
        '\u{200B}' => "an invisible zero-width space (U+200B)".to_string(),
        '\u{2060}' => "an invisible word joiner (U+2060)".to_string(),
        '\u{FEFF}' => "an invisible byte order mark (U+FEFF)".to_string(),
        c => format!("a typographic space (U+{:04X})", c as u32),
    }
}

/// A block's mark with [`invisible`] characters after it, on a line.
struct AfterMark<'a> {
    /// The line with each of them made spaces (as many bytes).
    line: String,
    /// Where the first is, in the line, and which it is.
    at: usize,
    c: char,
    /// The mark as typed: `|`, `>-`, `|2`.
    mark: &'a str,
}

/// The block's mark on `line` (after a key's colon, an item's dash, or alone) that only the
/// invisible characters after it keep from opening a block, if there is one.
fn after_mark(line: &str) -> Option<AfterMark<'_>> {
    let blank = |c: char| c == ' ' || c == '\t' || invisible(c);
    line.char_indices().filter(|&(_, c)| c == '|' || c == '>').find_map(|(p, _)| {
        let head = line[..p].trim_end_matches(blank);
        let spaced = head.len() < p;
        let head = head.trim_start_matches(' ');
        // (A quote before it: the mark is inside a quoted value.)
        let opens = head.is_empty() || spaced && (head.ends_with(':') || head == "-") && !head.contains(['"', '\'']);
        let after = &line[p + 1..];
        let from =
            p + 1 + after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-').len();
        let tail = line[from..].trim_start_matches(blank);
        let gap = &line[from..line.len() - tail.len()];
        let (i, c) = gap.char_indices().find(|&(_, c)| invisible(c))?;
        if !opens || !(tail.is_empty() || tail.starts_with('#')) {
            return None;
        }
        let spaces: String =
            gap.chars().map(|c| if invisible(c) { " ".repeat(c.len_utf8()) } else { c.to_string() }).collect();
        Some(AfterMark { line: format!("{}{spaces}{tail}", &line[..from]), at: from + i, c, mark: &line[p..from] })
    })
}

/// Lines of a block's text indented with no-break or full-width spaces, which YAML does not
/// read as its lines ("this text is indented no further than `body:`"): named as in any
/// indentation, and read as the text's lines, as wide as they show.
pub(super) fn indents(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains([NO_BREAK_SPACE, WIDE_SPACE]) {
        return None;
    }
    let mut found = Vec::new();
    let mut lines = TextLines::default();
    // (How far the open block's text is indented, once its first line says.)
    let mut indent = None;
    let out = mend_lines(text, |at, body| {
        if let Wrap::Block(column) = lines.0 {
            let needed = indent.unwrap_or(column + 1);
            let spaces = body.len() - body.trim_start_matches(' ').len();
            let lead = body.len() - body.trim_start_matches([' ', NO_BREAK_SPACE, WIDE_SPACE]).len();
            let width: usize = body[..lead].chars().map(|c| if c == WIDE_SPACE { 2 } else { 1 }).sum();
            // (Deep enough as it shows, or a line that looks empty: YAML ends the text there.)
            if spaces < needed && lead > spaces && (width >= needed || lead == body.len()) {
                let (error, spaces, fewer) = indent_slip(at, &body[..lead]);
                found.push(error);
                if lead < body.len() {
                    indent = indent.or(Some(width));
                }
                return Some(format!("{spaces}{}{}", &body[lead..], " ".repeat(fewer)));
            }
        }
        match lines.holds(body) {
            Wrap::Block(_) if !body.trim().is_empty() => {
                indent = indent.or(Some(body.len() - body.trim_start_matches(' ').len()));
            }
            Wrap::Block(_) => {}
            _ => indent = None,
        }
        None
    });
    (!found.is_empty()).then_some((out, found))
}
