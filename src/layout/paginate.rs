//! Cutting the flow into pages: never after a block that must stay with the next (so a
//! heading never sits alone at the foot of a page), space dropped at the top of a page, frames
//! drawn round each page's part of a group, outline targets and contents page numbers resolved.

use super::flow::{Block, Flow, TocEntry};
use super::structure::{Artifact, Structure, Tag};
use super::{Document, Item, LinkTarget, OutlineEntry, Page};

/// Where each block landed: page index and the y of its top edge.
#[derive(Debug, Clone, Copy)]
struct Placed {
    page: usize,
    y: f32,
}

/// Lays the flow's blocks onto pages whose content runs from `top` to `bottom`. Links to
/// anchors (contents entries) now know their page.
pub fn paginate(flow: &mut Flow<'_>, top: f32, bottom: f32, width: f32, height: f32) -> Document {
    let placed = place(&flow.blocks, top, bottom);
    let page_count = placed.last().map_or(1, |p| p.page + 1);
    let mut pages = vec![Page::default(); page_count];
    for (block, at) in flow.blocks.iter().zip(&placed).rev() {
        // A page belongs to the briefing of its first block.
        pages[at.page].owner = block.owner;
    }
    let mut outline = Vec::new();
    let mut anchor_at = vec![(0, 0.0); flow.anchors.len()];
    for (block, at) in flow.blocks.iter().zip(&placed) {
        if let Some(a) = block.anchor {
            anchor_at[a] = (at.page, at.y);
            let anchor = &flow.anchors[a];
            outline.push(OutlineEntry { title: anchor.title.clone(), level: anchor.level, page: at.page, y: at.y });
        }
    }
    let blocks = std::mem::take(&mut flow.blocks);
    for (block, at) in blocks.iter().zip(&placed) {
        let mut items: Vec<Item> = block.items.iter().cloned().map(|i| i.shifted(at.y)).collect();
        // A contents line's page number follows its text, so text extraction reads them in
        // that order.
        if let Some(entry) = &block.toc_entry {
            let number = contents_number(flow, entry, anchor_at[entry.anchor].0);
            items.extend(number.into_iter().map(|i| i.shifted(at.y)));
        }
        for item in &mut items {
            if let Item::Link { target, .. } = item {
                if let LinkTarget::Anchor(a) = *target {
                    let (page, y) = anchor_at.get(a).copied().unwrap_or_default();
                    *target = LinkTarget::Page { page, y };
                }
            }
        }
        pages[at.page].items.extend(items);
    }
    flow.blocks = blocks;
    draw_groups(flow, &placed, &mut pages);
    for page in &mut pages {
        join_lines(&mut page.items);
    }
    let structure = std::mem::replace(&mut flow.structure, Structure::new(""));
    Document { width, height, pages, outline, watermarks: Vec::new(), structure }
}

/// Greedy placement with look-back: when a block does not fit, the page ends before the
/// chain of keep-with-next blocks leading to it (unless that chain fills the whole page).
fn place(blocks: &[Block], top: f32, bottom: f32) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::with_capacity(blocks.len());
    let mut page = 0;
    let mut page_first = 0; // index of the first block on the current page
    let mut y = top;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let on_empty_page = i == page_first;
        let space = if on_empty_page { 0.0 } else { b.space_before };
        if !on_empty_page && b.break_before {
            page += 1;
            page_first = i;
            y = top;
            continue;
        }
        if !on_empty_page && y + space + b.height.max(b.extent) > bottom + 0.01 {
            let mut start = i;
            while start > page_first && blocks[start - 1].keep_with_next {
                start -= 1;
            }
            if start > page_first {
                placed.truncate(start);
                i = start;
            }
            page += 1;
            page_first = i;
            y = top;
            continue;
        }
        placed.push(Placed { page, y: y + space });
        y += space + b.height;
        i += 1;
    }
    placed
}

/// Joins straight lines that continue one another (a table's borders, row after row; a quote's
/// bar, line after line) into one line each: the page looks the same and is drawn with a
/// fraction of the operations. Lines keep their place among the items (each joined line where
/// its first part was).
fn join_lines(items: &mut Vec<Item>) {
    use rustc_hash::FxHashMap;
    // Key: direction, the fixed coordinate, colour and artifact kind; value: (index of the
    // first part, start, end) of the lines found so far.
    type Key = (bool, u32, (u8, u8, u8), super::structure::Artifact);
    let mut open: FxHashMap<Key, Vec<(usize, f32, f32)>> = FxHashMap::default();
    let mut drop = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let Item::Line { x1, y1, x2, y2, color, artifact } = *item else { continue };
        let vertical = (x1 - x2).abs() < 0.001;
        let horizontal = (y1 - y2).abs() < 0.001;
        if !(vertical || horizontal) {
            continue;
        }
        let (fixed, a, b) = if vertical { (x1, y1.min(y2), y1.max(y2)) } else { (y1, x1.min(x2), x1.max(x2)) };
        let key = (vertical, (fixed * 100.0).round() as u32, (color.0, color.1, color.2), artifact);
        let runs = open.entry(key).or_default();
        match runs.iter_mut().find(|r| a <= r.2 + 0.01 && b >= r.1 - 0.01) {
            Some(run) => {
                run.1 = run.1.min(a);
                run.2 = run.2.max(b);
                drop[i] = true;
            }
            None => runs.push((i, a, b)),
        }
    }
    for ((vertical, _, _, _), runs) in open {
        for (i, a, b) in runs {
            if let Item::Line { x1, y1, x2, y2, .. } = &mut items[i] {
                if vertical {
                    (*y1, *y2) = (a, b);
                    *x2 = *x1;
                } else {
                    (*x1, *x2) = (a, b);
                    *y2 = *y1;
                }
            }
        }
    }
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Frames (or a rule above) round each page's part of every group.
fn draw_groups(flow: &Flow<'_>, placed: &[Placed], pages: &mut [Page]) {
    for (gi, group) in flow.groups.iter().enumerate() {
        // (page, top, bottom) spans of this group, one per page it touches.
        let mut spans: Vec<(usize, f32, f32)> = Vec::new();
        for (block, at) in flow.blocks.iter().zip(placed) {
            if block.group != Some(gi) {
                continue;
            }
            let (t, b) = (at.y, at.y + block.height);
            match spans.last_mut() {
                Some(s) if s.0 == at.page => s.2 = b,
                _ => spans.push((at.page, t, b)),
            }
        }
        for (n, &(page, t, b)) in spans.iter().enumerate() {
            let (l, r, c) = (group.left, group.right, group.color);
            let line = |x1, y1, x2, y2| Item::Line { x1, y1, x2, y2, color: c, artifact: Artifact::Layout };
            let items = &mut pages[page].items;
            if group.frame {
                items.extend([line(l, t, r, t), line(r, t, r, b), line(r, b, l, b), line(l, b, l, t)]);
            } else if n == 0 {
                items.push(line(l, t, r, t));
            }
        }
    }
}

/// The dot leaders and page number (page index `page`) of a contents line, relative to
/// the line's block.
fn contents_number(flow: &mut Flow<'_>, entry: &TocEntry, page: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let number = (page + 1).to_string();
    let number_width = flow.str_width(&number, &entry.look);
    // Dot leaders: ". " units (a line's trailing space is not measured, so measure the unit
    // between two dots), ending one unit before the number.
    let unit = (flow.str_width(". .", &entry.look) - flow.str_width(".", &entry.look)).max(1.0);
    let end = entry.right - number_width - unit;
    let count = ((end - entry.text_end - unit) / unit).floor();
    if count >= 1.0 {
        let dots = ". ".repeat(count as usize);
        let leaders = Tag::Artifact(Artifact::Layout);
        flow.place_str(&mut items, dots.trim_end(), end - count * unit, entry.baseline, &entry.look, leaders);
    }
    let x = entry.right - number_width;
    flow.place_str(&mut items, &number, x, entry.baseline, &entry.look, Tag::Node(entry.node));
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(height: f32, keep: bool) -> Block {
        Block { height, keep_with_next: keep, space_before: 5.0, ..Block::default() }
    }

    #[test]
    fn lines_that_continue_one_another_are_joined() {
        let line = |x1, y1, x2, y2| Item::Line {
            x1,
            y1,
            x2,
            y2,
            color: crate::theme::Rgb(0, 0, 0),
            artifact: super::super::structure::Artifact::Layout,
        };
        let mut items = vec![
            line(10.0, 0.0, 10.0, 20.0),
            line(50.0, 0.0, 50.0, 20.0),
            line(10.0, 20.0, 10.0, 40.0),
            line(10.0, 60.0, 10.0, 80.0),
            line(10.0, 40.0, 50.0, 40.0),
            line(50.0, 40.0, 90.0, 40.0),
        ];
        join_lines(&mut items);
        assert_eq!(
            items,
            vec![
                line(10.0, 0.0, 10.0, 40.0),
                line(50.0, 0.0, 50.0, 20.0),
                line(10.0, 60.0, 10.0, 80.0),
                line(10.0, 40.0, 90.0, 40.0)
            ]
        );
    }

    #[test]
    fn blocks_fill_pages_in_order() {
        let blocks: Vec<Block> = (0..10).map(|_| block(20.0, false)).collect();
        let p = place(&blocks, 0.0, 100.0);
        assert_eq!(p.iter().map(|p| p.page).collect::<Vec<_>>(), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
        // Space is dropped at the top of a page.
        assert_eq!(p[4].y, 0.0);
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        // Three lines fill the page; a heading (keep with next) would be the 4th block's
        // predecessor at the foot of page 0.
        let mut blocks =
            vec![block(20.0, false), block(20.0, false), block(20.0, false), block(20.0, true), block(20.0, false)];
        blocks[3].keep_with_next = true;
        let p = place(&blocks, 0.0, 100.0);
        assert_eq!(p[3].page, 1, "the heading moved to the next page with its text");
        assert_eq!(p[4].page, 1);
    }

    #[test]
    fn a_page_break_starts_a_new_page() {
        let mut blocks = vec![block(10.0, false), block(10.0, false), block(10.0, false)];
        blocks[1].break_before = true;
        let p = place(&blocks, 0.0, 100.0);
        assert_eq!(p.iter().map(|p| p.page).collect::<Vec<_>>(), [0, 1, 1]);
    }

    #[test]
    fn a_chain_longer_than_a_page_still_breaks() {
        let blocks: Vec<Block> = (0..10).map(|_| block(30.0, true)).collect();
        let p = place(&blocks, 0.0, 100.0);
        assert_eq!(p.last().unwrap().page, 3);
        for w in p.windows(2) {
            assert!(w[1].page >= w[0].page);
        }
    }
}
