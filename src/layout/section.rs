//! The numbered sections: the summary, the optional part heading, "Overview", and "Major
//! achievements" with one numbered subsection per topic. One [`heading`] helper sets every
//! heading of the briefing (sections, topics, the contact block's label, the contents).

use crate::markdown::Change;
use crate::model::Briefing;
use crate::theme::TextStyle;

use super::body;
use super::flow::{look, Flow, Label};
use super::structure::{NodeId, Role};
use super::text::Span;

/// Heading levels of a briefing's structure: the title is 1, the sections (and the part
/// heading, the contents and the contact block) 2, topics 3, headings inside bodies one below
/// the heading they are under. In a dossier, all one lower.
pub const SECTION: u8 = 2;
pub const TOPIC: u8 = 3;

/// Sets a heading of structure level `h` (plus the flow's offset): an optional number hanging
/// in the margin of a hanging indent, the title wrapping beside it, an outline anchor at
/// `level` (unless `None`), and kept with what follows. Returns the heading's element.
pub fn heading(flow: &mut Flow<'_>, number: &str, title: &str, style: &TextStyle, level: Option<u8>, h: u8) -> NodeId {
    let room = if number.is_empty() { 0.0 } else { number_room(flow, &[number], style) };
    heading_at(flow, number, (title, None), style, level, h, room)
}

/// [`heading`] with the title text `room` points in from the number, and the title marked
/// as a redline's change when it has one.
fn heading_at(
    flow: &mut Flow<'_>,
    number: &str,
    (title, change): (&str, Option<Change>),
    style: &TextStyle,
    level: Option<u8>,
    h: u8,
    room: f32,
) -> NodeId {
    let mut look = look(style);
    // A topic a redline shows as added or removed: its title is marked as its text is.
    if let Some(change) = change {
        look.mark(change, 1, &flow.theme.colors);
    }
    if let Some(level) = level {
        let entry = if number.is_empty() { title.to_string() } else { format!("{number} {title}") };
        flow.anchor(&entry, level);
    }
    let h = (h + flow.level_offset).min(6);
    flow.heading_level = h;
    let node = flow.node(Role::H(h));
    let spans = [Span { text: title.to_string(), look: look.clone() }];
    let label = Label::Text(number.to_string());
    let first = flow.blocks.len();
    flow.paragraph(node, &spans, style, room, style.align, (!number.is_empty()).then_some((&label, 0.0, node)));
    for b in &mut flow.blocks[first..] {
        b.keep_with_next = true;
    }
    node
}

/// Room for the widest of `numbers` in a hanging indent: numbered headings of one list all
/// start their text at the same place ("9." and "10." alike).
fn number_room(flow: &Flow<'_>, numbers: &[&str], style: &TextStyle) -> f32 {
    let look = look(style);
    let widest = numbers.iter().map(|n| flow.str_width(n, &look)).fold(0.0, f32::max);
    (widest + 0.5 * style.size.0).max(flow.theme.list_indent.0)
}

/// Everything between the title block and the contact block.
/// In as many columns as the template asks.
pub fn sections(flow: &mut Flow<'_>, b: &Briefing) {
    let theme = flow.theme;
    flow.columns(theme.columns.0, super::gutter(theme), |flow| {
        let room = topic_room(flow, b);
        for p in pieces(b) {
            piece(flow, b, p, room);
        }
    });
}

/// The number of the "Major achievements" section (the PDF and the web page number alike).
pub fn achievements(b: &Briefing) -> usize {
    if b.overview.is_empty() {
        1
    } else {
        2
    }
}

/// The number of topic `k` (from 0), as the PDF and the web page print it. Numbers are those
/// of the new text: a topic a redline shows as removed has none, and does not count for those
/// after it.
pub fn topic_number(b: &Briefing, theme: &crate::theme::Theme, k: usize) -> String {
    let deleted = |t: &crate::model::Topic| t.change == Some(Change::Deleted);
    if b.topics.get(k).is_none_or(deleted) {
        return String::new();
    }
    let before = b.topics[..k].iter().filter(|t| deleted(t)).count();
    theme.numbering.subsection(achievements(b), k + 1 - before)
}

fn topic_numbers(flow: &Flow<'_>, b: &Briefing) -> Vec<String> {
    (1..=b.topics.len()).map(|k| flow.theme.numbering.subsection(achievements(b), k)).collect()
}

/// Room for the topics' numbers: the same for every topic, so their titles line up.
pub fn topic_room(flow: &Flow<'_>, b: &Briefing) -> f32 {
    let numbers = topic_numbers(flow, b);
    number_room(flow, &numbers.iter().map(String::as_str).collect::<Vec<_>>(), &flow.theme.styles.subheading)
}

/// A piece of what [`sections`] sets: the places where two languages set side by side line
/// up (`--parallel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    Summary,
    /// The `heading:` line.
    Part,
    Overview,
    /// The "Major achievements" heading.
    Achievements,
    Topic(usize),
}

/// The pieces of `b`, top to bottom.
pub fn pieces(b: &Briefing) -> Vec<Piece> {
    let mut out = vec![Piece::Summary];
    if b.heading.is_some() {
        out.push(Piece::Part);
    }
    if !b.overview.is_empty() {
        out.push(Piece::Overview);
    }
    out.push(Piece::Achievements);
    out.extend((0..b.topics.len()).map(Piece::Topic));
    out
}

/// Sets one piece of `b`; topic titles start `room` points in ([`topic_room`]).
pub fn piece(flow: &mut Flow<'_>, b: &Briefing, piece: Piece, room: f32) {
    let theme = flow.theme;
    let styles = &theme.styles;
    flow.heading_level = 1 + flow.level_offset;
    match piece {
        Piece::Summary => body::blocks(flow, &b.summary, &styles.summary, 0.0),
        Piece::Part => {
            if let Some(part) = &b.heading {
                heading(flow, "", part, &styles.part, None, SECTION);
            }
        }
        Piece::Overview => {
            heading(flow, &theme.numbering.section(1), &theme.labels.overview, &styles.heading, Some(0), SECTION);
            body::blocks(flow, &b.overview, &styles.body, 0.0);
        }
        Piece::Achievements => {
            let number = theme.numbering.section(achievements(b));
            heading(flow, &number, &theme.labels.achievements, &styles.heading, Some(0), SECTION);
        }
        Piece::Topic(k) => {
            let Some(topic) = b.topics.get(k) else { return };
            let number = topic_number(b, theme, k);
            // A topic in another language: its elements say so.
            let briefing_lang = flow.lang.clone();
            if let Some(lang) = &topic.lang {
                flow.lang = lang.clone();
            }
            heading_at(flow, &number, (&topic.title, topic.change), &styles.subheading, Some(1), TOPIC, room);
            body::blocks(flow, &topic.body, &styles.body, room);
            flow.lang = briefing_lang;
        }
    }
}
