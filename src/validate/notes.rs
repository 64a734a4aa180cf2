//! Notes to the writers that a Markdown text would publish (text45a F45a-35): a ` # TODO`
//! at the end of a line of a `|` text, which YAML keeps as text there (outside a block it is a
//! comment), and an HTML comment, `<!-- … -->`, which a briefing prints as typed.

use super::Checker;
use crate::diag::Span;
use crate::load::Spanned;

/// What a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    /// ` # …` after two or more spaces at the end of a block text's line.
    Hash,
    /// `<!--` with a `-->` after it.
    Html,
}

/// The notes in `source`, a field's text as typed, in order, at most one a line (and none
/// inside an HTML comment): their offsets in it; and the bytes looked at to find them.
struct Found {
    notes: Vec<(usize, Note)>,
    /// The bytes read: one pass over the text, and a `-->` looked for once past each `<!--`
    /// that has one (the text skipped to it) or once to the end: at most about three times the
    /// text's length (text46a F46a-19: the rest of the text was searched at each `<!--`, and
    /// the line's backticks counted again at each `  #`; 13 s for 2.6 MB).
    work: usize,
}

/// [`Found`] in `source`, in one pass.
fn notes(source: &str) -> Found {
    let block = source.starts_with(['|', '>']);
    let mut found = Found { notes: Vec::new(), work: 0 };
    // The line's state: where it starts, whether it is the block's mark's, whether it is
    // inside a code span (an odd number of backticks before), has text, has a note.
    let mut line = 0;
    let mut first = true;
    let mut code = false;
    let mut text = false;
    let mut noted = false;
    let mut heading = false;
    // (Whether a `-->` may follow: once none does, none does for a later `<!--` either.)
    let mut closes = true;
    let mut at = 0;
    while let Some(c) = source[at..].chars().next() {
        let next = at + c.len_utf8();
        found.work += c.len_utf8();
        match c {
            '\n' => {
                (line, first, code, text, noted, heading) = (next, false, false, false, false, false);
            }
            '`' => code = !code,
            '<' if closes && !noted && !code && source[at..].starts_with("<!--") => {
                let Some(end) = source[at + 4..].find("-->") else {
                    found.work += source.len() - at - 4;
                    closes = false;
                    text = true;
                    at = next;
                    continue;
                };
                // (What the comment holds is its own: read on past it, on the line it ends.)
                let close = at + 4 + end + 3;
                found.work += 2 * (close - next);
                if let Some(i) = source[at..close].rfind('\n') {
                    (line, first, code) = (at + i + 1, false, false);
                }
                found.notes.push((at, Note::Html));
                (text, noted) = (true, true);
                at = close;
                continue;
            }
            '#' if block && !first && !noted && !heading && !code && text => {
                let before = &source[line..at];
                let after = &source[next..];
                if (before.ends_with("  ") || before.ends_with('\t'))
                    && (after.is_empty() || after.starts_with([' ', '\t', '\r', '\n']))
                {
                    found.notes.push((at, Note::Hash));
                    noted = true;
                }
            }
            // (A heading's line, `## Results  # x`, is not looked at for a `#`.)
            '#' if !text => heading = true,
            _ => {}
        }
        text |= !matches!(c, ' ' | '\t' | '\r' | '\n');
        at = next;
    }
    found
}

impl Checker<'_> {
    /// Reports each note in a Markdown field that would be printed, at its place.
    pub(super) fn published_notes(&mut self, field: &Spanned<String>, path: &str) {
        let source = self.file.text.get(field.span.start..field.span.end).unwrap_or("");
        if !source.contains("<!--") && !source.contains(" #") {
            return;
        }
        let key = path.rsplit('.').next().unwrap_or(path);
        for (at, note) in notes(source).notes {
            let start = field.span.start + at;
            let (span, message, help) = match note {
                Note::Hash => (
                    Span::new(start, start + 1),
                    "this `#` and what follows it are printed: inside a `|` text, YAML keeps them as text, not as a comment",
                    format!(
                        "move the note onto a YAML comment line outside the text (indented no further than `{key}:`), \
                         or write `\\#` to print the sign"
                    ),
                ),
                Note::Html => (
                    Span::new(start, start + 4),
                    "this HTML comment is printed as typed, not hidden",
                    "move the note into a YAML comment outside the text (a line starting with `#`)".to_string(),
                ),
            };
            self.report_with_help(span, path, message, Some(help));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_found_where_they_would_be_printed() {
        let text = "|\n  Both sides agreed.   # TODO check\n  Item # 5 and C# code.\n  See `a  # b`.\n  \
                    Agreed. <!-- internal -->\n  `<!-- x -->` is markup.\n  ## A heading\n";
        let found: Vec<(&str, Note)> = notes(text).notes.into_iter().map(|(at, n)| (&text[at..at + 4], n)).collect();
        assert_eq!(found, [("# TO", Note::Hash), ("<!--", Note::Html)]);
        // A plain or quoted value: ` # …` is YAML's comment there, or typed on purpose.
        assert!(notes("\"Agreed.   # TODO\"").notes.is_empty());
    }

    #[test]
    fn notes_are_found_in_one_pass() {
        // (text46a F46a-19: the rest of the text was searched for `-->` at each `<!--`, and a
        // line's backticks counted again at each `  #`.)
        let unclosed = format!("|\n{}", "  <!-- x\n".repeat(20_000));
        let after_backtick = format!("|\n  S.\n  a `code{}\n", "  # x".repeat(20_000));
        let closed_at_the_end = format!("|\n{}  -->\n", "  <!-- x `\n".repeat(20_000));
        for text in [unclosed, after_backtick, closed_at_the_end] {
            let found = notes(&text);
            assert!(found.work <= 3 * text.len(), "{} bytes read for {}", found.work, text.len());
        }
    }
}
