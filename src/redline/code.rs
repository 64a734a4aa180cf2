//! Code blocks compared in a redline: line by line, a line changed word by word, so that a
//! changed block stays a code block ([`Block::MarkedCode`](crate::markdown::Block::MarkedCode))
//! and each version's lines, indentation and all, read as typed.

use super::count::Words;
use super::sequences::{align_by, Step};
use super::tokens::Latin;
use super::words::{diff_inlines, join_alike, mark_inlines, push};
use crate::markdown::{Change, Inline};

/// A code block's lines as one code run with hard breaks.
pub(super) fn code(lines: &[String]) -> Vec<Inline> {
    vec![Inline { text: lines.join("\n"), code: true, ..Inline::default() }]
}

/// Two code blocks compared line by line, and a line changed word by word: the new lines
/// with what was deleted and inserted marked, joined by `\n`. Lines that differ only in
/// their indentation are the same line, its spaces changed. A line break belongs to the
/// versions that have a line before and after it, so each reads as typed.
pub(super) fn diff_code(old: &[String], new: &[String], words: &mut Words) -> Vec<Inline> {
    let line = |text: &str| [Inline { text: text.to_string(), code: true, ..Inline::default() }];
    let steps = align_by(old, new, |l| l.trim_start(), words.budget);
    let mut out = Vec::new();
    // Whether a line of OLD, and of NEW, came before.
    let (mut in_old, mut in_new) = (false, false);
    for step in steps {
        let (was, is) = match step {
            Step::Only(Change::Deleted, _) => (true, false),
            Step::Only(Change::Inserted, _) => (false, true),
            Step::Same(..) | Step::Pair(..) => (true, true),
        };
        let change = match (was && in_old, is && in_new) {
            (true, true) => Some(None),
            (true, false) => Some(Some(Change::Deleted)),
            (false, true) => Some(Some(Change::Inserted)),
            (false, false) => None,
        };
        if let Some(change) = change {
            push(&mut out, &[("\n", false, false, true, None, false)], change, (Latin::Words, words));
        }
        (in_old, in_new) = (in_old || was, in_new || is);
        let runs = match step {
            Step::Same(_, j) => line(&new[j]).to_vec(),
            Step::Pair(i, j) => diff_inlines(&line(&old[i]), &line(&new[j]), words),
            Step::Only(change @ Change::Deleted, i) => mark_inlines(&line(&old[i]), change, words),
            Step::Only(change @ Change::Inserted, j) => mark_inlines(&line(&new[j]), change, words),
        };
        let from = out.len();
        out.extend(runs);
        join_alike(&mut out, from.saturating_sub(1));
    }
    out
}
