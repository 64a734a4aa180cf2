//! Which structure element each set run of a paragraph belongs to: its link, code or
//! change span, a span marked Japanese inside text of another language, a hyphenated word's
//! span, and a spaced Japanese line's span, each with the text a reader should get.

use std::collections::hash_map::Entry;

use crate::markdown::Change;

use super::super::structure::{NodeId, Role};
use super::super::text::{Run, WordPart};
use super::super::LinkTarget;
use super::{Flow, Groups, CHANGED_LINK, LABEL, OUTER_LINK, QUOTE};

impl Flow<'_> {
    /// The element a run of a paragraph (whose element is `parent`) belongs to: the link or
    /// code element of its group, and within that a span marked Japanese when Japanese script
    /// sits in text of another language.
    pub(super) fn run_node(&mut self, run: &Run, parent: NodeId, groups: &mut Groups) -> NodeId {
        // A link with changes in it holds them (a link in one change is inside it, below).
        let parent = match (run.look.link_group, &run.look.link) {
            (0, _) | (_, None) => parent,
            (id, Some(target)) => match groups.get(&(id, OUTER_LINK)) {
                Some(&l) => l,
                None => {
                    let l = self.add_link(parent, target, "");
                    groups.insert((id, OUTER_LINK), l);
                    l
                }
            },
        };
        let mut node = parent;
        if run.look.group != 0 {
            node = match groups.get(&(run.look.group, 0)) {
                Some(&n) => n,
                // Changed text is a span in the paragraph's language (which may be one
                // detected for it alone), whose text reads as itself. Its first kid is its
                // label, a span in the labels' language whose alternative text says how it
                // changed and whose content is the change's first mark (`Flow::change_marks`).
                // (A label in the span's alternative text would hide a link inside it.)
                None if run.look.change.is_some() => {
                    let n = self.structure.add(parent, Role::Span, run.look.lang.as_deref().unwrap_or(""));
                    let labels = &self.theme.labels;
                    let word = if run.look.change == Some(Change::Deleted) {
                        &labels.deleted_text
                    } else {
                        &labels.inserted_text
                    };
                    let label = self.structure.add(n, Role::Span, &labels.changes_lang);
                    if run.look.spaces {
                        self.structure.set_alt(label, &format!("{word}{}", labels.space_text));
                    } else {
                        self.structure.set_alt(label, word);
                    }
                    groups.insert((run.look.group, LABEL), label);
                    groups.insert((run.look.group, 0), n);
                    n
                }
                // A link, code, or text in another language.
                None => {
                    // (Inside a link that holds changes, code is code, not another link.)
                    let lang = run.look.lang.as_deref().unwrap_or("");
                    let n = match run.look.link.as_ref().filter(|_| run.look.link_group == 0) {
                        Some(target) => self.add_link(parent, target, lang),
                        None => self.structure.add(parent, if run.look.code { Role::Code } else { Role::Span }, lang),
                    };
                    groups.insert((run.look.group, 0), n);
                    n
                }
            };
            // A link in changed text is a link element inside the change, which its
            // annotation belongs to (see `Flow::place_run`); one link per target, until
            // other text of the change comes after it.
            if let (Some(_), Some(target), 0) = (run.look.change, &run.look.link, run.look.link_group) {
                let alt = self.link_alt(target);
                node = match groups.get(&(run.look.group, CHANGED_LINK)) {
                    Some(&l) if self.structure.is_last_kid(node, l) && self.structure.node(l).alt == alt => l,
                    _ => {
                        let l = self.add_link(node, target, "");
                        groups.insert((run.look.group, CHANGED_LINK), l);
                        l
                    }
                };
            }
        }
        // (A span that is no longer its parent's last child, a link having come after it,
        // is not added to: the text after the link is a span of its own, after the link.)
        // A quotation in another language is a span in it; a link inside it has its own span
        // inside the link, and Japanese in it a span inside its own.
        // (A quotation inside one is a span inside its span.)
        for (k, lang) in &run.look.quote {
            let key = (run.look.group, QUOTE - k);
            node = match groups.get(&key) {
                Some(&n) if self.structure.is_last_kid(node, n) => n,
                _ => {
                    let n = self.structure.add(node, Role::Span, lang);
                    groups.insert(key, n);
                    n
                }
            };
        }
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

    /// A link element in `parent`, in language `lang`, described by its target.
    fn add_link(&mut self, parent: NodeId, target: &LinkTarget, lang: &str) -> NodeId {
        let l = self.structure.add(parent, Role::Link, lang);
        if let Some(alt) = self.link_alt(target) {
            self.structure.set_alt(l, &alt);
        }
        l
    }

    /// A link's description: its address (an e-mail address without `mailto:`), or the title
    /// of the section it leads to.
    fn link_alt(&self, target: &LinkTarget) -> Option<String> {
        match target {
            LinkTarget::Uri(uri) => Some(uri.strip_prefix("mailto:").unwrap_or(uri).to_string()),
            LinkTarget::Anchor(a) => Some(self.anchors.get(*a).map_or(String::new(), |a| a.title.clone())),
            LinkTarget::Page { .. } => None,
        }
    }
}
