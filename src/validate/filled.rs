//! The lines a briefing's Markdown fills, each text counted in the width of its column: a
//! long word in a narrow column (a table of many columns, a list nested deep) takes a line for
//! every few of its letters, and the briefing may fill only so many (text45a F45a-20).

use super::Checker;
use crate::diag::{Diagnostic, Span};
use crate::markdown::{Block, Inline};

/// The most lines the Markdown of one briefing may fill, each text counted in the width of
/// its column (see [`fill`]): about 4,000 pages of 50 lines. A long word takes a line for every few of its
/// letters in a narrow column, and each line is set, drawn and tagged: a 20-column table of
/// 160-letter words (1.47 MB, within the other limits) filled 1,351 pages and took 15 s and
/// 1.1 GB to build, a 4 MB word in a list nested 31 deep 16,080 pages, 13 s and 1.1 GB
/// (text45a F45a-20). A line of a table's cell counts half: a row's cells are set on one line
/// of the page, and cost a third as much each (25,000 cells of 75 letters in 20 columns,
/// 950,000 lines of cells: 10 s and 750 MB; 100,000 lines of a deep list: 275 MB). At full
/// width, 4 MiB of prose fills about 80,000.
pub(super) const MAX_FILLED_LINES: usize = 200_000;

/// Characters of a line of body text at full width (A4 in the default template: about 70,
/// each half an em; a Japanese character is two).
const LINE_CHARS: f32 = 70.0;

/// Characters a level of list or quote takes from its line (the 16 pt list indent).
const LEVEL_CHARS: f32 = 3.0;

/// Characters the deepest lists and quotes keep (the theme's `MIN_INDENTED`: layout keeps
/// them that room).
const NARROWEST: f32 = 10.0;

/// Characters a table cell's padding takes from its column.
const CELL_PAD_CHARS: f32 = 1.5;

/// The lines Markdown fills (see [`MAX_FILLED_LINES`]), in halves (a table cell's line is
/// one), and the piece that fills the most: its lines, its longest word and the characters a
/// line of its column holds.
#[derive(Default)]
struct Filled<'a> {
    halves: usize,
    tallest: Option<(usize, &'a str, usize)>,
}

impl<'a> Filled<'a> {
    /// Counts one piece (a paragraph, a table cell, a line of code) of `texts`, set in a
    /// column of `measure` characters, each line `halves` half-lines.
    fn piece(&mut self, texts: impl Iterator<Item = &'a str>, measure: f32, halves: usize) {
        use unicode_width::UnicodeWidthChar;
        let measure = measure.floor().max(1.0) as usize;
        let (mut width, mut longest) = (0, "");
        for text in texts {
            width += text.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
            if let Some(word) = text.split_whitespace().max_by_key(|w| w.len()).filter(|w| w.len() > longest.len()) {
                longest = word;
            }
        }
        let lines = width.div_ceil(measure);
        self.halves += lines * halves;
        if self.tallest.is_none_or(|(most, ..)| lines > most) {
            self.tallest = Some((lines, longest, measure));
        }
    }
}

/// Counts the lines `blocks` fill in a column of `measure` characters: each paragraph,
/// heading, table cell and line of code its characters over its column's (a list or quote
/// narrower by its indent, a table's columns each a share of the line).
fn fill<'a>(blocks: &'a [Block], measure: f32, filled: &mut Filled<'a>) {
    let inline_texts = |inlines: &'a [Inline]| inlines.iter().map(|i| i.text.as_str());
    let nested = (measure - LEVEL_CHARS).max(NARROWEST.min(measure));
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) | Block::MarkedCode(inlines) => {
                filled.piece(inline_texts(inlines), measure, 2)
            }
            Block::List { items, .. } => items.iter().for_each(|item| fill(item, nested, filled)),
            Block::Quote(inner) => fill(inner, nested, filled),
            Block::Table { header, rows, .. } => {
                let columns = rows.iter().map(Vec::len).chain([header.len(), 1]).max().unwrap_or(1);
                let column = measure / columns as f32 - CELL_PAD_CHARS;
                for cell in header.iter().chain(rows.iter().flatten()) {
                    filled.piece(inline_texts(cell), column, 1);
                }
            }
            Block::Code(lines) => {
                lines.iter().for_each(|line| filled.piece(std::iter::once(line.as_str()), measure, 2))
            }
            Block::Rule => {}
        }
    }
}

impl Checker<'_> {
    /// Adds the lines the Markdown `blocks` of a field fill (see [`MAX_FILLED_LINES`]) to the
    /// briefing's, and reports the field where they pass what one briefing may have, at the
    /// longest word of its tallest piece (a table's cell, a list's item).
    pub(super) fn filled(&mut self, blocks: &[Block], span: Span, path: &str) {
        let mut filled = Filled::default();
        fill(blocks, LINE_CHARS, &mut filled);
        let before = self.filled_halves;
        self.filled_halves += filled.halves;
        let total = self.filled_halves.div_ceil(2);
        let (Some((lines, word, measure)), true) =
            (filled.tallest, before <= 2 * MAX_FILLED_LINES && total > MAX_FILLED_LINES)
        else {
            return;
        };
        let shown: String = word.chars().take(30).collect();
        let more = if shown.len() < word.len() { "…" } else { "" };
        let message = format!(
            "the briefing's text fills {} lines here (about {} pages), more than the {MAX_FILLED_LINES} one \
             briefing may have: the text with `{shown}{more}` takes {lines} lines, {measure} characters to a line",
            total,
            total / 50
        );
        let help = "a long word or address takes a line for every few of its letters in a narrow column: give the \
                    table fewer columns or write its rows as a list, nest the list less deeply, or split the briefing";
        let place = self.place_of(&shown, span);
        self.diagnostics.push(Diagnostic::new(Some(place), path, message).with_help(help));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    /// text45a F45a-20: a long word takes a line for every few letters of a narrow column: a
    /// table's column its share of the line (a cell's line counting half), a deep list's 10
    /// characters; prose at full width 70.
    #[test]
    fn lines_are_counted_in_the_width_of_their_column() {
        let halves = |md: &str| {
            let blocks = markdown::parse_checked(md).0;
            let mut filled = Filled::default();
            fill(&blocks, LINE_CHARS, &mut filled);
            (filled.halves, filled.tallest.map(|(lines, word, measure)| (lines, word.to_string(), measure)))
        };
        assert_eq!(halves(&"word ".repeat(28)), (2 * 2, Some((2, "word".to_string(), 70))));
        let row = |cell: &str| format!("|{}\n", format!(" {cell} |").repeat(20));
        let table = format!("{}|{}\n{}", row("h"), "---|".repeat(20), row(&"W".repeat(160)));
        assert_eq!(halves(&table), (20 + 20 * 80, Some((80, "W".repeat(160), 2))));
        let deep: String = (0..31).map(|n| format!("{}- item\n", "  ".repeat(n))).collect::<String>()
            + &"  ".repeat(31)
            + "- "
            + &"W".repeat(1000);
        let (counted, tallest) = halves(&deep);
        assert_eq!((counted, tallest), (2 * (31 + 100), Some((100, "W".repeat(1000), 10))));
        assert_eq!(halves("日本語".repeat(35).as_str()).0, 2 * 3, "a Japanese character is two");
    }
}
