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
    heading_at(flow, number, (title, None, None), style, level, h, room)
}

/// [`heading`] with the title text `room` points in from the number, and the title marked
/// as a redline's change when it has one.
fn heading_at(
    flow: &mut Flow<'_>,
    number: &str,
    (title, change, marked): (&str, Option<Change>, Option<&[crate::markdown::Inline]>),
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
        flow.anchor(number, title, level);
    }
    let h = (h + flow.level_offset).min(6);
    flow.heading_level = h;
    let node = flow.node(Role::H(h));
    // A title a redline shows changed: its words deleted and inserted, marked.
    let spans = match marked {
        Some(inlines) => super::body::spans(inlines, style, flow),
        None => vec![Span { text: title.to_string(), look: look.clone() }],
    };
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
        let topics = Topics::of(flow, b);
        for p in pieces(b) {
            piece(flow, b, p, &topics);
        }
    });
}

/// The number of the "Major achievements" section (the PDF and the web page number alike):
/// the new text's, so an overview a redline shows as removed counts none.
pub fn achievements(b: &Briefing) -> usize {
    if b.overview.is_empty() || overview_change(b) == Some(Change::Deleted) {
        1
    } else {
        2
    }
}

/// How a redline shows the overview when it was added or removed whole: every run of its text
/// inserted, or every one deleted (text40b F40b-19: its heading stayed unmarked, numbered).
pub fn overview_change(b: &Briefing) -> Option<Change> {
    let mut changes = Vec::new();
    crate::markdown::visit_inlines(&b.overview, &mut |i| {
        if !i.text.trim().is_empty() {
            changes.push(i.change)
        }
    });
    let first = *changes.first()?;
    changes.iter().all(|&c| c == first).then_some(first).flatten()
}

/// The numbers of the topics, in order, as the PDF and the web page print them. Numbers are
/// those of the new text: a topic a redline shows as removed has none (an empty string), and
/// does not count for those after it.
pub fn topic_numbers(b: &Briefing, theme: &crate::theme::Theme) -> Vec<String> {
    let mut n = 0;
    b.topics
        .iter()
        .map(|t| {
            if t.change == Some(Change::Deleted) {
                return String::new();
            }
            n += 1;
            theme.numbering.subsection(achievements(b), n)
        })
        .collect()
}

/// What every topic of a briefing shares as it is set: its number, and the room for the
/// numbers, the same for every topic so that their titles line up.
pub struct Topics {
    numbers: Vec<String>,
    room: f32,
}

impl Topics {
    pub fn of(flow: &Flow<'_>, b: &Briefing) -> Topics {
        let widest: Vec<String> =
            (1..=b.topics.len()).map(|k| flow.theme.numbering.subsection(achievements(b), k)).collect();
        let room =
            number_room(flow, &widest.iter().map(String::as_str).collect::<Vec<_>>(), &flow.theme.styles.subheading);
        Topics { numbers: topic_numbers(b, flow.theme), room }
    }
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

/// Whether `b` has `piece` (in `--parallel`, every column has the same pieces, checked).
pub fn has(b: &Briefing, piece: Piece) -> bool {
    match piece {
        Piece::Summary | Piece::Achievements => true,
        Piece::Part => b.heading.is_some(),
        Piece::Overview => !b.overview.is_empty(),
        Piece::Topic(k) => k < b.topics.len(),
    }
}

/// The pieces of `b`, top to bottom.
pub fn pieces(b: &Briefing) -> Vec<Piece> {
    [Piece::Summary, Piece::Part, Piece::Overview, Piece::Achievements]
        .into_iter()
        .chain((0..b.topics.len()).map(Piece::Topic))
        .filter(|&p| has(b, p))
        .collect()
}

/// Sets one piece of `b`, its topics numbered and set in as `topics` says.
pub fn piece(flow: &mut Flow<'_>, b: &Briefing, piece: Piece, topics: &Topics) {
    let room = topics.room;
    let theme = flow.theme;
    let styles = &theme.styles;
    flow.heading_level = 1 + flow.level_offset;
    match piece {
        Piece::Summary => body::blocks(flow, &b.summary, &styles.summary, 0.0),
        Piece::Part => {
            if let Some(part) = &b.heading {
                // (In a redline, a changed heading's words are marked, as a topic's are.)
                let marked = flow.marked_value("heading").map(<[_]>::to_vec);
                let node = heading_at(flow, "", (part, None, marked.as_deref()), &styles.part, None, SECTION, 0.0);
                flow.own_language(node, part);
            }
        }
        Piece::Overview => {
            // (Removed whole, it has no number, as a topic removed has none.)
            let change = overview_change(b);
            let number = if change == Some(Change::Deleted) { String::new() } else { theme.numbering.section(1) };
            let title = (theme.labels.overview.as_str(), change, None);
            let room = if number.is_empty() { 0.0 } else { number_room(flow, &[&number], &styles.heading) };
            heading_at(flow, &number, title, &styles.heading, Some(0), SECTION, room);
            body::blocks(flow, &b.overview, &styles.body, 0.0);
        }
        Piece::Achievements => {
            let number = theme.numbering.section(achievements(b));
            heading(flow, &number, &theme.labels.achievements, &styles.heading, Some(0), SECTION);
        }
        Piece::Topic(k) => {
            let Some(topic) = b.topics.get(k) else { return };
            let number = topics.numbers.get(k).map_or("", String::as_str);
            // A topic in another language: its elements say so.
            let briefing_lang = flow.lang.clone();
            if let Some(lang) = &topic.lang {
                flow.lang = lang.clone();
            }
            let title = (topic.title.as_str(), topic.change, topic.marked_title.as_deref());
            let node = heading_at(flow, number, title, &styles.subheading, Some(1), TOPIC, room);
            // (A title clearly in another language than its topic's: a Greek title over a
            // Russian summary of the talks.)
            flow.own_language(node, &topic.title);
            body::blocks(flow, &topic.body, &styles.body, room);
            flow.lang = briefing_lang;
        }
    }
}
