//! Invisible spaces around a block's text (`body: |`), pasted from a web page, a word
//! processor or e-mail, or typed with a Japanese input method on: after the `|` or `>`, where
//! YAML allows only spaces and a comment, and indenting the text's lines, where it allows only
//! spaces. YAML reads the mark as text, or ends the text early, and the error it gives names
//! neither (text42a F42a-1, F42a-2). Each is named where it was typed, and the text read as it
//! was meant (every offset kept), as [`super::wide`] does for the structure's lines. So is a
//! blank line of spaces above the text, deeper than it (text42a F42a-15).

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

/// Blank lines at the start of a block's text that hold more spaces than its first line is
/// indented (an editor's auto-indent): YAML takes the deepest for the text's indentation, and
/// then refuses the text's first line ("wrongly indented line"), the value read as empty
/// (text42a F42a-15). Each is named at its line, and read as an empty line: its spaces are
/// moved to the end of the line that opens the block, where YAML reads them as nothing.
pub(super) fn deep_blanks(text: &str, _: &IsKey<'_>) -> Option<(String, Vec<Diagnostic>)> {
    if !text.contains(" \n") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let body = |line: &str| line.trim_end_matches(['\n', '\r']).len();
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for line in &lines {
        starts.push(at);
        at += line.len();
    }
    let mut found = Vec::new();
    // (Spaces moved to the end of a line that opens a block, by line.)
    let mut moved: Vec<(usize, usize)> = Vec::new();
    let mut emptied = Vec::new();
    let mut held = TextLines::default();
    for (i, line) in lines.iter().enumerate() {
        if held.holds(&line[..body(line)]) != Wrap::None {
            continue;
        }
        let Wrap::Block(column) = held.0 else { continue };
        // (An indentation given with the mark, `|2`, is not taken from the lines.)
        let mark = line[..body(line)].split(" #").next().unwrap_or("").trim_end();
        if mark.trim_end_matches(['+', '-']).ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let blanks = lines[i + 1..].iter().take_while(|l| l[..body(l)].bytes().all(|b| b == b' ')).count();
        let Some(first) = lines.get(i + 1 + blanks) else { continue };
        let indent = first.len() - first.trim_start_matches(' ').len();
        if indent <= column || first[indent..].starts_with('\t') {
            continue;
        }
        for j in i + 1..i + 1 + blanks {
            let spaces = body(lines[j]);
            if spaces > indent {
                let message = format!(
                    "this blank line holds {spaces} spaces, more than the text below it is indented ({indent}): \
                     YAML takes them for the text's indentation"
                );
                let help = "delete the spaces on this line (or the line)".to_string();
                found.push(named(starts[j], spaces, message, help));
                moved.push((i, spaces));
                emptied.push(j);
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let end = if emptied.contains(&i) { 0 } else { body(line) };
        out.push_str(&line[..end]);
        out.extend(moved.iter().filter(|&&(at, _)| at == i).map(|&(_, n)| " ".repeat(n)));
        out.push_str(&line[body(line)..]);
    }
    Some((out, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_line_deeper_than_the_text_below_is_named_and_read_as_empty() {
        // text42a F42a-15.
        let text = "body: |\n      \n  Text.\nnote: |\n    \n\n  Text.\nmore: |4\n      \n    Text.\n";
        let (mended, found) = deep_blanks(text, &|_, _| false).unwrap();
        assert_eq!(mended.len(), text.len());
        assert!(mended.starts_with("body: |      \n\n  Text.\nnote: |    \n\n\n  Text.\n"), "{mended:?}");
        assert!(mended.ends_with("more: |4\n      \n    Text.\n"), "{mended:?}");
        let lines: Vec<usize> = found.iter().map(|d| d.span.unwrap().start).collect();
        assert_eq!(lines, [8, 31]);
        // Blank lines no deeper than the text are the text's.
        assert!(deep_blanks("body: |\n  \n  Text.\n   \n  More.\n", &|_, _| false).is_none());
    }
}
