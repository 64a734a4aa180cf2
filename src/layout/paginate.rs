//! Cutting the flow into pages: never after a block that must stay with the next (so a
//! heading never sits alone at the foot of a page), space dropped at the top of a page, frames
//! drawn round each page's part of a group, outline targets and contents page numbers resolved.

use super::flow::{Block, Flow, Region, TocEntry};
use super::structure::{Artifact, Structure, Tag};
use super::{Document, Item, LinkTarget, OutlineEntry, Page};

/// Where each block landed: page index and the y of its top edge.
#[derive(Debug, Clone, Copy)]
struct Placed {
    page: usize,
    y: f32,
    /// How far right of where it was set (a column after the first).
    dx: f32,
    /// A table row at the top of a page: its table's header row ([`Flow::heads`]) is drawn
    /// above it.
    head: Option<usize>,
}

/// Lays the flow's blocks onto pages whose content runs from `top` to `bottom`. Links to
/// anchors (contents entries) now know their page.
pub fn paginate(flow: &mut Flow<'_>, top: f32, bottom: f32, width: f32, height: f32) -> Document {
    let placed = place(&flow.blocks, &flow.regions, &flow.heads, top, bottom);
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
    // Each block's items move to its page (the blocks keep their places and sizes), into
    // room made for them all at once: a page of thousands of table cells grown by doubling
    // could hold twice the memory its items need.
    let mut room = vec![0; page_count];
    for (block, at) in flow.blocks.iter().zip(&placed) {
        let head = at.head.and_then(|h| flow.heads.get(h)).map_or(0, |(_, head)| head.len());
        // A contents line's leaders and number: two items.
        room[at.page] += block.items.len() + head + if block.toc_entry.is_some() { 2 } else { 0 };
    }
    for (page, room) in pages.iter_mut().zip(room) {
        page.items.reserve_exact(room);
    }
    let mut blocks = std::mem::take(&mut flow.blocks);
    for (block, at) in blocks.iter_mut().zip(&placed) {
        let mut items: Vec<Item> = Vec::new();
        if let Some((height, head)) = at.head.and_then(|h| flow.heads.get(h)) {
            items.extend(head.iter().cloned().map(|i| i.shifted(at.dx, at.y - height)));
        }
        items.extend(std::mem::take(&mut block.items).into_iter().map(|i| i.shifted(at.dx, at.y)));
        // A contents line's page number follows its text, so text extraction reads them in
        // that order.
        if let Some(entry) = &block.toc_entry {
            let number = contents_number(flow, entry, anchor_at[entry.anchor].0);
            items.extend(number.into_iter().map(|i| i.shifted(at.dx, at.y)));
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
    Document { width, height, pages, outline, watermarks: Vec::new(), structure, warnings: Vec::new() }
}

/// Greedy placement with look-back: when a block does not fit, the page ends before the
/// chain of keep-with-next blocks leading to it (unless that chain fills the whole page).
/// A stretch of blocks in columns ([`super::flow::Region`]) is placed by [`columns`].
/// A table's row that starts a page has its table's header row (`heads[h]`) above it.
fn place(blocks: &[Block], regions: &[Region], heads: &[(f32, Vec<Item>)], top: f32, bottom: f32) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::with_capacity(blocks.len());
    let mut page = 0;
    let mut page_first = 0; // the first block on the current page the look-back may move
    let mut empty = true; // nothing on the current page yet
    let mut y = top;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if let Some(r) = b.region.and_then(|r| regions.get(r)) {
            let end = (i..blocks.len()).find(|&k| blocks[k].region != b.region).unwrap_or(blocks.len());
            if !empty && b.break_before {
                (page, y, empty) = (page + 1, top, true);
            }
            let at = At { page, top: y, empty };
            let after = columns(&blocks[i..end], r, at, (top, bottom), &mut placed);
            (page, y, empty) = (after.page, after.top, after.empty);
            i = end;
            page_first = i;
            continue;
        }
        let space = if empty { 0.0 } else { b.space_before };
        if !empty && b.break_before {
            page += 1;
            page_first = i;
            empty = true;
            y = top;
            continue;
        }
        if !empty && y + space + b.height.max(b.extent) > bottom + 0.01 {
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
            empty = true;
            y = top;
            continue;
        }
        // The table's header row, again, above a row that starts a page.
        let head = b.head.filter(|_| empty);
        let space = space + head.and_then(|h| heads.get(h)).map_or(0.0, |h| h.0);
        placed.push(Placed { page, y: y + space, dx: 0.0, head });
        y += space + b.height;
        empty = false;
        i += 1;
    }
    pull_back_tails(blocks, &mut placed, bottom);
    placed
}

/// How far a page's spaces may tighten to hold what would otherwise be alone on the next
/// page: to this share of themselves.
const TIGHTEST: f32 = 0.6;

/// A last page (of the document, or before a page break) that the page before could hold
/// with its spaces tightened a little (the contact block, the last list item): its blocks
/// move up, and the spaces of the page before shrink evenly by as little as needed.
/// Pages set in columns are left as they are.
fn pull_back_tails(blocks: &[Block], placed: &mut [Placed], bottom: f32) {
    // Each page's blocks, [first, end), by page index.
    let mut pages: Vec<(usize, usize)> = Vec::new();
    for (k, p) in placed.iter().enumerate() {
        match pages.last_mut() {
            Some(range) if placed[range.0].page == p.page => range.1 = k + 1,
            _ => pages.push((k, k + 1)),
        }
    }
    let mut merged = vec![false; pages.len()];
    for i in 1..pages.len() {
        let ((a, _), (b, c)) = (pages[i - 1], pages[i]);
        let last = c == placed.len() || blocks[c].break_before;
        let plain = blocks[a..c].iter().all(|k| k.region.is_none() && k.extent <= k.height);
        if merged[i - 1] || !last || !plain || blocks[b].break_before {
            continue;
        }
        let height: f32 = blocks[a..c].iter().map(|k| k.height).sum();
        let spaces: f32 = blocks[a + 1..c].iter().map(|k| k.space_before).sum();
        let room = bottom - placed[a].y - height;
        if spaces <= 0.0 || room < TIGHTEST * spaces {
            continue;
        }
        let scale = (room / spaces).min(1.0);
        let (page, mut y) = (placed[a].page, placed[a].y);
        for (k, block) in blocks.iter().enumerate().take(c).skip(a) {
            if k > a {
                y += block.space_before * scale;
            }
            // (The first block keeps its place, and a header row repeated above it.)
            placed[k] = Placed { page, y, dx: 0.0, head: if k == a { placed[a].head } else { None } };
            y += block.height;
        }
        merged[i] = true;
    }
    // Later pages move up by the number of pages emptied before them.
    let mut emptied = 0;
    for (i, &(first, end)) in pages.iter().enumerate() {
        // (A page pulled back already carries the number of the page before.)
        emptied += usize::from(merged[i]);
        let shift = emptied - usize::from(merged[i]);
        placed[first..end].iter_mut().for_each(|p| p.page -= shift);
    }
}

/// Where placement stands: the page, how far down it is filled, and whether it is empty.
#[derive(Debug, Clone, Copy)]
struct At {
    page: usize,
    top: f32,
    empty: bool,
}

/// Places a stretch of blocks in the region's columns from `at` on: page by page, each
/// column filled in turn down to `bottom`; on the page where the stretch ends, the columns
/// are balanced (the shortest height that holds the rest). Returns where the stretch ends.
fn columns(blocks: &[Block], region: &Region, mut at: At, (top, bottom): (f32, f32), out: &mut Vec<Placed>) -> At {
    let mut k = 0;
    while k < blocks.len() {
        // The columns start level, below the space the first block asks for.
        let start = at.top + if at.empty { 0.0 } else { blocks[k].space_before };
        let (placed, next) = fill(blocks, k, region, (start, bottom, bottom), at.empty);
        if next == k {
            // Nothing fits below what is on the page: the stretch goes on on the next.
            at = At { page: at.page + 1, top, empty: true };
            continue;
        }
        if next < blocks.len() {
            out.extend(placed.into_iter().map(|(y, dx)| Placed { page: at.page, y, dx, head: None }));
            k = next;
            at = At { page: at.page + 1, top, empty: true };
            continue;
        }
        // The rest fits on this page: the lowest column bottom that still holds it all, to
        // a tenth of a point.
        let height = |placed: &[(f32, f32)], from: usize| {
            placed.iter().zip(&blocks[from..]).map(|(p, b)| p.0 + b.height).fold(start, f32::max)
        };
        let (mut lo, mut hi) = (start, height(&placed, k));
        let mut best = placed;
        while hi - lo > 0.1 {
            let mid = (lo + hi) / 2.0;
            let (trial, next) = fill(blocks, k, region, (start, mid, bottom), at.empty);
            if next == blocks.len() {
                hi = height(&trial, k).min(mid);
                best = trial;
            } else {
                lo = mid;
            }
        }
        let end = height(&best, k);
        out.extend(best.into_iter().map(|(y, dx)| Placed { page: at.page, y, dx, head: None }));
        return At { page: at.page, top: end, empty: false };
    }
    at
}

/// Fills the region's columns of one page with `blocks[from..]`, from `start` down to
/// `bottom` (a trial column height when balancing, at most the page's `full` bottom), never
/// ending a column after a block that keeps with the next. A chain of such blocks from a
/// column's top is broken only where it is taller than the page's column: one that a full
/// column holds goes whole to the next column, so that a balanced height never parts a
/// heading from its text (text45a F45a-37: a topic heading split between the columns, or
/// left at a column's foot). Returns each placed block's top and shift, and the first block
/// left over. On an empty page the first block is placed even when it is taller than the
/// page.
fn fill(
    blocks: &[Block],
    from: usize,
    region: &Region,
    (start, bottom, full): (f32, f32, f32),
    empty: bool,
) -> (Vec<(f32, f32)>, usize) {
    let mut placed: Vec<(f32, f32)> = Vec::new();
    let mut i = from;
    for column in 0..region.columns {
        let dx = f32::from(column) * region.shift;
        let first = i;
        let mut y = start;
        while i < blocks.len() {
            let b = &blocks[i];
            let space = if i == first { 0.0 } else { b.space_before };
            let forced = empty && column == 0 && i == from;
            if !forced && y + space + b.height.max(b.extent) > bottom + 0.01 {
                let mut back = i;
                while back > first && blocks[back - 1].keep_with_next {
                    back -= 1;
                }
                // (A chain from the column's top that the full column holds: `back` is
                // `first`, and the column is left for the next.)
                let whole = y + space + b.height.max(b.extent) <= full + 0.01;
                if back > first || whole {
                    placed.truncate(back - from);
                    i = back;
                }
                break;
            }
            placed.push((y + space, dx));
            y += space + b.height;
            i += 1;
        }
    }
    (placed, i)
}

/// Joins straight lines that continue one another (a table's borders, row after row; a quote's
/// bar, line after line) into one line each: the page looks the same and is drawn with a
/// fraction of the operations. Lines keep their place among the items (each joined line where
/// its first part was).
fn join_lines(items: &mut Vec<Item>) {
    use rustc_hash::FxHashMap;
    // Key: direction, the fixed coordinate, colour and tag (artifact kind or element); value:
    // (index of the first part, start, end) of the lines found so far.
    type Key = (bool, u32, (u8, u8, u8), super::structure::Tag);
    let mut open: FxHashMap<Key, Vec<(usize, f32, f32)>> = FxHashMap::default();
    let mut drop = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let Item::Line { x1, y1, x2, y2, color, tag } = *item else { continue };
        let vertical = (x1 - x2).abs() < 0.001;
        let horizontal = (y1 - y2).abs() < 0.001;
        if !(vertical || horizontal) {
            continue;
        }
        let (fixed, a, b) = if vertical { (x1, y1.min(y2), y1.max(y2)) } else { (y1, x1.min(x2), x1.max(x2)) };
        let key = (vertical, (fixed * 100.0).round() as u32, (color.0, color.1, color.2), tag);
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
    // (page, top, bottom) spans of each group, one per page it touches.
    let mut spans: Vec<Vec<(usize, f32, f32)>> = vec![Vec::new(); flow.groups.len()];
    for (block, at) in flow.blocks.iter().zip(placed) {
        let Some(spans) = block.group.and_then(|g| spans.get_mut(g)) else { continue };
        let (t, b) = (at.y, at.y + block.height);
        match spans.last_mut() {
            Some(s) if s.0 == at.page => s.2 = b,
            _ => spans.push((at.page, t, b)),
        }
    }
    for (group, spans) in flow.groups.iter().zip(&spans) {
        for (n, &(page, t, b)) in spans.iter().enumerate() {
            let (l, r, c) = (group.left, group.right, group.color);
            let line = |x1, y1, x2, y2| Item::Line { x1, y1, x2, y2, color: c, tag: Tag::Artifact(Artifact::Layout) };
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
    // Dot leaders: a dot each ". " unit (a line's trailing space is not measured, so measure
    // the unit between two dots), ending one unit before the number, each where a full stop
    // would be; drawn, not set (see [`Item::Leaders`]).
    let stop = flow.str_width(".", &entry.look);
    let unit = (flow.str_width(". .", &entry.look) - stop).max(1.0);
    let end = entry.right - number_width - unit;
    let count = ((end - entry.text_end - unit) / unit).floor();
    if count >= 1.0 {
        items.push(Item::Leaders {
            x: end - count * unit + stop / 2.0,
            baseline: entry.baseline,
            count: count as u32,
            step: unit,
            size: entry.look.size,
            bold: entry.look.style.bold,
            color: entry.look.color,
        });
    }
    let x = entry.right - number_width;
    let from = items.len();
    flow.place_str(&mut items, &number, x, entry.baseline, &entry.look, Tag::Node(entry.node));
    // The number is read as a word of its own after the entry's text ("Overview 3"), not
    // run on ("Overview3") by tools that read the text from the structure.
    for item in &mut items[from..] {
        if let Item::Text(t) = item {
            t.actual = Some(format!(" {}", t.text));
        }
    }
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
        let line =
            |x1, y1, x2, y2| Item::Line { x1, y1, x2, y2, color: crate::theme::Rgb(0, 0, 0), tag: Default::default() };
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
        let p = place(&blocks, &[], &[], 0.0, 100.0);
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
        let p = place(&blocks, &[], &[], 0.0, 100.0);
        assert_eq!(p[3].page, 1, "the heading moved to the next page with its text");
        assert_eq!(p[4].page, 1);
    }

    #[test]
    fn a_page_break_starts_a_new_page() {
        let mut blocks = vec![block(10.0, false), block(10.0, false), block(10.0, false)];
        blocks[1].break_before = true;
        let p = place(&blocks, &[], &[], 0.0, 100.0);
        assert_eq!(p.iter().map(|p| p.page).collect::<Vec<_>>(), [0, 1, 1]);
    }

    #[test]
    fn a_short_last_page_moves_up_when_the_page_before_can_tighten_its_spaces() {
        // Six lines of 10 with 5 above each end at 85; a contact block of 12 needs 102.
        let mut blocks: Vec<Block> = (0..6).map(|_| block(10.0, false)).collect();
        blocks.push(block(12.0, false));
        let p = place(&blocks, &[], &[], 0.0, 100.0);
        assert!(p.iter().all(|p| p.page == 0), "{p:?}");
        let end = p[6].y + 12.0;
        assert!(end <= 100.0 + 0.01 && end > 99.0, "the spaces shrink by as little as needed: {end}");
        // Too much to hold at 60% of the spaces: it stays on a page of its own.
        blocks[6].height = 30.0;
        let p = place(&blocks, &[], &[], 0.0, 100.0);
        assert_eq!(p[6].page, 1);
        assert_eq!(p[5].y, 75.0, "the page before keeps its spaces");
        // Only a last page: the same block followed by a new page's block is placed as usual
        // ... and pages after a pulled-back one are numbered on.
        blocks[6].height = 12.0;
        let mut next = block(10.0, false);
        next.break_before = true;
        blocks.push(next);
        let p = place(&blocks, &[], &[], 0.0, 100.0);
        assert_eq!(p.iter().map(|p| p.page).collect::<Vec<_>>(), [0, 0, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn columns_fill_in_turn_and_balance_on_their_last_page() {
        let region = Region { columns: 2, shift: 50.0 };
        let column = |n: usize| -> Vec<Block> {
            (0..n).map(|_| Block { height: 10.0, region: Some(0), ..Block::default() }).collect()
        };
        // Seven lines on a page of 100: four in the first column, three in the second.
        let mut blocks = vec![block(10.0, false)];
        blocks.extend(column(7));
        blocks.push(block(10.0, false));
        let p = place(&blocks, &[region], &[], 0.0, 100.0);
        let dx: Vec<f32> = p[1..8].iter().map(|p| p.dx).collect();
        assert_eq!(dx, [0.0, 0.0, 0.0, 0.0, 50.0, 50.0, 50.0]);
        assert_eq!(p[5].y, 10.0, "the second column starts level with the first");
        assert_eq!(
            (p[8].y, p[8].dx, p[8].page),
            (55.0, 0.0, 0),
            "what follows goes below the longer column (and its space)"
        );
        // Thirty lines: two full columns of ten on page 0, the rest balanced on page 1.
        let mut blocks = column(30);
        blocks.push(block(10.0, false));
        let p = place(&blocks, &[region], &[], 0.0, 100.0);
        assert!(p[..20].iter().all(|p| p.page == 0) && p[20..30].iter().all(|p| p.page == 1));
        assert_eq!(p[19].dx, 50.0);
        assert_eq!((p[24].dx, p[25].dx), (0.0, 50.0), "five and five");
        assert_eq!((p[30].page, p[30].y), (1, 55.0));
    }

    /// Balanced columns never part a chain of blocks kept together that a column holds (a
    /// heading's lines and the first line under it), though they end unequal; a chain
    /// taller than the page's column still breaks (text45a F45a-37).
    #[test]
    fn balanced_columns_keep_a_heading_with_its_text() {
        let region = Region { columns: 2, shift: 50.0 };
        let line = |keep: bool| Block { height: 10.0, region: Some(0), keep_with_next: keep, ..Block::default() };
        // A heading of three lines, then a line of text: all four in the first column.
        let blocks = vec![line(true), line(true), line(true), line(false)];
        let p = place(&blocks, &[region], &[], 0.0, 100.0);
        assert!(p.iter().all(|p| p.dx == 0.0 && p.page == 0), "{p:?}");
        // Two lines of text, then the heading and its line: the heading goes with its text.
        let blocks = vec![line(false), line(false), line(true), line(true), line(false)];
        let p = place(&blocks, &[region], &[], 0.0, 100.0);
        let dx: Vec<f32> = p.iter().map(|p| p.dx).collect();
        assert_eq!(dx, [0.0, 0.0, 50.0, 50.0, 50.0]);
        // Fifteen lines kept together do not fit a column of ten: they still break.
        let mut blocks: Vec<Block> = (0..15).map(|_| line(true)).collect();
        blocks.push(line(false));
        let p = place(&blocks, &[region], &[], 0.0, 100.0);
        assert!(p.iter().all(|p| p.page == 0), "{p:?}");
        assert_eq!(p.iter().filter(|p| p.dx == 0.0).count(), 10);
    }

    #[test]
    fn a_chain_longer_than_a_page_still_breaks() {
        let blocks: Vec<Block> = (0..10).map(|_| block(30.0, true)).collect();
        let p = place(&blocks, &[], &[], 0.0, 100.0);
        assert_eq!(p.last().unwrap().page, 3);
        for w in p.windows(2) {
            assert!(w[1].page >= w[0].page);
        }
    }
}
