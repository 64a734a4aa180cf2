//! Which structure element each set run of a paragraph belongs to: its link, code or
//! change span, a span marked Japanese inside text of another language, a hyphenated word's
//! span, and a spaced Japanese line's span, each with the text a reader should get.

use std::collections::hash_map::Entry;

use crate::markdown::Change;

use super::super::structure::{NodeId, Role};
use super::super::text::{Run, WordPart};
use super::super::LinkTarget;
use super::{Flow, Groups, LABEL};

impl Flow<'_> {
    /// The element a run of a paragraph (whose element is `parent`) belongs to: the link or
    /// code element of its group, and within that a span marked Japanese when Japanese script
    /// sits in text of another language.
    pub(super) fn run_node(&mut self, run: &Run, parent: NodeId, groups: &mut Groups) -> NodeId {
        let mut node = parent;
        if run.look.group != 0 {
            node = match groups.get(&(run.look.group, 0)) {
                // Changed text is a span that says how it changed, in words a screen reader
                // speaks: its alternative text is the change and the text.
                Some(&n) if run.look.change.is_some() && self.structure.node(n).alt.is_some() => {
                    self.structure.extend_alt(n, &run.text);
                    n
                }
                Some(&n) => n,
                // (In the paragraph's language, which may be one detected for it alone.)
                None if run.look.change.is_some() => {
                    let n = self.structure.add(parent, Role::Span, "");
                    let labels = &self.theme.labels;
                    let word = if run.look.change == Some(Change::Deleted) {
                        &labels.deleted_text
                    } else {
                        &labels.inserted_text
                    };
                    let lang = &labels.changes_lang;
                    if lang.is_empty() || self.structure.lang_of(parent) == lang {
                        self.structure.set_alt(n, &format!("{word}{}", run.text));
                    } else {
                        // The label in its own language, text of another: the label is a span
                        // of its own, in the labels' language, first in the change, whose
                        // content is the change's first mark (`Flow::change_marks`); the text
                        // reads as itself, in the paragraph's.
                        let label = self.structure.add(n, Role::Span, lang);
                        self.structure.set_alt(label, word);
                        groups.insert((run.look.group, LABEL), label);
                    }
                    groups.insert((run.look.group, 0), n);
                    n
                }
                None => {
                    let role = if run.look.link.is_some() { Role::Link } else { Role::Code };
                    let n = self.structure.add(parent, role, "");
                    match &run.look.link {
                        Some(LinkTarget::Uri(uri)) => {
                            let shown = uri.strip_prefix("mailto:").unwrap_or(uri);
                            self.structure.set_alt(n, shown);
                        }
                        Some(LinkTarget::Anchor(a)) => {
                            let title = self.anchors.get(*a).map_or(String::new(), |a| a.title.clone());
                            self.structure.set_alt(n, &title);
                        }
                        _ => {}
                    }
                    groups.insert((run.look.group, 0), n);
                    n
                }
            };
        }
        // (A span that is no longer its parent's last child, a link having come after it,
        // is not added to: the text after the link is a span of its own, after the link.)
        if run.look.ja != 0 {
            let key = (run.look.group, run.look.ja);
            node = match groups.get(&key) {
                Some(&n) if self.structure.is_last_kid(node, n) => n,
                _ => {
                    let n = self.structure.add(node, Role::Span, "ja");
                    groups.insert(key, n);
                    n
                }
            };
        }
        // A hyphenated word's parts, on two lines, are one span that reads as the word
        // (pdf.js, and so Firefox's screen reader, take text from the structure, not from
        // the marked content's /ActualText). Their language is their parent's.
        const WORD: (u32, u32) = (u32::MAX, u32::MAX);
        match run.word {
            Some(WordPart::First) => {
                let n = self.structure.add(node, Role::Span, "");
                self.structure.set_actual(n, run.actual.as_deref().unwrap_or_default());
                groups.insert(WORD, n);
                n
            }
            Some(WordPart::Rest) => groups.get(&WORD).copied().unwrap_or(node),
            // A line of Japanese spaced beside Latin text or stretched to the width: its runs
            // in `node` are a span that reads as typed, so that pdf.js does not hear the gaps
            // as spaces. (Keyed by line, counting down from the word's key.) A link or a
            // change in the middle of the line ends the span: the rest of the line is another,
            // after it, so that the structure keeps the reading order.
            None => match (run.spaced, run.actual.as_deref()) {
                (Some(line), Some(typed)) => match groups.entry((WORD.0 - 1 - line, node.0)) {
                    Entry::Occupied(span) if self.structure.is_last_kid(node, *span.get()) => {
                        self.structure.extend_actual(*span.get(), typed);
                        *span.get()
                    }
                    span => {
                        let n = self.structure.add(node, Role::Span, "");
                        self.structure.set_actual(n, typed);
                        match span {
                            Entry::Occupied(mut span) => *span.get_mut() = n,
                            Entry::Vacant(slot) => _ = slot.insert(n),
                        }
                        n
                    }
                },
                _ => node,
            },
        }
    }
}
