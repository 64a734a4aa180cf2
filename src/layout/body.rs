//! Markdown bodies on the page: paragraphs, bullet and numbered lists (nested), tables with
//! rules, quotes and code, with emphasis, strong text and links; each as its structure
//! element (P, L/LI/Lbl/LBody, Table/TR/TH/TD, BlockQuote, Code, headings).

use std::sync::Arc;

use crate::fonts::FontStyle;
use crate::markdown::{Block as MdBlock, Inline};
use crate::script::primary_language;
use crate::theme::{Align, TextStyle};

use super::flow::{look, Block, Flow, Groups, Label};
use super::structure::{Artifact, Numbering, Role, Tag};
use super::text::mark_japanese;
use super::text::{self, Setting, Span};
use super::{BulletShape, Item, LinkTarget};

/// Inline Markdown runs as spans in `style`: strong is bold, emphasis italic, links coloured.
/// Each link (consecutive runs with one target) and each code span is a group of its own, so
/// that it becomes one inline element however it is broken across lines.
pub fn spans(inlines: &[Inline], style: &TextStyle, flow: &Flow<'_>) -> Vec<Span> {
    let mut group = 0;
    let mut previous: Option<&Inline> = None;
    let mut deleted: Option<Arc<str>> = None;
    let mut out = Vec::with_capacity(inlines.len());
    let links = mixed_links(inlines);
    for (k, i) in inlines.iter().enumerate() {
        let mut l = look(style);
        l.link_group = links[k];
        l.style = FontStyle { bold: l.style.bold || i.strong, italic: l.style.italic || i.emphasis };
        l.code = i.code;
        if let Some(target) = &i.link {
            l.color = flow.theme.colors.link;
            l.link = Some(LinkTarget::Uri(target.clone()));
        }
        // Changed text (a redline) is a group of its own, however it looks. A space alone
        // (`EU and` now `EU—and`) is marked, struck or underlined, and is a group whose label
        // says so ("Deleted: space"); a space at the edge of a changed word is marked, no group.
        // (In a link, where the link is the group, a space alone is left unmarked.)
        let blank = i.text.trim().is_empty();
        if let (Some(change), true, None) = (i.change, blank, &i.link) {
            let alone = previous.is_none_or(|p| p.change != i.change) && crate::redline::spaces_alone(inlines, k);
            if alone {
                group += 1;
                l.mark(change, group, &flow.theme.colors);
                l.spaces = true;
            } else {
                l.mark(change, 0, &flow.theme.colors);
            }
        } else if let Some(change) = i.change.filter(|_| !blank) {
            // (A change is cut where a link it is part of begins or ends.)
            let starts = previous.is_none_or(|p| p.change != i.change || p.text.trim().is_empty())
                || (k > 0 && links[k - 1] != links[k]);
            if starts {
                group += 1;
                // Deleted text says its language where it is clear: the paragraph may have
                // been translated since, and take the language of its new text.
                deleted =
                    (change == crate::markdown::Change::Deleted)
                        .then(|| crate::language::beside(&crate::markdown::deleted_from(inlines, k), &flow.lang))
                        .flatten()
                        .map(|l| {
                            if l == primary_language(&flow.lang) {
                                Arc::from(flow.lang.as_str())
                            } else {
                                Arc::from(l)
                            }
                        });
            }
            l.mark(change, group, &flow.theme.colors);
            l.lang = deleted.clone();
            // A link in inserted text keeps its colour: the double underline says it is new.
            if i.link.is_some() && change == crate::markdown::Change::Inserted {
                l.color = flow.theme.colors.link;
            }
        } else if links[k] != 0 {
            // Unchanged text of a link with changes in it: the link's own text.
            if i.code {
                group += 1;
                l.group = group;
            }
        } else {
            let continues = previous.is_some_and(|p| i.link.is_some() && p.link == i.link && p.change.is_none());
            if (i.link.is_some() || i.code) && !continues {
                group += 1;
            }
            if i.link.is_some() || i.code {
                l.group = group;
            }
        }
        previous = Some(i);
        out.push(Span { text: i.text.clone(), look: l });
        if crate::redline::needs_gap(inlines, k) {
            out.push(Span { text: " ".into(), look: text::Look { gap: true, ..look(style) } });
        }
    }
    out
}

/// For each inline, the link it is part of when that link's text is partly changed in a
/// redline (`[the old agreement](…)` → `[the new agreement](…)`), numbered from 1; 0 for
/// the rest. Such a link is one link element holding its changes, not a link in each.
fn mixed_links(inlines: &[Inline]) -> Vec<u32> {
    let mut out = vec![0; inlines.len()];
    let change = |i: &Inline| i.change.filter(|_| !i.text.trim().is_empty());
    let (mut start, mut n) = (0, 0);
    while start < inlines.len() {
        let link = &inlines[start].link;
        let len = inlines[start..].iter().take_while(|i| link.is_some() && &i.link == link).count().max(1);
        let run = &inlines[start..start + len];
        if link.is_some() && run.iter().any(|i| change(i) != change(&run[0])) {
            n += 1;
            out[start..start + len].iter_mut().for_each(|l| *l = n);
        }
        start += len;
    }
    out
}

/// Marks element `node`, which holds `inlines`, with their language when it is clearly
/// another than the flow's (a screen reader switches voice); short or ambiguous text keeps
/// the language around it. Paragraphs, list items and table cells alike.
fn own_language(flow: &mut Flow<'_>, node: super::NodeId, inlines: &[Inline]) {
    flow.own_language(node, &crate::markdown::current_text(inlines));
}

/// Lays out body blocks `indent` points in from the content's left edge, as elements of the
/// flow's current element.
pub fn blocks(flow: &mut Flow<'_>, body: &[MdBlock], style: &TextStyle, indent: f32) {
    for block in body {
        match block {
            MdBlock::Paragraph(inl) => {
                let s = spans(inl, style, flow);
                let p = flow.node(Role::P);
                own_language(flow, p, inl);
                flow.paragraph(p, &s, style, indent, style.align, None);
            }
            MdBlock::Heading(depth, inl) => {
                let mut s = spans(inl, style, flow);
                s.iter_mut().for_each(|s| s.look.style.bold = true);
                // Below the heading the body is under, keeping the body's own nesting; PDF
                // has six levels.
                let h = flow.node(Role::H(flow.heading_level.saturating_add(*depth).min(6)));
                own_language(flow, h, inl);
                flow.paragraph(h, &s, style, indent, style.align, None);
                flow.keep_last_with_next();
            }
            MdBlock::List { start, items, markers, changed } => {
                list(flow, *start, items, (markers, changed), style, indent)
            }
            MdBlock::Table { aligns, header, rows } => table(flow, aligns, header, rows, style, indent),
            MdBlock::Quote(inner) => {
                let mut quote = style.clone();
                quote.italic = true;
                let first = flow.blocks.len();
                let (_, outer) = flow.enter(Role::BlockQuote);
                let indent = flow.inset(indent, flow.theme.list_indent.0);
                blocks(flow, inner, &quote, indent + flow.theme.list_indent.0);
                flow.leave(outer);
                // A bar down the left of the quote.
                let x = flow.left + indent + flow.theme.list_indent.0 / 2.0;
                let color = flow.theme.colors.table_rule;
                for b in &mut flow.blocks[first..] {
                    b.items.push(Item::Line {
                        x1: x,
                        y1: 0.0,
                        x2: x,
                        y2: b.height,
                        color,
                        tag: Tag::Artifact(Artifact::Layout),
                    });
                }
            }
            MdBlock::Code(lines) => {
                let lines: Vec<Vec<Inline>> =
                    lines.iter().map(|l| vec![Inline { text: l.clone(), code: true, ..Inline::default() }]).collect();
                code_block(flow, &lines, style, indent);
            }
            MdBlock::MarkedCode(runs) => code_block(flow, &code_lines(runs), style, indent),
            MdBlock::Rule => {
                flow.space(style.space_after.0);
                flow.rule(flow.theme.colors.table_rule, indent, 3.0);
                flow.space(style.space_after.0);
            }
        }
    }
}

/// A code block: one paragraph a line, in the code face, its indentation kept; in a redline,
/// what changed in it marked.
fn code_block(flow: &mut Flow<'_>, lines: &[Vec<Inline>], style: &TextStyle, indent: f32) {
    let mut code = style.clone();
    code.space_before.0 = 0.0;
    code.space_after.0 = 0.0;
    flow.space(style.space_before.0);
    let node = flow.node(Role::Code);
    for line in lines {
        let mut spans = Vec::new();
        let mut group = 0;
        // Keep indentation visible: leading spaces become no-break spaces.
        let mut leading = true;
        for (k, run) in line.iter().enumerate() {
            let mut l = look(&code);
            l.code = true;
            if let Some(change) = run.change {
                // (One change, a group of its own, is read as one: "Deleted: …".)
                if k == 0 || line[k - 1].change != run.change {
                    group += 1;
                }
                l.mark(change, group, &flow.theme.colors);
                l.spaces = crate::redline::spaces_alone(line, k);
            }
            let text: String = run
                .text
                .chars()
                .map(|c| {
                    leading &= c == ' ';
                    if leading {
                        '\u{00A0}'
                    } else {
                        c
                    }
                })
                .collect();
            spans.push(Span { text, look: l });
            if crate::redline::needs_gap(line, k) {
                spans.push(Span { text: " ".into(), look: text::Look { gap: true, ..look(&code) } });
            }
        }
        if spans.iter().all(|s| s.text.is_empty()) {
            spans = vec![Span { text: "\u{00A0}".into(), look: text::Look { code: true, ..look(&code) } }];
        }
        flow.paragraph(node, &spans, &code, indent + flow.theme.list_indent.0 / 2.0, Align::Left, None);
    }
    flow.space(style.space_after.0);
}

/// A marked code block's runs cut into its lines, where a `\n` is.
fn code_lines(runs: &[Inline]) -> Vec<Vec<Inline>> {
    let mut lines = vec![Vec::new()];
    for run in runs {
        for (k, piece) in run.text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Vec::new());
            }
            if let (Some(line), false) = (lines.last_mut(), piece.is_empty()) {
                line.push(Inline { text: piece.to_string(), ..run.clone() });
            }
        }
    }
    lines
}

/// A list: each item's first paragraph carries the bullet or number in the indent.
fn list(
    flow: &mut Flow<'_>,
    start: Option<u64>,
    items: &[Vec<MdBlock>],
    (markers, changed): (&[String], &[Option<crate::markdown::Change>]),
    style: &TextStyle,
    indent: f32,
) {
    // Numbers end 4 pt before the text: the indent grows to fit the widest ("100.", "1000.").
    // (Once a list, not once an item: 99,999 items took 42 s.)
    let signed = crate::markdown::signed(markers);
    let labels: Vec<Label> = (0..items.len())
        .map(|n| match (start, markers.get(n)) {
            // (In a redline, the number of an item deleted or inserted, or typed anew, is
            // marked so; so is the bullet.)
            (Some(_), Some(marker)) => match changed.get(n).copied().flatten() {
                Some(change) => Label::Changed(marker.clone(), change),
                None => Label::Text(marker.clone()),
            },
            (Some(s), None) => Label::Text(format!("{}.", s + n as u64)),
            // (Pros and cons, `+` and `-`: their signs, as typed.)
            (None, Some(sign)) if signed => match changed.get(n).copied().flatten() {
                Some(change) => Label::Changed(sign.clone(), change),
                None => Label::Text(sign.clone()),
            },
            (None, _) => Label::Bullet(BulletShape::Dot, changed.get(n).copied().flatten()),
        })
        .collect();
    let widest = labels.iter().map(|l| flow.label_width(l, style)).fold(0.0, f32::max);
    let step = flow.theme.list_indent.0.max(widest + 4.0 + 0.25 * style.size.0);
    let indent = flow.inset(indent, step);
    let depth = flow.list_depth;
    flow.list_depth += 1;
    let numbering = if start.is_some() { Numbering::Decimal } else { Numbering::Disc };
    let (_, outer) = flow.enter(Role::L(numbering));
    // Items of a list sit closer together than paragraphs.
    let mut item_style = style.clone();
    item_style.space_after.0 = style.space_after.0 / 2.0;
    for (n, item) in items.iter().enumerate() {
        // Numbers as the user wrote them ("1.", "07)"); bullets by depth.
        let label = match &labels[n] {
            Label::Bullet(_, change) => {
                Label::Bullet(if depth.is_multiple_of(2) { BulletShape::Dot } else { BulletShape::Dash }, *change)
            }
            number => number.clone(),
        };
        let label_width = flow.label_width(&label, style);
        // Numbers end just before the text; bullets sit in the middle of the indent.
        let label_x = match start {
            Some(_) => indent + step - label_width - 4.0,
            None => indent + (step - label_width) / 2.0,
        }
        .max(indent);
        let (_, in_list) = flow.enter(Role::LI);
        // A number is the item's label; a bullet is drawn, an artifact.
        let lbl = match label {
            Label::Text(_) => flow.node(Role::Lbl),
            // A number marked says how, as changed text does: "Deleted: 2.".
            Label::Changed(ref number, change) => {
                let lbl = flow.node(Role::Lbl);
                let labels = &flow.theme.labels;
                let word = match change {
                    crate::markdown::Change::Deleted => &labels.deleted_text,
                    crate::markdown::Change::Inserted => &labels.inserted_text,
                };
                let said = format!("{word}{number}");
                flow.structure.set_alt(lbl, &said);
                lbl
            }
            Label::Bullet(..) => flow.parent,
        };
        let (_, in_item) = flow.enter(Role::LBody);
        if item.is_empty() {
            // An empty item ("3." alone on a line) still shows its number.
            flow.label_line(&label, &item_style, label_x, lbl);
        }
        let mut first = true;
        for block in item {
            match (block, first) {
                (MdBlock::Paragraph(inl), true) => {
                    let s = spans(inl, style, flow);
                    let p = flow.node(Role::P);
                    own_language(flow, p, inl);
                    flow.paragraph(p, &s, &item_style, indent + step, item_style.align, Some((&label, label_x, lbl)));
                }
                (other, true) => {
                    // An item that starts with something other than text: the label goes on
                    // a line of its own.
                    flow.label_line(&label, &item_style, label_x, lbl);
                    blocks(flow, std::slice::from_ref(other), &item_style, indent + step);
                }
                (other, false) => blocks(flow, std::slice::from_ref(other), &item_style, indent + step),
            }
            first = false;
        }
        flow.leave(in_item);
        flow.leave(in_list);
    }
    flow.leave(outer);
    flow.list_depth -= 1;
    flow.space(style.space_after.0);
}

/// How much more a figure, date or code resists being cut than a word: where a table's
/// longest words cannot all fit, a figure is cut only where it is wider than twice the width
/// words are cut to (eight columns of figures, dates and codes would otherwise leave the
/// others a letter wide).
const FIRM: f32 = 2.0;

/// The widths of a table's columns, `total` wide in all, as a browser lays out an automatic
/// table (CSS 2.1, 17.5.2.2): from each column's `natural` width (its widest cell on one
/// line), its `least` (its longest word: the narrowest it can be without cutting one) and its
/// `firm` (its longest figure, date or code, whose cut changes what it reads). Where every
/// cell fits on one line, shares of the total in proportion to the natural widths. Else each
/// column takes its longest word and what is left goes in proportion to what each column
/// lacks of its natural width: a column of figures and dates needs no more than them, and a
/// column of long addresses takes the rest (text47a F47a-15: "1,234,56" / "7.89" and "12 May"
/// / "2026" beside a wide address column; text45a F45a-5: "Participan/ts"). Where the longest
/// words cannot all fit, the longest of them are cut first, down to a common width, and the
/// figures kept until the words are cut to half their width (see [`FIRM`]); a cut is between
/// characters, nothing is lost, and the cut reads back whole.
fn column_widths(natural: &[f32], least: &[f32], firm: &[f32], total: f32) -> Vec<f32> {
    let sum = |v: &[f32]| v.iter().sum::<f32>();
    if sum(natural) <= total {
        let scale = total / sum(natural);
        return natural.iter().map(|w| w * scale).collect();
    }
    if sum(least) <= total {
        let room = total - sum(least);
        let lack: f32 = natural.iter().zip(least).map(|(n, l)| (n - l).max(0.0)).sum();
        return natural.iter().zip(least).map(|(n, l)| l + room * (n - l).max(0.0) / lack).collect();
    }
    // The widest tokens are cut to a common width `cap`, found by halving, so that the
    // columns take the total: a word at `cap`, a figure at twice it.
    let widths =
        |cap: f32| -> Vec<f32> { least.iter().zip(firm).map(|(l, f)| l.min(cap.max(f.min(FIRM * cap)))).collect() };
    let (mut low, mut high) = (0.0_f32, least.iter().copied().fold(0.0, f32::max));
    for _ in 0..40 {
        let cap = (low + high) / 2.0;
        if sum(&widths(cap)) > total {
            high = cap;
        } else {
            low = cap;
        }
    }
    widths(low)
}

/// A pipe table: columns share the width in proportion to their content, cells wrap, a rule
/// frames every cell, the header row is bold and stays with the first row.
fn table(
    flow: &mut Flow<'_>,
    aligns: &[Align],
    header: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    body: &TextStyle,
    indent: f32,
) {
    let style = flow.theme.styles.table.clone();
    let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns == 0 {
        return;
    }
    let pad = 4.0;
    let indent = flow.inset(indent, 0.0);
    let total = flow.width - indent;
    // Cells in Gothic, as headings: in Japanese, with the signs Japanese shares with Latin text.
    let mincho = flow.mincho(primary_language(&flow.lang) == "ja", false);
    let spans = |cell: &[Inline], flow: &Flow<'_>| {
        let mut s = spans(cell, &style, flow);
        s.iter_mut().for_each(|s| s.look.mincho = mincho);
        s
    };
    let color = flow.theme.colors.table_rule;
    let rule = |x1, y1, x2, y2| Item::Line { x1, y1, x2, y2, color, tag: Tag::Artifact(Artifact::Layout) };
    // A cell's text as it is drawn: the header's bold.
    let cell_spans = |flow: &Flow<'_>, cell: &[Inline], is_header: bool| {
        let mut s = spans(cell, flow);
        if is_header {
            s.iter_mut().for_each(|s| s.look.style.bold = true);
        }
        if primary_language(&flow.lang) != "ja" {
            s = mark_japanese(&s, &flow.lang);
        }
        s
    };
    // Natural width of each column (its widest cell on one line), the least it takes without
    // cutting a word (its longest word) and without cutting a figure, date or code, each in
    // the face the cell is drawn in.
    // (In Japanese, a cell's last line is not left with one or two characters, as a
    // paragraph's is not: text48a F48a-19.)
    let setting = Setting { cell: true, japanese: primary_language(&flow.lang) == "ja", ..Setting::default() };
    let mut natural: Vec<f32> = vec![2.0 * pad; columns];
    let (mut least, mut firm) = (vec![2.0 * pad; columns], vec![2.0 * pad; columns]);
    let all_cells = std::iter::once((header, true)).chain(rows.iter().map(|r| (r.as_slice(), false)));
    for (row, is_header) in all_cells {
        for (c, cell) in row.iter().enumerate() {
            let s = cell_spans(flow, cell, is_header);
            let lines = text::set_with(&s, f32::INFINITY, flow.fonts, setting);
            natural[c] = natural[c].max(lines.iter().map(|l| l.width).fold(0.0, f32::max) + 2.0 * pad);
            let (word, figure) = text::widest_word(&s, flow.fonts, setting);
            least[c] = least[c].max(word + 2.0 * pad);
            firm[c] = firm[c].max(figure + 2.0 * pad);
        }
    }
    let widths = column_widths(&natural, &least, &firm, total);
    flow.space(style.space_before.0);
    let x0 = flow.left + indent;
    let (_, outer) = flow.enter(Role::Table);
    let all_rows = std::iter::once((header, true)).chain(rows.iter().map(|r| (r.as_slice(), false)));
    // The header row as repeated atop each later page the table runs onto: what it draws,
    // as artifacts (its text is read once, in the first row), and its height.
    let (mut head, mut head_height) = (Vec::new(), 0.0);
    let mut head_index = None;
    let body_rows = rows.iter().filter(|r| !r.is_empty()).count();
    let mut body_row = 0;
    for (row, is_header) in all_rows {
        if row.is_empty() {
            continue;
        }
        if !is_header && head_index.is_none() && !head.is_empty() {
            flow.heads.push((head_height, std::mem::take(&mut head)));
            head_index = Some(flow.heads.len() - 1);
        }
        // A row is not left alone: the first stays with the second at the foot of a page,
        // the last with the one before at the top of the next (when the table can move).
        let keep_row = !is_header && body_rows > 1 && (body_row == 0 || body_row + 2 == body_rows);
        body_row += usize::from(!is_header);
        let (_, in_table) = flow.enter(Role::TR);
        let cell_nodes: Vec<_> =
            (0..widths.len()).map(|_| flow.node(if is_header { Role::TH } else { Role::TD })).collect();
        let mut groups: Vec<Groups> = vec![Groups::default(); widths.len()];
        // Set every cell, then emit the row as slices of one line each so a tall row can
        // still break across pages; the slices of a row stay together when they can.
        let mut cells = Vec::new();
        for (c, width) in widths.iter().enumerate() {
            let s = row.get(c).map(|cell| cell_spans(flow, cell, is_header)).unwrap_or_default();
            if let Some(cell) = row.get(c) {
                own_language(flow, cell_nodes[c], cell);
            }
            cells.push(text::set_with(&s, width - 2.0 * pad, flow.fonts, setting));
        }
        let size = style.size.0;
        let (line_h, baseline) = flow.line_metrics(size, style.line_height.0);
        let slices = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for k in 0..slices {
            let first = k == 0;
            let last = k + 1 == slices;
            let height = line_h + if first { pad } else { 0.0 } + if last { pad } else { 0.0 };
            let top_pad = if first { pad } else { 0.0 };
            let mut items = Vec::new();
            let mut x = x0;
            for (c, lines) in cells.iter().enumerate() {
                if let Some(line) = lines.get(k) {
                    let inner = widths[c] - 2.0 * pad;
                    let shift = match aligns.get(c).copied().unwrap_or_default() {
                        Align::Left | Align::Justify => 0.0,
                        Align::Center => (inner - line.width) / 2.0,
                        Align::Right => inner - line.width,
                    };
                    for run in &line.runs {
                        let (at, base) = (x + pad + shift + run.x, top_pad + baseline);
                        let tag = Tag::Node(cell_nodes[c]);
                        flow.place_run(&mut items, run, (at, base), (top_pad, line_h), tag, &mut groups[c]);
                    }
                }
                items.push(rule(x, 0.0, x, height));
                x += widths[c];
            }
            items.push(rule(x, 0.0, x, height));
            if first {
                items.push(rule(x0, 0.0, x, 0.0));
            }
            if last {
                items.push(rule(x0, height, x, height));
            }
            if is_header {
                head.extend(items.iter().filter(|i| !matches!(i, Item::Link { .. })).map(|i| {
                    let mut i = i.clone().shifted(0.0, head_height);
                    if let Item::Text(t) = &mut i {
                        t.tag = Tag::Artifact(Artifact::Pagination);
                    }
                    i
                }));
                head_height += height;
            }
            let keep_with_next = !last || is_header || keep_row;
            flow.push(Block { height, items, keep_with_next, head: head_index, ..Block::default() });
        }
        flow.leave(in_table);
    }
    flow.leave(outer);
    flow.space(style.space_after.0.max(body.space_after.0));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontBook;
    use crate::theme::{TemplateRef, Theme};

    /// A column squeezed below its longest word takes it back from a column with room to
    /// spare, when the table has room for every column's longest word; when it has not, only
    /// the longest word is cut, and the other columns keep theirs (text45a F45a-5).
    #[test]
    fn a_column_keeps_its_longest_word_where_the_table_has_room() {
        let firm = [8.0; 3];
        let widths = column_widths(&[30.0, 200.0, 400.0], &[30.0, 150.0, 60.0], &firm, 300.0);
        assert!((widths.iter().sum::<f32>() - 300.0).abs() < 0.01, "{widths:?}");
        assert!(widths.iter().zip([30.0, 150.0, 60.0]).all(|(w, l)| *w >= l - 0.01), "{widths:?}");
        let widths = column_widths(&[30.0, 200.0, 400.0], &[30.0, 250.0, 60.0], &firm, 300.0);
        assert!(widths.iter().zip([30.0, 210.0, 60.0]).all(|(w, l)| (w - l).abs() < 0.01), "{widths:?}");
    }

    /// text47a F47a-15: a column of figures and one of dates keep them whole where the table
    /// cannot keep every word: a long word is cut first, and the address column, whose cells
    /// are long but whose words are short, gives up its width; the figures break only where
    /// they alone are wider than the table, each cut to a common width.
    #[test]
    fn figures_and_dates_keep_their_width_before_any_word_does() {
        // A figure, a date, a long word ("Informationstechnik") and an address.
        let (natural, least, firm) = ([80.0, 70.0, 120.0, 600.0], [80.0, 70.0, 110.0, 60.0], [80.0, 70.0, 8.0, 30.0]);
        let widths = column_widths(&natural, &least, &firm, 300.0);
        assert!((widths.iter().sum::<f32>() - 300.0).abs() < 0.01, "{widths:?}");
        assert!(widths[0] >= 80.0 - 0.01 && widths[1] >= 70.0 - 0.01, "a figure or date is cut: {widths:?}");
        assert!(widths[3] >= 60.0 - 0.01 && widths[2] < 110.0, "the long word, not the address, is cut: {widths:?}");
        // With room for every word, each column has its longest, the address the rest.
        let widths = column_widths(&natural, &least, &firm, 400.0);
        assert!(widths.iter().zip(least).all(|(w, l)| *w >= l - 0.01) && widths[3] > 100.0, "{widths:?}");
        // Figures alone wider than the table: the widest are cut to one width, the rest kept.
        let widths = column_widths(&[90.0, 50.0, 90.0], &[90.0, 50.0, 90.0], &[90.0, 50.0, 90.0], 200.0);
        assert!(widths.iter().zip([75.0, 50.0, 75.0]).all(|(w, l)| (w - l).abs() < 0.01), "{widths:?}");
    }

    #[test]
    fn a_table_with_more_columns_than_fit_is_laid_out() {
        let fonts = FontBook::builtin();
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let mut flow = Flow::new(&fonts, &theme, 68.0, 459.0, "en");
        // 200 columns leave each about 2.3 points, less than a cell's padding.
        let md = format!("{}|\n{}|\n{}|\n", "| a ".repeat(200), "|---".repeat(200), "| b ".repeat(200));
        blocks(&mut flow, &crate::markdown::parse(&md), &theme.styles.body, 0.0);
        let text: String = flow
            .blocks
            .iter()
            .flat_map(|b| &b.items)
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!((text.matches('a').count(), text.matches('b').count()), (200, 200));
    }

    #[test]
    fn lists_and_quotes_nested_to_the_limit_stay_on_the_page() {
        // text44b F44b-4: a list nested 32 levels deep (the limit) ran past the page's right
        // edge from level 28, its last items cut to "L2", "L" or lost; side by side (columns
        // half as wide) from level 10.
        let fonts = FontBook::builtin();
        let theme = Theme::resolve(TemplateRef::Builtin("default")).unwrap();
        let list: String = (0..32).map(|n| format!("{}- L{n} item text\n", "  ".repeat(n))).collect();
        let quote: String = (0..31).map(|n| format!("{} quote{n}\n\n", ">".repeat(n + 1))).collect();
        for (md, width) in [(&list, 414.0), (&list, 196.0), (&quote, 414.0)] {
            let (left, right) = (90.0, 90.0 + width);
            let mut flow = Flow::new(&fonts, &theme, left, width, "en");
            blocks(&mut flow, &crate::markdown::parse(md), &theme.styles.body, 16.0);
            let items: Vec<_> = flow.blocks.iter().flat_map(|b| &b.items).collect();
            let mut words = Vec::new();
            for item in items {
                match item {
                    Item::Text(t) => {
                        assert!(t.x >= left && t.x + t.width <= right + 0.01, "{width}: {t:?}");
                        words.push(t.text.clone());
                    }
                    Item::Bullet { x, .. } => assert!(*x >= left && *x <= right, "{width}: {x}"),
                    Item::Line { x1, x2, .. } => assert!(x1.min(*x2) >= left && x1.max(*x2) <= right, "{width}"),
                    _ => {}
                }
            }
            let text = words.join(" ");
            let last = if md == &list { "L31" } else { "quote30" };
            assert!(text.contains(last), "{width}: {text}");
        }
    }
}
