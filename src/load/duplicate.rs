//! A key given twice in one mapping, and the help that fits what the two values are.
//!
//! Only the first value is read. "Remove one of them" loses a topic, a contact line or a
//! paragraph when both hold something (text44a F44a-9): two lists are joined, two
//! mappings merged, two texts written as one.

use super::tree::{Node, NodeKind};
use crate::diag::{Diagnostic, Span};

/// A key given a second time in one mapping.
pub struct Duplicate {
    pub key: String,
    /// The second key.
    pub span: Span,
    /// The line of the first.
    pub first_line: usize,
    /// What the two values are.
    pub both: Both,
}

/// What two values of one key are, as far as the help goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Both {
    /// Two lists, each with items.
    Lists,
    /// Two mappings, each with entries.
    Mappings,
    /// Two texts of words (a paragraph, not a date or a name of one word).
    Texts,
    /// Anything else: one of them is empty, or they differ in kind.
    Other,
}

impl Both {
    /// What `first` and `second`, the values of one key, are.
    pub fn of(first: &Node, second: &Node) -> Both {
        match (&*first.kind, &*second.kind) {
            (NodeKind::Seq(a), NodeKind::Seq(b)) if !a.is_empty() && !b.is_empty() => Both::Lists,
            (NodeKind::Map(a), NodeKind::Map(b)) if !a.is_empty() && !b.is_empty() => Both::Mappings,
            (NodeKind::Scalar { text: a, .. }, NodeKind::Scalar { text: b, .. })
                if [a, b].iter().all(|t| of_words(t)) =>
            {
                Both::Texts
            }
            _ => Both::Other,
        }
    }
}

/// Whether `text` is a text of words: two of them, or a Japanese phrase, which has no spaces
/// between its words (text46a F46a-13: two Japanese paragraphs were told "remove one of
/// them", which lost one).
fn of_words(text: &str) -> bool {
    text.split_whitespace().nth(1).is_some()
        || text.chars().filter(|&c| crate::script::is_kana_or_kanji(c)).nth(3).is_some()
}

impl Duplicate {
    pub fn diagnostic(&self) -> Diagnostic {
        let (key, line) = (&self.key, self.first_line);
        let help = match self.both {
            Both::Lists => format!(
                "only the first `{key}:` (line {line}) is read; move the items below this line up under it, then remove this `{key}:` line"
            ),
            Both::Mappings => format!(
                "only the first `{key}:` (line {line}) is read; move the lines below this one up under it (each key once), then remove this `{key}:` line"
            ),
            Both::Texts => format!(
                "only the first `{key}:` (line {line}) is read; keep the text you mean there (join the two if both are wanted), then remove this `{key}:`"
            ),
            Both::Other => format!("it is first given on line {line}; remove one of them"),
        };
        Diagnostic::new(Some(self.span), "", format!("duplicate key `{key}`")).with_help(help)
    }
}
