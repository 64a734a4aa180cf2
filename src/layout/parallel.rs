//! Two languages side by side (`briefing build x.yaml --parallel`): the briefing in its first
//! language in the left column and its second in the right, each a `Sect` of the structure
//! with its own language. The two are set piece by piece (title block, summary, each section
//! heading, each topic, contact) so that each piece starts level in both columns; within a
//! piece each column keeps its own line spacing. Each page is painted column by column, so
//! that copying, reflow and any tool that reads the page in content order gets one language
//! after the other, not the two interleaved line by line.

use crate::fonts::FontBook;
use crate::model::Briefing;
use crate::theme::Theme;

use super::flow::{Block, Flow};
use super::section::{self, Piece};
use super::structure::{Role, Structure};
use super::{contact, content_box, finish, title, Document, Item, Options};

/// What is set at one level in both columns.
#[derive(Clone, Copy)]
enum Step {
    Title,
    /// The title block's rule: level in both columns, whatever the length of each title.
    TitleRule,
    Piece(Piece),
    Contact,
}

/// Lays out the first two of `briefings` (one briefing in two languages) side by side,
/// each with its own theme (`themes[i]`: its language's labels, dates and typesetting). The
/// page, margins and running header and footer are the first language's.
pub fn parallel(briefings: &[Briefing], themes: &[Theme], fonts: &FontBook, options: Options) -> Document {
    let (first, theme) = (&briefings[0], &themes[0]);
    let columns: Vec<(&Briefing, &Theme)> = briefings.iter().zip(themes).take(2).collect();
    let (left, width) = content_box(theme);
    let gutter = super::gutter(theme);
    let column = (width - gutter) / 2.0;
    let mut flow = Flow::new(fonts, theme, left, width, &first.lang);
    if let Some(aspect) = options.logo_aspect {
        title::logo(&mut flow, aspect, first);
    }
    let sects: Vec<_> = columns
        .iter()
        .map(|(b, _)| {
            let sect = flow.structure.add(Structure::ROOT, Role::Sect, &b.lang);
            flow.structure.set_lang(sect, &b.lang);
            sect
        })
        .collect();
    let topics: Vec<section::Topics> = columns
        .iter()
        .map(|&(b, t)| {
            flow.theme = t;
            section::Topics::of(&flow, b)
        })
        .collect();
    let steps = [Step::Title, Step::TitleRule]
        .into_iter()
        .chain(section::pieces(columns[0].0).into_iter().map(Step::Piece))
        .chain(std::iter::once(Step::Contact));
    for step in steps {
        let before = flow.pending();
        let mut set = Vec::new();
        let mut owed = before;
        for (i, &(b, t)) in columns.iter().enumerate() {
            // The outline follows the first language.
            flow.set_pending(if i == 0 { before } else { super::flow::Pending { anchor: None, ..before } });
            flow.theme = t;
            flow.lang = b.lang.clone();
            flow.left = left + i as f32 * (column + gutter);
            flow.width = column;
            flow.parent = sects[i];
            let start = flow.blocks.len();
            match step {
                Step::Title => title::title_text(&mut flow, b),
                Step::TitleRule => title::rule_below(&mut flow),
                Step::Piece(p) if section::has(b, p) => section::piece(&mut flow, b, p, &topics[i]),
                Step::Piece(_) => {}
                Step::Contact => contact::contact_block(&mut flow, &b.contact),
            }
            set.push(flow.blocks.split_off(start));
            let after = flow.pending();
            owed.space = if i == 0 { after.space } else { owed.space.max(after.space) };
            owed.page_break |= after.page_break;
        }
        owed.anchor = None;
        let merged = side_by_side(set, &mut flow);
        flow.blocks.extend(merged);
        flow.set_pending(owed);
    }
    flow.theme = theme;
    flow.lang = first.lang.clone();
    flow.left = left;
    flow.width = width;
    flow.parent = Structure::ROOT;
    // The right column starts past the gutter's middle.
    let split = left + column + gutter / 2.0;
    let second = columns.get(1).map(|&(b, t)| (b, t, left + column + gutter));
    let mut doc = finish(flow, &[(first, theme, first.draft)], (second, None), fonts);
    // The running lines, in the margins, stay where they are: a line that spans both
    // columns (the markings) reads as one.
    let (top, bottom) = (theme.page.margin_top.pt(), theme.page.size.height - theme.page.margin_bottom.pt());
    for page in &mut doc.pages {
        page.items.sort_by_key(|item| {
            let (x, y) = start(item);
            u8::from((top..=bottom).contains(&y) && x >= split)
        });
    }
    doc
}

/// Where an item starts: its left edge, and its baseline or top.
fn start(item: &Item) -> (f32, f32) {
    match item {
        Item::Text(t) => (t.x, t.baseline),
        Item::Line { x1, x2, y1, .. } => (x1.min(*x2), *y1),
        Item::Bullet { x, baseline, .. } | Item::Leaders { x, baseline, .. } => (*x, *baseline),
        Item::Link { x, y, .. } | Item::Logo { x, y, .. } => (*x, *y),
    }
}

/// The blocks of each column as one sequence: every block keeps its place relative to the
/// piece's top, blocks that start level become one, and each advances to where the next
/// starts in either column (its `extent` says how far it reaches). A frame round a group in
/// both columns (the contact block) becomes one frame round both.
fn side_by_side(columns: Vec<Vec<Block>>, flow: &mut Flow<'_>) -> Vec<Block> {
    let mut placed: Vec<(f32, f32, Block)> = Vec::new();
    for blocks in columns {
        let mut y = 0.0;
        for b in blocks {
            let top = y + b.space_before;
            y = top + b.height;
            placed.push((top, y, b));
        }
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut groups: Vec<usize> = placed.iter().filter_map(|p| p.2.group).collect();
    groups.sort_unstable();
    groups.dedup();
    if let [keep, rest @ ..] = &groups[..] {
        for &g in rest {
            let (l, r) = (flow.groups[g].left, flow.groups[g].right);
            let k = &mut flow.groups[*keep];
            (k.left, k.right) = (k.left.min(l), k.right.max(r));
        }
    }
    let mut out: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < placed.len() {
        let top = placed[i].0;
        let mut j = i;
        let mut block = Block { space_before: if out.is_empty() { top } else { 0.0 }, ..Block::default() };
        let mut bottom = top;
        while j < placed.len() && placed[j].0 - top < 0.01 {
            let (_, end, b) = &mut placed[j];
            bottom = bottom.max(*end);
            block.items.append(&mut b.items);
            block.keep_with_next |= b.keep_with_next;
            block.break_before |= b.break_before;
            block.anchor = block.anchor.or(b.anchor);
            if b.group.is_some() {
                block.group = groups.first().copied();
            }
            block.owner = b.owner;
            j += 1;
        }
        let next = placed.get(j).map_or(bottom, |p| p.0);
        block.height = next - top;
        block.extent = bottom - top;
        out.push(block);
        i = j;
    }
    // The piece ends where the longer column does.
    let end = placed.iter().map(|p| p.1).fold(0.0, f32::max);
    if let (Some(last), Some(last_top)) = (out.last_mut(), placed.last().map(|p| p.0)) {
        last.height = end - last_top;
        last.extent = last.height;
    }
    out
}
