//! A redline's marks in the flow: a changed field's old value beside its new one, and the
//! bars in the margin beside changed lines, each in the colour of what it marks.

use crate::markdown::Change;

use super::super::structure::{Artifact, Tag};
use super::super::text::{Look, Run, Span};
use super::super::Item;
use super::{Flow, Groups, LABEL};

/// The inline groups of a changed field's old value and of its new one: apart from the
/// groups a paragraph's own inlines take, counted from 1.
const DELETED_FIELD: u32 = 1001;
const INSERTED_FIELD: u32 = 1002;

impl Flow<'_> {
    /// The old value of `field` when a redline shows it changed.
    pub fn old_value(&self, field: &str) -> Option<&str> {
        self.fields.iter().find(|f| f.field == field).map(|f| f.old.as_str())
    }

    /// The words of `field` (the title, the `heading:` line) with a redline's changes marked,
    /// when it shows them changed.
    pub fn marked_value(&self, field: &str) -> Option<&[crate::markdown::Inline]> {
        self.fields.iter().find(|f| f.field == field).and_then(|f| f.marked.as_deref())
    }

    /// `new` (the spans a field prints) marked as a change from `old`: the old text struck
    /// through, a space, the new underlined; the old is not a link, the new one is where it
    /// is. An empty side is left out.
    pub fn changed_spans(&self, old: &str, new: Vec<Span>) -> Vec<Span> {
        let mark = |mut span: Span, change: Change, group: u32| {
            span.look.mark(change, group, &self.theme.colors);
            span
        };
        let mut out = Vec::new();
        let Some(look) = new.first().map(|s| s.look.clone()) else { return new };
        if !old.is_empty() {
            let old = Span { text: old.to_string(), look: Look { link: None, ..look.clone() } };
            out.push(mark(old, Change::Deleted, DELETED_FIELD));
            if new.iter().any(|s| !s.text.is_empty()) {
                out.push(Span { text: " ".into(), look: Look { link: None, group: 0, ..look } });
            }
        }
        out.extend(new.into_iter().filter(|s| !s.text.is_empty()).map(|s| mark(s, Change::Inserted, INSERTED_FIELD)));
        out
    }

    /// A labelled line (`FAX: …`) whose value changed from `old`, as [`Flow::changed_spans`]
    /// marks it. The label of a field added or removed whole is part of the change, inserted
    /// or deleted with its value, so that each version reads as typed: no label without a value.
    pub fn changed_labelled(&self, mut label: Span, old: &str, new: Vec<Span>) -> Vec<Span> {
        let gone = new.iter().all(|s| s.text.is_empty());
        match (old.is_empty(), gone) {
            (true, false) => label.look.mark(Change::Inserted, INSERTED_FIELD, &self.theme.colors),
            (false, true) => label.look.mark(Change::Deleted, DELETED_FIELD, &self.theme.colors),
            _ => {}
        }
        let mut out = vec![label];
        out.extend(self.changed_spans(old, new));
        out
    }

    /// A redline's marks for a changed run: two lines under inserted text, one through deleted
    /// text, in the change's colour, and a change bar in that colour in the margin beside the
    /// line ([`Flow::push`] makes it neutral on a line with both kinds). The first mark of a
    /// change whose label waits for content (see `Flow::run_node`) is that label's content;
    /// every other mark is an artifact.
    pub(super) fn change_marks(
        &mut self,
        items: &mut Vec<Item>,
        (change, run): (Change, &Run),
        (x, baseline): (f32, f32),
        line: (f32, f32),
        groups: &mut Groups,
    ) {
        let colors = &self.theme.colors;
        let size = run.look.size;
        let color = colors.of(change);
        // Under the baseline, or through the middle of the lower-case letters.
        let y = match change {
            Change::Inserted => baseline + 0.12 * size,
            Change::Deleted => baseline - 0.3 * size,
        };
        let artifact = Tag::Artifact(Artifact::Layout);
        // The mark ends with the last letter, not the space after it.
        let spaces = run.text.chars().rev().take_while(|c| *c == ' ').count() as f32;
        let space = self.fonts.metrics(run.face).map_or(0.0, |m| m.char_width(' ')) * size;
        // (A space alone, deleted or inserted, is marked: `EU[ ][—]and`.)
        let blank = run.text.chars().all(|c| c == ' ');
        let width = if blank { run.width } else { run.width - spaces * space };
        if width > 0.0 {
            let tag = match groups.remove(&(run.look.group, LABEL)) {
                Some(label) => self.structure.content(label),
                None => artifact,
            };
            items.push(Item::Line { x1: x, y1: y, x2: x + width, y2: y, color, tag });
            // Inserted text is underlined twice, so that it never reads as a link.
            if change == Change::Inserted {
                let y = y + (0.1 * size).max(1.2);
                items.push(Item::Line { x1: x, y1: y, x2: x + width, y2: y, color, tag: artifact });
            }
        }
        if let Some(bar) = self.change_bar {
            let (top, height) = line;
            items.push(Item::Line { x1: bar, y1: top, x2: bar, y2: top + height, color, tag: artifact });
        }
    }

    /// One colour for the change bars of one line (`items`, a block): the kind's colour when
    /// the line has one kind of change, the neutral `changed` colour when it has both.
    pub(super) fn colour_bars(&self, items: &mut [Item]) {
        let Some(bar) = self.change_bar else { return };
        let is_bar = |i: &Item| matches!(*i, Item::Line { x1, x2, .. } if x1 == bar && x2 == bar);
        let mut colours = items.iter().filter(|i| is_bar(i)).filter_map(|i| match i {
            Item::Line { color, .. } => Some(*color),
            _ => None,
        });
        let Some(first) = colours.next() else { return };
        if colours.all(|c| c == first) {
            return;
        }
        let neutral = self.theme.colors.changed;
        for item in items.iter_mut() {
            if let Item::Line { x1, x2, color, .. } = item {
                if *x1 == bar && *x2 == bar {
                    *color = neutral;
                }
            }
        }
    }
}
