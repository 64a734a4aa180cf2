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

/// The notes in `source`, a field's text as typed: their offsets in it, in order; at most
/// one of each line.
fn notes(source: &str) -> Vec<(usize, Note)> {
    let block = source.starts_with(['|', '>']);
    let mut found = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let start = at;
        at += line.len();
        // (Not inside a code span: an even number of backticks before it.)
        let outside_code = |i: usize| line[..i].matches('`').count() % 2 == 0;
        if let Some(i) = line.find("<!--").filter(|&i| outside_code(i) && source[start + i..].contains("-->")) {
            found.push((start + i, Note::Html));
            continue;
        }
        let content = line.trim_start();
        if !block || start == 0 || content.starts_with('#') {
            continue;
        }
        let hash = line.match_indices(" #").map(|(i, _)| i + 1).find(|&i| {
            let after = &line[i + 1..];
            let before = &line[..i];
            (before.ends_with("  ") || before.ends_with('\t'))
                && !before.trim().is_empty()
                && (after.starts_with([' ', '\t', '\r', '\n']) || after.is_empty())
                && outside_code(i)
        });
        if let Some(i) = hash {
            found.push((start + i, Note::Hash));
        }
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
        for (at, note) in notes(source) {
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
        let found: Vec<(&str, Note)> = notes(text).into_iter().map(|(at, n)| (&text[at..at + 4], n)).collect();
        assert_eq!(found, [("# TO", Note::Hash), ("<!--", Note::Html)]);
        // A plain or quoted value: ` # …` is YAML's comment there, or typed on purpose.
        assert!(notes("\"Agreed.   # TODO\"").is_empty());
    }
}
