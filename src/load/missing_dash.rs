//! A list item typed without its `- ` (a second topic's `title:` and `body:` under the first
//! one's): YAML reads its keys as the item above's, given twice.

use super::lines::{has_content, indent, key_on, line_at, line_read};
use crate::diag::{Diagnostic, Span};

/// A file's lines, read once for all the keys given twice in it: a list typed without any of
/// its dashes is one item whose keys are all given again, and each walking up over the lines
/// before it to its item's `- ` took 43 s for 8,000 topics (text45a F45a-6).
pub(super) struct Items<'t> {
    text: &'t str,
    /// The lines that are not blank, in order.
    lines: Vec<Line>,
}

struct Line {
    start: usize,
    /// The nearest line above that is indented less (an index into `lines`): for a key, the
    /// line of the item or key it is read under.
    under: Option<usize>,
    /// For a key line in a block of keys (indented two columns more than the line above them,
    /// lines of comments aside): whether a key line of the block below it gives a key again
    /// that one above it gives.
    again_below: bool,
}

impl<'t> Items<'t> {
    /// The lines of `text`, each with the line it is under, read in one pass down and one up.
    pub(super) fn of(text: &'t str) -> Items<'t> {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            line_read();
            if !line.trim().is_empty() {
                lines.push(Line { start, under: None, again_below: false });
            }
            start += line.len();
        }
        let mut items = Items { text, lines };
        // The line above that is indented less: the nearest line still open, of the lines
        // above, when those indented as much or more are closed. (The walk down a block, as
        // `missing_dash` reads it, passes over comment lines; the walk up does not.)
        let (mut open, mut open_content) = (Vec::new(), Vec::new());
        // For each line a block of keys' key lines are under, the first key line with each key.
        let mut block = Vec::new();
        let mut first = std::collections::HashMap::new();
        for k in 0..items.lines.len() {
            let line = items.line(k);
            let depth = indent(line);
            items.lines[k].under = under(&mut open, depth, k);
            if !has_content(line) {
                continue;
            }
            match under(&mut open_content, depth, k) {
                Some(above) if indent(items.line(above)) + 2 == depth => {
                    let key = key_on(line);
                    let first = key.map(|key| *first.entry((above, key)).or_insert(k));
                    block.push((k, above, first));
                }
                _ => {}
            }
        }
        // Up each block: whether a key line below gives again a key given above.
        let mut least_first = std::collections::HashMap::new();
        for &(k, above, first) in block.iter().rev() {
            let least = least_first.entry(above).or_insert(usize::MAX);
            items.lines[k].again_below = *least < k;
            *least = first.map_or(*least, |f| f.min(*least));
        }
        items
    }

    /// Line `k` (of the lines not blank), without its line break.
    fn line(&self, k: usize) -> &'t str {
        let from = self.lines[k].start;
        self.text[from..].split('\n').next().unwrap_or("").trim_end_matches('\r')
    }

    /// When the key `key` given twice at `key_at` is the first key of the list item it is read
    /// into (`- title: AI` … `  title: Data`), the start of a new item that lost its `- `: where
    /// the `- ` goes (two spaces to replace, every offset kept) and the error to show at the
    /// key (text44a F44a-12: two "duplicate key … remove one of them", whose fix deleted a
    /// topic).
    pub(super) fn missing_dash(&self, key_at: usize, key: &str) -> Option<(usize, Diagnostic)> {
        let (start, line) = line_at(self.text, key_at);
        let column = key_at - start;
        if column < 2 || indent(line) != column {
            return None;
        }
        // Up the item's lines (deeper, or its keys) to its `- `, two columns to the left.
        let k = self.lines.binary_search_by_key(&start, |l| l.start).ok()?;
        let item = self.lines[k].under?;
        let item_line = self.line(item);
        if indent(item_line) != column - 2 || !item_line[column - 2..].starts_with("- ") {
            return None;
        }
        if key_on(&item_line[column..]) != Some(key) {
            return None;
        }
        // (More of the item's keys given again below it, as a new item gives them: `title:`
        // given twice alone is a duplicate, as written.)
        if !self.lines[k].again_below {
            return None;
        }
        // The list's key, to name what an item is.
        let list = key_on(self.line(self.lines[item].under?));
        let what = if list == Some("topics") { "topic" } else { "item" };
        let d = Diagnostic::new(
            Some(Span::new(key_at, key_at + key.len())),
            "",
            format!(
                "a second `{key}:` in this {what}: YAML reads it and the keys below as the {what} above's, given twice"
            ),
        )
        .with_help(format!("is it a new {what}? start it with `- `: `- {}`", line.trim()));
        Some((start + column - 2, d))
    }
}

/// Of the lines still `open` above line `k` (each with its depth), the nearest indented less
/// than `depth`, the lines indented as much or more closed; and line `k` opened.
fn under(open: &mut Vec<(usize, usize)>, depth: usize, k: usize) -> Option<usize> {
    while open.last().is_some_and(|&(d, _)| d >= depth) {
        open.pop();
    }
    let above = open.last().map(|&(_, line)| line);
    open.push((depth, k));
    above
}
