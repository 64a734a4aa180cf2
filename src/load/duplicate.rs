//! A key given twice in one mapping, and the help that fits what the two values are.
//!
//! Only the first value is read. "Remove one of them" loses a topic, a contact line or a
//! paragraph when both hold something (text44a F44a-9): two lists are joined, two
//! mappings merged, two texts written as one. A second address or number of a contact,
//! which takes one, goes in its `note:` (text46a F46a-29 round, issue 17); a second title of
//! a topic may start another topic. No help says to remove a value without naming where it
//! can go, unless it is empty or the same as the first.

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
    /// The key of the mapping, or list of mappings, it is in (`contact`, `topics`); empty at
    /// the top.
    pub within: String,
    /// The second value, when it is a text.
    pub second: String,
}

/// What two values of one key are, as far as the help goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Both {
    /// Two lists, each with items.
    Lists,
    /// Two mappings, each with entries.
    Mappings,
    /// Two texts that differ (a paragraph, a name, a date).
    Texts,
    /// The same text twice.
    Same,
    /// The first is empty, the second not.
    FirstEmpty,
    /// The second is empty.
    SecondEmpty,
    /// Anything else: they differ in kind.
    Other,
}

impl Both {
    /// What `first` and `second`, the values of one key, are.
    pub fn of(first: &Node, second: &Node) -> Both {
        match (&*first.kind, &*second.kind) {
            _ if empty(second) => Both::SecondEmpty,
            _ if empty(first) => Both::FirstEmpty,
            (NodeKind::Seq(_), NodeKind::Seq(_)) => Both::Lists,
            (NodeKind::Map(_), NodeKind::Map(_)) => Both::Mappings,
            (NodeKind::Scalar { text: a, .. }, NodeKind::Scalar { text: b, .. }) if a.trim() == b.trim() => Both::Same,
            (NodeKind::Scalar { .. }, NodeKind::Scalar { .. }) => Both::Texts,
            _ => Both::Other,
        }
    }
}

/// Whether `node` holds nothing: no text, no items, no entries.
fn empty(node: &Node) -> bool {
    match &*node.kind {
        NodeKind::Seq(items) => items.is_empty(),
        NodeKind::Map(entries) => entries.is_empty(),
        NodeKind::Scalar { text, .. } => node.is_null() || text.trim().is_empty(),
    }
}

/// A contact's keys that take one address or number, and what they take.
const ONE_ADDRESS: [(&str, &str); 4] =
    [("email", "one address"), ("url", "one address"), ("tel", "one number"), ("fax", "one number")];

/// Keys whose value is one thing that two cannot be joined into.
const ONE_VALUE: [&str; 3] = ["date", "lang", "draft"];

impl Duplicate {
    pub fn diagnostic(&self) -> Diagnostic {
        let (key, line) = (&self.key, self.first_line);
        let read = format!("only the first `{key}:` (line {line}) is read");
        let one = ONE_ADDRESS.iter().find(|(k, _)| k == key).filter(|_| self.within == "contact");
        let help = match self.both {
            Both::Lists => {
                format!("{read}; move the items below this line up under it, then remove this `{key}:` line")
            }
            Both::Mappings => format!(
                "{read}; move the lines below this one up under it (each key once), then remove this `{key}:` line"
            ),
            Both::Texts if one.is_some() => {
                let takes = one.map_or("", |(_, takes)| takes);
                format!(
                    "{read}, and it takes {takes}: keep the one to print there and write the other in the contact's \
                     `note:` (`note: {}`, or after what the note holds), then remove this `{key}:` line",
                    shown(&self.second)
                )
            }
            Both::Texts if key == "title" && self.within == "topics" => format!(
                "{read}: a topic has one title; keep the one you mean there (join the two if both are wanted), \
                 or, if this line starts another topic, make it an item of its own: `- title: {}`, with its `body:`",
                shown(&self.second)
            ),
            Both::Texts if ONE_VALUE.contains(&key.as_str()) => format!(
                "{read}; keep the value you mean there (this line's is `{}`), then remove this `{key}:` line",
                shown(&self.second)
            ),
            Both::Texts => format!(
                "{read}; keep the text you mean there (join the two if both are wanted), then remove this `{key}:`"
            ),
            Both::Same => format!("it says what the `{key}:` on line {line} says; remove this `{key}:` line"),
            Both::SecondEmpty => format!("{read} and this one is empty; remove this `{key}:` line"),
            Both::FirstEmpty => {
                format!("{read}, and it is empty; remove that line (line {line}), and this `{key}:` is the one read")
            }
            Both::Other => format!(
                "{read}; put what this one holds under it (or this one's in its place), then remove this `{key}:`"
            ),
        };
        Diagnostic::new(Some(self.span), "", format!("duplicate key `{key}`")).with_help(help)
    }
}

/// `text` on one line, cut at 60 characters.
fn shown(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}
