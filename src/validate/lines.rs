//! A Markdown text's lines as typed, against what they print: a note typed as a `#` line,
//! which is a heading; a heading with nothing under it; a pipe table without its `|---|` line.

use super::Checker;
use crate::diag::Diagnostic;
use crate::load::Spanned;
use crate::markdown::{Slip, SlipKind};

impl Checker<'_> {
    /// Reports each line of a Markdown text that prints other than it was most likely meant
    /// (see [`Slip`]), at its place.
    pub(super) fn slips(&mut self, field: &Spanned<String>, path: &str, slips: Vec<Slip>) {
        if self.known.replaced.contains(&field.span) {
            return;
        }
        let key = path.rsplit('.').next().unwrap_or(path);
        let not_a_comment = "a `#` line inside a `|` text is a heading in the briefing, not a comment";
        for slip in slips {
            let shown: String = slip.written.chars().take(60).collect();
            let (message, help) = match slip.kind {
                SlipKind::Note => (
                    format!("`{shown}` is printed as a heading: {not_a_comment}"),
                    format!(
                        "move the note out of the text: a YAML comment line goes outside the block, indented no \
                         further than `{key}:`"
                    ),
                ),
                SlipKind::HeadingLast | SlipKind::HeadingThenHeading => {
                    let why = if slip.kind == SlipKind::HeadingLast {
                        "it ends the text"
                    } else {
                        "the next heading is of the same or a higher level"
                    };
                    let help = if slip.written.starts_with('#') {
                        format!("write its text under it, or remove the line ({not_a_comment})")
                    } else {
                        "write its text under it; a line of `---` or `===` right under a line of text makes that \
                         text a heading"
                            .to_string()
                    };
                    (format!("the heading `{shown}` has no text under it: {why}"), help)
                }
                SlipKind::TableWithoutRule => (
                    format!(
                        "`{shown}` and the rows under it are printed as one paragraph: a table needs a `|---|` line under its header row"
                    ),
                    "write a line such as `|---|---|` under the first row, one `---` for each column".to_string(),
                ),
            };
            let place = self.line_place(field, slip.line, &slip.written);
            self.diagnostics.push(Diagnostic::new(Some(place), path, message).with_help(help));
        }
    }
}
