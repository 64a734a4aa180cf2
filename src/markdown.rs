//! Markdown in bodies (paragraphs, lists, emphasis, links, pipe tables) → a small block model
//! the layout understands. Nothing the user wrote is dropped: raw HTML is kept as text, images
//! become their alt text and address, and every link shows its target.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

mod builder;
mod escapes;
mod invisible;
mod links;
mod literal;
mod markers;
mod quoting;
mod shapes;
mod slips;
mod tables;
mod typed_lines;

use builder::Builder;
pub use invisible::Unseen;
pub use links::{host_and_port, host_name, port_opens, LINK_SCHEMES};
pub use quoting::{quoted_languages, Quoted, Quoting};
pub use slips::{block_lines, Slip, SlipKind};
use tables::{cells_with_text, cells_written};
pub use typed_lines::own_lines;

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    /// Flush on both sides; the last line of a paragraph flush left. Where a block cannot
    /// be justified (a title, a table cell), it is set flush left.
    Justify,
}

impl std::str::FromStr for Align {
    type Err = String;
    fn from_str(s: &str) -> Result<Align, String> {
        match s {
            "left" => Ok(Align::Left),
            "center" | "centre" => Ok(Align::Center),
            "right" => Ok(Align::Right),
            "justify" => Ok(Align::Justify),
            _ => Err(format!("alignment '{s}' is not left, center, right or justify")),
        }
    }
}

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading inside a body (`# …`): shown as a bold run-in paragraph. The number is its
    /// depth within the body: 1 for a heading under no other heading of the body, one more
    /// for each heading above it of a lower Markdown level (`#` then `###` is 1 then 2).
    Heading(u8, Vec<Inline>),
    /// A bullet list (`start == None`) or a numbered list starting at `start`; `markers`
    /// holds each item's marker as written (`1.`, `07)`, `-`), so numbers print as typed,
    /// and so do the signs of a list of pros and cons, `+` and `-` (see [`signed`]).
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
        markers: Vec<String>,
        /// In a redline: for each item, how its marker changed. `Inserted` for an item
        /// inserted, and for a number typed otherwise in the old version (the old one is then
        /// the first run of its first paragraph, deleted); `Deleted` for an item deleted.
        /// Empty everywhere else.
        changed: Vec<Option<Change>>,
    },
    Table {
        aligns: Vec<Align>,
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    Quote(Vec<Block>),
    /// A fenced or indented code block, one string per line.
    Code(Vec<String>),
    /// In a redline, a code block whose text changed: its lines joined by `\n`, as code runs,
    /// those inserted and deleted marked ([`Inline::change`]). Each version's lines, leading
    /// spaces and all, read as typed. Only a redline makes one.
    MarkedCode(Vec<Inline>),
    Rule,
}

pub type Cell = Vec<Inline>;

/// A run of text with one look. `\n` inside `text` is a hard line break (two spaces at the
/// end of a line).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Inline {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// The target, when this run is (part of) a link.
    pub link: Option<String>,
    /// Whether this run was inserted or deleted, in a redline ([`crate::redline`]); `None`
    /// everywhere else.
    pub change: Option<Change>,
    /// Raw HTML, printed as text as typed: no typographic quotes or dashes (`<!-- -->`).
    pub raw: bool,
}

/// How a run of text or a topic differs from the earlier version, in a redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// Only in the new version.
    Inserted,
    /// Only in the old version, put back to show what went.
    Deleted,
}

/// Parses a Markdown body. Never fails: anything Markdown does not give a meaning to is text.
///
/// Only `*` marks emphasis: `_under_` and `~~tildes~~` stay as written, underscores and
/// tildes included, because in a briefing a character that silently disappears is a worse
/// surprise than markup that does not apply. For the same reason, entity references
/// (`&amp;`, `&#x41;`) print as typed, a backslash at the end of a line is a backslash
/// (`C:\`), not a line break, an asterisk between digits (`2*3*4`) is an asterisk, so are
/// two that run from inside one word to inside another, as is a gender star (`Expert*innen`,
/// inside emphasis too: `*alle Vertreter*innen*`), as
/// are backticks that do (`` EU`s and Japan`s ``), and a
/// backslash is printed unless it stops markup (`C:\Users\_data`, `\d+\.\d+`; see `escapes`).
pub fn parse(src: &str) -> Vec<Block> {
    parse_checked(src).0
}

/// What Markdown would not print as written, for validation to report (see [`parse_checked`]).
#[derive(Debug, Default, PartialEq)]
pub struct Unprinted {
    /// Links that name a scheme no link may have (see [`LINK_SCHEMES`]).
    pub links: Vec<Written>,
    /// Links to an address relative to a web page (`annex.pdf`, `#part`), which leads
    /// nowhere from a PDF or a published page: printed as text.
    pub relative: Vec<Written>,
    /// Images whose address leads nowhere as [`relative`](Self::relative) links do: an image
    /// prints as its description and address, so a reader is shown `(chart.png)`.
    pub images: Vec<Written>,
    /// Table rows of more cells than their header, whose cells past it a table drops: the
    /// row as written, its cells, the header's.
    pub rows: Vec<(String, usize, usize)>,
    /// Link definitions (`[label]: https://…`) that no link uses, which print nothing: each
    /// as written.
    pub definitions: Vec<String>,
    /// Second definitions of a label already defined (the first is the one links use), each
    /// as written.
    pub redefined: Vec<String>,
    /// The first line where lists and quotes nest deeper than [`MAX_NESTING`], for
    /// validation to point at: its number in the text (from 0) and the line as written.
    pub too_deep: Option<(usize, String)>,
    /// Lines that print other than they were most likely meant (a note that is a heading, a
    /// table without its `|---|` line), in the order of the text.
    pub slips: Vec<Slip>,
    /// The parts that print nothing but invisible characters, in the order of the text.
    pub unseen: Vec<Unseen>,
    /// A reference link (`[text][label]`) printed as typed because the parser expands at
    /// most [`REFERENCE_FUEL`] bytes of addresses (or the text's length, if longer): how many
    /// it expanded, the label of the first one past them (`[label]`, `[label][]`), where it
    /// is written, and the bytes it expands.
    pub unexpanded: Option<(usize, String, Written, usize)>,
}

/// A link's address, and where the link is written: the byte of the text it starts at, and
/// the link as written on its first line, up to the address's end (`[the annex](annex.pdf`)
/// where the address is on it.
#[derive(Debug, Default, PartialEq)]
pub struct Written {
    pub address: String,
    pub at: usize,
    pub written: String,
}

/// The bytes of addresses and titles pulldown-cmark copies into reference links, at least,
/// before it stops expanding them (`link_ref_expansion_limit`).
pub const REFERENCE_FUEL: usize = 100_000;

/// How deeply lists and quotes may nest before validation refuses the body.
pub const MAX_NESTING: usize = 32;

/// Whether the text at `at`, just after a backslash, follows a backslash the parser took away
/// that stops no markup, or that is part of an address written in plain text
/// (`https://e.org/a\*b`), and so prints (see `escapes`). The runs of backslashes and the
/// addresses are found the first time they are asked for.
fn backslash_kept(
    src: &str,
    at: usize,
    in_table: bool,
    backslashes: &mut Option<escapes::Backslashes>,
    addresses: &mut Option<Vec<std::ops::Range<usize>>>,
) -> bool {
    let runs = backslashes.get_or_insert_with(|| escapes::Backslashes::of(src));
    runs.escape(at)
        && (!runs.stops_markup(src, at, in_table)
            || links::inside_address(addresses.get_or_insert_with(|| links::address_ranges(src)), at))
}

/// [`parse`], and what it would not print as written.
pub fn parse_checked(src: &str) -> (Vec<Block>, Unprinted) {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut b = Builder::default();
    let mut header_cells = 0;
    let mut used: Vec<String> = Vec::new();
    let mut nesting = 0usize;
    let mut watch = slips::Watch::default();
    let mut parts = invisible::Parts::default();
    // The addresses written in the text, found at the first emphasis (see `inside_address`).
    let mut addresses = None;
    let mut in_table = false;
    // The runs of backslashes in the text, found at the first backslash an event follows.
    let mut backslashes = None;
    // What is left of the parser's fuel for reference links, and where the text goes on once
    // it is spent (a reference link past it prints as typed).
    let (mut fuel, mut past_fuel) = (src.len().max(REFERENCE_FUEL), None);
    // Past it, the text printed as text, where a reference prints.
    let mut printed = links::Printed::default();
    // (Gender stars read as letters: the same text, byte for byte, but for them.)
    let read = literal::gender_stars(src);
    let mut events = Parser::new_ext(&read, opts).into_offset_iter();
    let mut cites = links::Citations::new(src, events.reference_definitions().iter().map(|(l, d)| (l, &d.span)));
    for (ev, range) in events.by_ref() {
        let ev = literal::restore(ev, &src[range.clone()]);
        cites.see(&mut b, src, &ev, &range);
        watch.see(src, &ev, &range);
        parts.see(src, &ev, &range);
        if past_fuel.is_some() {
            printed.see(&ev, &range);
        }
        if let (Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }), false) = (&ev, cites.cited) {
            let image = matches!(ev, Event::Start(Tag::Image { .. }));
            links::note_unfollowable(&mut b.unprinted, dest_url, &src[range.clone()], (range.start, image));
        }
        // A star glued to its item's word at a line's start, `*First` / `*Second`, which the
        // parser gives apart from the word: the line's marker is found as typed (F45a-32).
        if matches!(&ev, Event::Text(t) if b.soft_break && **t == *"*")
            && src[..range.start].trim_end_matches([' ', '\t']).ends_with('\n')
        {
            b.glued_star = markers::Marker::of(&src[range.start..]);
        }
        match &ev {
            Event::Start(Tag::Link { id, dest_url, title, .. } | Tag::Image { id, dest_url, title, .. })
                if !id.is_empty() =>
            {
                used.push(id.to_string());
                fuel = fuel.saturating_sub(dest_url.len() + title.len());
                // (Past the link that spent it.)
                if fuel == 0 && past_fuel.is_none() {
                    past_fuel = Some(range.end);
                }
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                nesting += 1;
                if nesting > MAX_NESTING && b.unprinted.too_deep.is_none() {
                    let line_start = src[..range.start].rfind('\n').map_or(0, |n| n + 1);
                    let line = src[line_start..].lines().next().unwrap_or("").trim();
                    b.unprinted.too_deep = Some((src[..line_start].matches('\n').count(), line.to_string()));
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => nesting = nesting.saturating_sub(1),
            Event::Start(Tag::TableHead) => header_cells = cells_written(&src[range.clone()]),
            Event::Start(Tag::TableRow) => {
                let row = src[range.clone()].lines().next().unwrap_or("");
                let cells = cells_with_text(row);
                if cells > header_cells {
                    b.unprinted.rows.push((row.trim().to_string(), cells, header_cells));
                }
            }
            Event::Start(Tag::Table(_)) => in_table = true,
            // Sources numbered `[1]` / `[2]`, or names one a line: the lines stay lines
            // (text46a F46a-5, text45a F45a-31).
            Event::Start(Tag::Paragraph) => b.kept_lines = typed_lines::kept(&src[range.clone()]),
            // A list item's text after five spaces or more, `1.      Draft a note`, which
            // Markdown reads as code: the item's text, the spaces its gap (text45a F45a-7).
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) if shapes::after_marker(src, range.start) => {
                b.item_text = true
            }
            Event::End(TagEnd::Table) => in_table = false,
            // A backslash the parser took away that stops no markup, or is part of an address
            // written in plain text (`https://e.org/a\*b`): back, as typed.
            Event::Text(_)
                if range.start > 0
                    && src.as_bytes()[range.start - 1] == b'\\'
                    && backslash_kept(src, range.start, in_table, &mut backslashes, &mut addresses) =>
            {
                b.push_text("\\", false);
            }
            // An entity reference, which the parser decodes: as typed.
            Event::Text(t) if src[range.clone()].starts_with('&') && **t != src[range.clone()] => {
                parts.text(&src[range.clone()]);
                b.push_text(&src[range], false);
                continue;
            }
            // A backslash that would make a line break: a backslash, and the line goes on.
            Event::HardBreak if src[range.clone()].starts_with('\\') => {
                parts.text("\\");
                b.push_text("\\", false);
                b.soft_break = true;
                continue;
            }
            // Backticks that pair up from inside one word to inside another (`EU`s and
            // Japan`s`): as typed, not code.
            Event::Code(code) if literal::inside_words(src, &range, '`') => {
                let ticks = src[range.start..].len() - src[range.start..].trim_start_matches('`').len();
                let ticks = &src[range.start..range.start + ticks];
                b.push_text(&format!("{ticks}{code}{ticks}"), false);
                continue;
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => {
                let strong = matches!(ev, Event::Start(Tag::Strong));
                let literal = src[range.start..].starts_with('_')
                    || literal::between_digits(src, range.start, strong)
                    || literal::inside_words(src, &range, '*')
                    || links::inside_address(addresses.get_or_insert_with(|| links::address_ranges(src)), range.start);
                if literal {
                    let marker = match (src[range.start..].starts_with('_'), strong) {
                        (true, true) => "__",
                        (true, false) => "_",
                        (false, true) => "**",
                        (false, false) => "*",
                    };
                    parts.text(marker);
                    b.push_text(marker, false);
                    b.literal.push(Some(marker));
                    continue;
                }
                b.literal.push(None);
            }
            Event::Start(Tag::Item) => {
                let at = src[range.start..].trim_start();
                let digits = at.len() - at.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let marker_len = if digits > 0 { digits + 1 } else { at.chars().next().map_or(0, char::len_utf8) };
                b.item_marker = at.get(..marker_len).unwrap_or_default().to_string();
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                if let Some(Some(marker)) = b.literal.pop() {
                    b.push_text(marker, false);
                    continue;
                }
            }
            _ => {}
        }
        // An address glued to the word before it, `report<https://e.org/x>`: its brackets
        // print (text46a F46a-26).
        let glued = matches!(ev, Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link))
            && links::glued_address(src, &range);
        if glued && matches!(ev, Event::Start(_)) {
            b.push_text("<", false);
        }
        let Some(ev) = cites.print(&mut b, ev) else { continue };
        // (Lists of `+` and `-` items next to each other, pros and cons: one list; F47a-10.)
        b.join_list = watch.joins();
        let closed = glued && matches!(ev, Event::End(_));
        b.event(ev);
        if closed {
            b.push_text(">", false);
        }
    }
    // (A footnote that ends the text is its last block, before the lists of sources printed
    // after it: F47a-10.)
    let (slips, footnote) = watch.finish(src);
    if footnote {
        b.footnote();
    }
    used.extend(cites.finish(&mut b, src));
    let definitions = events.reference_definitions();
    // The reference links past the fuel print as typed: the first is told, and the
    // definitions they name are not unused.
    if let Some(from) = past_fuel {
        let texts = printed.texts.iter().filter(|r| r.start >= from);
        let (first, labels) = links::past_fuel(src, texts, |label| definitions.get(label).is_some());
        b.unprinted.unexpanded =
            first.map(|(shown, written)| (used.len(), shown, written, src.len().max(REFERENCE_FUEL)));
        used.extend(labels);
    }
    // (Sets and a sorted list, not searches of lists: a body may hold 100,000 links.)
    let used: std::collections::HashSet<(usize, usize)> =
        used.iter().filter_map(|id| definitions.get(id).map(|d| (d.span.start, d.span.end))).collect();
    let mut unused: Vec<_> =
        definitions.iter().map(|(_, d)| d.span.clone()).filter(|s| !used.contains(&(s.start, s.end))).collect();
    let mut spans: Vec<std::ops::Range<usize>> = definitions.iter().map(|(_, d)| d.span.clone()).collect();
    spans.sort_by_key(|s| s.start);
    let defined_at =
        |at: usize| spans[..spans.partition_point(|s| s.start <= at)].last().is_some_and(|s| s.contains(&at));
    unused.sort_by_key(|s| s.start);
    b.unprinted.definitions = unused.into_iter().map(|s| src[s].trim().to_string()).collect();
    // A label defined again: the definition is not one of the parse's, and its label is.
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let text = line.trim_start();
        let indent = line.len() - text.len();
        let label = text.strip_prefix('[').and_then(|rest| rest.find("]:").map(|end| &rest[..end]));
        if let Some(label) = label.filter(|_| indent <= 3) {
            if definitions.get(label).is_some() && !defined_at(at + indent) {
                b.unprinted.redefined.push(text.trim().to_string());
            }
        }
        at += line.len();
    }
    b.unprinted.slips = slips;
    b.unprinted.unseen = parts.finish();
    let unprinted = std::mem::take(&mut b.unprinted);
    let mut blocks = b.finish();
    relative_headings(&mut blocks);
    (blocks, unprinted)
}

/// Turns the Markdown levels of a body's headings (`#` is 1, `######` 6), as parsed, into
/// depths within the body: one more than the number of headings above it that are still open
/// (of a lower Markdown level), so that the structure's headings nest as written without a
/// gap (`#` then `###` is 1 then 2).
fn relative_headings(blocks: &mut [Block]) {
    // Depth first, in document order, without recursion (bodies may nest thousands deep
    // before validation refuses them): a stack of the block lists still to visit.
    let mut open: Vec<u8> = Vec::new();
    let mut todo: Vec<std::slice::IterMut<'_, Block>> = vec![blocks.iter_mut()];
    while let Some(top) = todo.last_mut() {
        let Some(block) = top.next() else {
            todo.pop();
            continue;
        };
        match block {
            Block::Heading(level, _) => {
                while open.last().is_some_and(|&l| l >= *level) {
                    open.pop();
                }
                open.push(*level);
                *level = open.len() as u8;
            }
            Block::List { items, .. } => {
                // Items in order: pushed last to first.
                for item in items.iter_mut().rev() {
                    todo.push(item.iter_mut());
                }
            }
            Block::Quote(inner) => todo.push(inner.iter_mut()),
            _ => {}
        }
    }
}

/// Whether a bullet list's `markers` are signs, pros and cons typed `+` and `-`, which print
/// as typed in place of bullets: both are, and no other (text47a F47a-10).
pub fn signed(markers: &[String]) -> bool {
    markers.iter().all(|m| m == "+" || m == "-") && markers.iter().any(|m| m == "+") && markers.iter().any(|m| m == "-")
}

/// The text of inlines with their look removed, for metadata and tests.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// The text of `inlines` as it reads now: without a redline's deleted runs (whose language
/// is not the paragraph's, when it was translated since).
pub fn current_text(inlines: &[Inline]) -> String {
    inlines.iter().filter(|i| i.change != Some(Change::Deleted)).map(|i| i.text.as_str()).collect()
}

/// The text of a redline's deleted runs from `inlines[k]` on, to the end of the change.
pub fn deleted_from(inlines: &[Inline], k: usize) -> String {
    let rest = inlines.get(k..).unwrap_or_default();
    rest.iter().take_while(|i| i.change == Some(Change::Deleted)).map(|i| i.text.as_str()).collect()
}

/// Every inline of `blocks`, in reading order (paragraphs, headings, list items, table cells).
pub fn visit_inlines<'a>(blocks: &'a [Block], f: &mut dyn FnMut(&'a Inline)) {
    for b in blocks {
        match b {
            Block::Paragraph(i) | Block::Heading(_, i) | Block::MarkedCode(i) => i.iter().for_each(&mut *f),
            Block::List { items, .. } => items.iter().for_each(|it| visit_inlines(it, f)),
            Block::Table { header, rows, .. } => header.iter().chain(rows.iter().flatten()).flatten().for_each(&mut *f),
            Block::Quote(inner) => visit_inlines(inner, f),
            Block::Code(_) | Block::Rule => {}
        }
    }
}

/// Every piece of text in `blocks`, in reading order (paragraphs, list items, table cells).
pub fn visit_text<'a>(blocks: &'a [Block], f: &mut dyn FnMut(&'a str)) {
    for b in blocks {
        match b {
            Block::Paragraph(i) | Block::Heading(_, i) | Block::MarkedCode(i) => i.iter().for_each(|i| f(&i.text)),
            Block::List { items, .. } => items.iter().for_each(|it| visit_text(it, f)),
            Block::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    cell.iter().for_each(|i| f(&i.text));
                }
            }
            Block::Quote(inner) => visit_text(inner, f),
            Block::Code(lines) => lines.iter().for_each(|l| f(l)),
            Block::Rule => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(blocks: &[Block]) -> String {
        let mut s = String::new();
        visit_text(blocks, &mut |t| {
            s.push_str(t);
            s.push('|')
        });
        s
    }

    #[test]
    fn stars_between_marks_or_beside_a_slash_are_printed() {
        // text49b F49b-9, F49b-7: footnote marks and globs lost their stars to italics.
        for src in [
            "Footnote (*) applies; see (*) below.",
            "Marks (**) and (**) here.",
            "See [*] and [*] too.",
            "注（*）と注（*）を参照。",
            "Path /usr/*/bin and /opt/*/lib.",
            "Files src/*.rs and tests/*.rs compile.",
        ] {
            let blocks = parse(src);
            let Block::Paragraph(inlines) = &blocks[0] else { panic!("{blocks:?}") };
            assert_eq!(plain_text(inlines), src);
            assert!(inlines.iter().all(|i| !i.strong && !i.emphasis), "{src}: {inlines:?}");
        }
        for src in ["(*see below*)", "\"*quoted*\"", "*3* items", "これは**重要**です", "**Note**/**Hinweis**", "a/*b*"]
        {
            let blocks = parse(src);
            let Block::Paragraph(inlines) = &blocks[0] else { panic!("{blocks:?}") };
            assert!(inlines.iter().any(|i| i.strong || i.emphasis), "{src}: {inlines:?}");
        }
    }

    #[test]
    fn asterisks_between_digits_are_printed() {
        for (src, text) in [("2*3*4", "2*3*4"), ("5*6 m and 7*8", "5*6 m and 7*8"), ("10**3**2", "10**3**2")] {
            let blocks = parse(src);
            let Block::Paragraph(inlines) = &blocks[0] else { panic!("{blocks:?}") };
            assert_eq!(plain_text(inlines), text);
            assert!(inlines.iter().all(|i| !i.strong && !i.emphasis), "{src}: {inlines:?}");
        }
        // Emphasis of a number, and emphasis with an end at a word's edge, stay emphasis.
        for src in ["*3* items", "**Beyond**5G", "**5G** and 2*3"] {
            let blocks = parse(src);
            let Block::Paragraph(inlines) = &blocks[0] else { panic!("{blocks:?}") };
            assert!(inlines.iter().any(|i| i.strong || i.emphasis), "{src}: {inlines:?}");
        }
    }

    #[test]
    fn stars_from_inside_one_word_to_inside_another_are_printed() {
        for src in [
            "Vertreter*innen der Ministerien sowie Expert*innen aus der Wirtschaft.",
            "Participaron l*s representantes y tod*s l*s expert*s.",
            "the formula is a*b*c",
            "a**b**c and x***y***z",
            "> Die Bürger*innen und\n> Nutzer*innen",
            // Footnote marks, a star before a number (text41a F41a-6).
            "売上は20%増*1となり、費用は10%減*2となった。",
            "up 20%*1 and down 10%*2 on the year",
            // A star between a letter and a lowercase one is a letter of its word, wherever
            // another star is (text41a F41a-5), so emphasis inside a word prints as typed.
            "foo*bar* baz",
            "un*frigging*",
            "Die Bürger*innen* und",
        ] {
            let blocks = parse(src);
            let want = src.replace("\n> ", " ").replace("> ", "");
            assert_eq!(text(&blocks), format!("{want}|"), "{src}");
            let mut marked = false;
            visit_inlines(&blocks, &mut |i| marked |= i.strong || i.emphasis);
            assert!(!marked, "{src}: {blocks:?}");
        }
        // With an end at a word's edge, or in Japanese (no spaces between words), emphasis.
        for (src, em) in [
            ("*word*", "word"),
            ("un*frigging*believable *again*", "again"),
            // A gender star inside emphasis (text41a F41a-5).
            ("Wir danken *allen Vertreter*innen* herzlich", "allen Vertreter*innen"),
            ("*die Bürger*innen und Expert*innen*", "die Bürger*innen und Expert*innen"),
            ("**Kolleg*innen** und *Kolleg*in*", "Kolleg*innen|Kolleg*in"),
            ("これは**重要**です", "重要"),
            ("Beyond*5G*戦略", "5G"),
            ("これは*1位*です", "1位"),
        ] {
            let mut found = Vec::new();
            visit_inlines(&parse(src), &mut |i| {
                if i.strong || i.emphasis {
                    found.push(i.text.clone())
                }
            });
            assert_eq!(found.join("|"), em, "{src}");
        }
    }

    #[test]
    fn backticks_from_inside_one_word_to_inside_another_are_printed() {
        // (A backtick between two letters opens nothing, whatever it would pair with; text41a
        // F41a-20.)
        for src in
            ["The EU`s and Japan`s positions", "a``b``c", "the EU`s\nand Japan`s", "The EU`s view; run `make all` now."]
        {
            let blocks = parse(src);
            assert_eq!(text(&blocks), format!("{}|", src.replace('\n', " ")), "{src}");
            let mut code = false;
            visit_inlines(&blocks, &mut |i| code |= i.code);
            assert!(!code, "{src}: {blocks:?}");
        }
        // A code span with an end at a word's edge is code.
        for (src, want) in [("`x`", "x"), ("run `cmd` now", "cmd"), ("the `cfg`s", "cfg"), ("x `y`z", "y")] {
            let mut code = Vec::new();
            visit_inlines(&parse(src), &mut |i| {
                if i.code {
                    code.push(i.text.clone())
                }
            });
            assert_eq!(code, [want], "{src}");
        }
    }

    #[test]
    fn headings_keep_their_depth_within_the_body_without_gaps() {
        let depths = |src: &str| -> Vec<u8> {
            parse(src)
                .iter()
                .filter_map(|b| match b {
                    Block::Heading(d, _) => Some(*d),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(depths("### a\n\n#### b\n\n###### c\n\n### d\n\n## e"), [1, 2, 3, 1, 1]);
        assert_eq!(depths("# a\n\n### b"), [1, 2], "a skipped level closes up");
        assert_eq!(depths("#### only"), [1]);
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let b = parse("One line\ncontinues.\n\nSecond.");
        assert_eq!(b.len(), 2);
        assert_eq!(text(&b), "One line continues.|Second.|");
    }

    #[test]
    fn a_line_break_between_japanese_characters_is_no_space() {
        let b =
            parse("双方は確認しました。\n双方は、*共同研究*\nの公募を\nBeyond 5G\nと呼び、EU\n側は\n`code`\n「続く」");
        assert_eq!(text(&b), "双方は確認しました。双方は、|共同研究|の公募をBeyond 5Gと呼び、EU側は|code|「続く」|");
        // A Latin word beside a Japanese line joins it in Japanese text (text43a F43a-26), not
        // a Japanese name in an English one.
        assert_eq!(
            text(&parse("第10回日EU・ICT\n戦略ワークショップを開催し、Beyond\n5G及びAI\nガバナンス")),
            "第10回日EU・ICT戦略ワークショップを開催し、Beyond 5G及びAIガバナンス|"
        );
        assert_eq!(text(&parse("met the ministry 総務省\nstaff")), "met the ministry 総務省 staff|");
    }

    #[test]
    fn a_line_that_starts_with_a_bullet_or_note_mark_stays_a_line() {
        // text40a F40a-14: `・`, `○`, `※` lines ran together, a space put before `※`.
        let typed = "総務省は開催しました。\n※詳細は別紙。\n・日本側：紹介。\n・EU側：説明。\n○今後の課題：標準化。";
        assert_eq!(text(&parse(typed)), format!("{typed}|"));
        assert_eq!(text(&parse("手順\n①準備\n②実施\n\nAgenda:\n● Opening")), "手順\n①準備\n②実施|Agenda:\n● Opening|");
        // A mark Japanese sets full width joins a Japanese line without a space, and one that
        // begins no line of its own goes on the line.
        assert_eq!(
            text(&parse("第1文です。\n…続き。\n第2文です。\n“引用”\nとした。\nEU\n…and more")),
            "第1文です。…続き。第2文です。“引用”とした。 EU …and more|"
        );
        // Numbered items and labels of Japanese official texts stay lines (text42a F42a-17),
        // and a number beside a Japanese character joins it without a space (F42a-8).
        for typed in [
            "主な議題は次のとおり。\n１．AIガバナンス\n２．半導体\n10．データ流通",
            "双方は以下を確認した。\n（１）研究開発の協力\n（２）標準化の推進\n(3) 人材交流",
            "留意事項\nア．日程\nイ．場所\n（ウ）費用\n第1条 目的\n第２条 定義",
            "【開催概要】\n日時：2026年5月12日\n場所：ブリュッセル\n＜主な成果＞\n双方は協力を確認した。\n〔参考〕\n詳細は別添のとおり。",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        assert_eq!(
            text(&parse("双方は2020年10月\n1日及び2日に会合し、第5回会合を2021年\n3月に開催する。\n第5回会合で")),
            "双方は2020年10月1日及び2日に会合し、第5回会合を2021年3月に開催する。第5回会合で|"
        );
        // The numbers of the Cabinet's 公用文 style, with a full-width space after them, stay
        // lines (text43a F43a-3: `…AIガバナンスイ　半導体第２　今後の予定`), as do Roman and kanji
        // numbers, parts of a text, `〇` and a line indented with a full-width space; a line
        // numbered so starts a line under a Latin one too.
        for typed in [
            "第１　総則\n１　目的\n　本会合は、日EU間の協力を確認するものである。\n２　協力分野\nア　AIガバナンス\nイ　半導体\n第２　今後の予定",
            "構成\nⅠ．総論\nⅱ 各論\n〇　次回会合は東京で開催する。\n〇共同声明を発出する。",
            "目次\n第1章 総則\n第２章　協力\n第3節\n第十条\n第1 定義\n一、日程\n二　場所\n十一．費用\n（あ）研究\nい　人材",
            "協力分野\nア　AI\nイ　5G\nウ　データ",
            // (And half-width katakana, as old layouts number their fifth level: F44a-21.)
            "参加者は以下のとおり。\n(ｱ) 日本側：総務省\n(ｲ) 欧州側：欧州委員会\nｱ 日本側\nｲ．欧州側\n(ｳ)第三国",
            // (And bullets typed as the Japanese input's dashes, or Word's small ones: F43a-32.)
            "主な議題：\nー　AIガバナンス\nー　半導体\n－　データ流通\n◦ サイバー\n▪ 5G",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // A line that a sentence goes on from is no item: a day, a count, a reference.
        assert_eq!(
            text(&parse("会合は\n１日に開いた。双方は\n一、二度会合し、\n第2章で述べた\n第1 回会合を\n十分に\nアジアと\nいずれも")),
            "会合は１日に開いた。双方は一、二度会合し、第2章で述べた第1 回会合を十分にアジアといずれも|"
        );
        // The line after a label is told from the line the label is on, wherever that line
        // starts: after a hard break, after emphasis, after many joined lines (text43a F43a-12:
        // the line was found by searching the paragraph so far, in quadratic time).
        let joined = format!("{}\n【参考】\n詳細", "双方は確認した。\n".repeat(50).trim_end());
        for (typed, printed) in [
            ("前文。  \n【参考】\n詳細は別添のとおり。", "前文。\n【参考】\n詳細は別添のとおり。|"),
            (
                "**【開催概要】**\n双方は*協力*を確認した。\n〔参考〕\n詳細",
                "【開催概要】|\n双方は|協力|を確認した。\n〔参考〕\n詳細|",
            ),
            (&joined, &format!("{}\n【参考】\n詳細|", "双方は確認した。".repeat(50))),
        ] {
            assert_eq!(text(&parse(typed)), printed, "{typed}");
        }
        assert_eq!(text(&parse("【参考】の\n資料")), "【参考】の資料|", "a bracket that ends no label");
        // Under a Latin line, or in the middle of a Japanese one, they are text.
        assert_eq!(text(&parse("Agreed on\n(1) data")), "Agreed on (1) data|");
        assert_eq!(text(&parse("日本は\n1.5倍に\n10.5倍に")), "日本は1.5倍に10.5倍に|");
        assert_eq!(text(&parse("サイバー\nーと呼ぶ")), "サイバーーと呼ぶ|", "a long vowel mark, no bullet");
        // Before a quotation that opens English text, the line break is a space (text41a
        // F41a-19: "Minister 山田“We agree…”").
        assert_eq!(
            text(&parse("read by Minister 山田\n“We agree,” she said.")),
            "read by Minister 山田 “We agree,” she said.|"
        );
    }

    #[test]
    fn more_japanese_numbers_and_bullets_stay_lines() {
        // text45a F45a-22: "…合意した。ア）　信頼できるAIの推進イ）　国際標準化の推進", and a space
        // nobody typed before `(ⅰ)`, `ⓐ`, `Q１．`.
        for (a, b) in [
            ("ア）", "イ）"),
            ("イ）", "ロ）"),
            ("ア)", "イ)"),
            ("ａ．", "ｂ．"),
            ("Ａ．", "Ｂ．"),
            ("Ａ", "Ｂ"),
            ("ａ", "ｂ"),
            ("(ⅰ)", "(ⅱ)"),
            ("ⅰ）", "ⅱ）"),
            ("㋐", "㋑"),
            ("ⓐ", "ⓑ"),
            ("１-１", "１-２"),
            ("1-1", "1-2"),
            ("問１", "問２"),
            ("Q１．", "Q２．"),
            ("✓", "✓"),
            ("＋", "＋"),
        ] {
            let typed = format!("双方は以下のとおり合意した。\n{a}　信頼できるAIの推進\n{b}　国際標準化の推進");
            assert_eq!(text(&parse(&typed)), format!("{typed}|"));
        }
        // A word a sentence goes on with is none; a label before a full-width colon is one.
        assert_eq!(text(&parse("双方は\n問題を確認し、\nアジア）の")), "双方は問題を確認し、アジア）の|");
        let typed =
            "問合せ先は次のとおり。\nＴＥＬ：０３－５２５３－５９２０\n問合せ先：総務省\nｎｏｔｅ：　詳細は別添。";
        assert_eq!(text(&parse(typed)), format!("{typed}|"));
    }

    #[test]
    fn a_list_items_text_after_many_spaces_is_its_text_not_code() {
        // text45a F45a-7: Word's numbered list as Outlook's plain text gives it printed "1." alone
        // and its text under it in the code face.
        let blocks = parse("Next steps:\n\n1.      Draft a **joint** note\n\n2.      Hold a follow-up call");
        let Block::List { items, start: Some(1), .. } = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!(
            items.iter().map(|i| text(i)).collect::<Vec<_>>(),
            ["Draft a |joint| note|", "Hold a follow-up call|"]
        );
        let Block::Paragraph(inlines) = &items[0][0] else { panic!("{items:?}") };
        assert!(inlines.iter().any(|i| i.strong && i.text == "joint"));
        for typed in ["1.     Five spaces", "-      Dash and six", "*      Star and six\n       and more"] {
            let blocks = parse(typed);
            let Block::List { items, .. } = &blocks[0] else { panic!("{blocks:?}") };
            assert!(matches!(items[0][..], [Block::Paragraph(_)]), "{typed}: {blocks:?}");
        }
        assert_eq!(text(&parse("*      Star and six\n       and more")), "Star and six and more|");
        // Code under an item, on a line of its own, is code.
        let blocks = parse("1. Run:\n\n       cargo build");
        let Block::List { items, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert!(matches!(&items[0][1], Block::Code(lines) if lines == &["cargo build"]), "{items:?}");
    }

    #[test]
    fn a_list_pasted_from_word_keeps_its_levels_as_lines() {
        // Word's second level, `o<tab>`, and the letters of its symbol fonts' bullets, a tab
        // after each, stay lines as its first level's `•<tab>` does (text44a F44a-16: "• Data
        // flows o Cross-border transfers").
        for typed in [
            "The sides agreed on:\n•\tData flows\no\tCross-border transfers\no\tData spaces\n•\tAI governance\no\tCode of conduct",
            "Next steps:\nØ\tDraft a joint note\nØ\tHold a call\n§\tShare data\nü\tAgreed on AI\n\u{F0A7}\tReview",
            "Actions:\na)\tFirst letter\nc)\tThird letter",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // A tab further on in a line is no list's.
        assert_eq!(text(&parse("Totals\nall\t5")), "Totals all\t5|");
        // Outlook's plain text and Word's "Save as text" write spaces for the tab, and other
        // inputs a dot and a space (text45a F45a-8: "…following: ·        AI governance …
        // ·        Data Free Flow…", the gaps printed in mid-line).
        for typed in [
            "The sides agreed on the following:\n·         AI governance\n·         Data Free Flow with Trust\no   Supply chains\no   Research\n§  Annex",
            "Next steps:\n⁃ hyphen bullet\n∙ bullet operator\n· middle dot",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // A letter or a word before two spaces is text, as a dot is before a word.
        assert_eq!(text(&parse("We met\nI  think\nall  5\n·x")), "We met I  think all  5 ·x|");
    }

    #[test]
    fn a_list_typed_without_the_space_after_its_marker_keeps_its_lines() {
        // text45a F45a-32: "Topics: -AI governance -Data flows -Semiconductors", check ok.
        for typed in [
            "Topics:\n-AI governance\n-Data flows\n-Semiconductors",
            "Steps:\n1.Draft a note\n2.Hold a call",
            "Items:\n*First\n*Second",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // One such line under running text is a word a sentence goes on with.
        for (typed, joined) in [
            ("a rule\n-based approach", "a rule -based approach|"),
            ("see version\n1.Draft of the note", "see version 1.Draft of the note|"),
            ("the first\n*draft and\n-final text", "the first *draft and -final text|"),
        ] {
            assert_eq!(text(&parse(typed)), joined);
        }
    }

    #[test]
    fn sources_and_names_typed_line_by_line_stay_lines() {
        // text46a F46a-5: "[1] Source A [2] Source B [3] …"; text45a F45a-31: "Mr. A, Ministry X
        // Ms. B, Commission".
        for typed in [
            "Sources:\n[1] Source A, MIC 2020\n[2] Source B, Commission 2021.\n[3] Source C",
            "Participants:\nMr. A, Ministry X\nMs. B, Commission\nDr. C, OECD",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // A sentence wrapped by hand still joins.
        let wrapped = "Japan and the EU introduced\nthe respective situations.";
        assert_eq!(text(&parse(wrapped)), "Japan and the EU introduced the respective situations.|");
    }

    #[test]
    fn an_address_glued_to_a_word_keeps_its_brackets() {
        // text46a F46a-26: Outlook's `report<https://…>` printed `reporthttps://…`.
        let blocks = parse("See the report<https://example.org/x> for details.");
        let Block::Paragraph(inlines) = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(plain_text(inlines), "See the report<https://example.org/x> for details.");
        let linked: Vec<_> = inlines.iter().filter(|i| i.link.is_some()).map(|i| i.text.as_str()).collect();
        assert_eq!(linked, ["https://example.org/x"]);
        // After a space or a Japanese character, the brackets are markup.
        assert_eq!(text(&parse("the annex <https://example.org/y> too")), "the annex |https://example.org/y| too|");
        assert_eq!(text(&parse("詳細は<https://example.org/資料>を参照")), "詳細は|https://example.org/資料|を参照|");
    }

    #[test]
    fn a_programme_timeline_or_labels_typed_line_by_line_stay_lines() {
        // text45a F45a-31: "Programme: 09:30 Registration 10:00 Opening remarks …", and
        // "…開会10:05　挨拶…", with nothing between the item and the next time.
        for typed in [
            "Programme:\n09:30 Registration\n10:00 Opening remarks\n10:15 Session 1: AI governance\n12:00 Lunch",
            "議事次第は次のとおり。\n10:00　開会\n10:05　挨拶\n10:15　議題１：AIガバナンス\n１２：００　閉会",
            "Programme:\n09.30–10.00 Registration\n10.00 Opening",
            "Timeline:\n2026-05-12 Council meeting\n2026-06-30 Report due\n12 May 2026 – meeting\n30 June 2026 – report",
            "Dates:\n12.05.2026 Council\n30.06.2026 Report",
            "Participants:\nJapan: Mr. YAMADA Taro, Vice-Minister (MIC)\nEU: Ms. Anna Schmidt (DG CONNECT)\nDate: 12 May 2026\nVenue: Brussels",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // A time or a date a sentence goes on from, one alone, or a time before an earlier one,
        // is text.
        for (typed, joined) in [
            (
                "The session runs from\n09:30 to noon, and\n10:00 is the break.",
                "The session runs from 09:30 to noon, and 10:00 is the break.|",
            ),
            (
                "It met on\n12 May 2026 in Brussels and on\n30 June 2026 in Tokyo.",
                "It met on 12 May 2026 in Brussels and on 30 June 2026 in Tokyo.|",
            ),
            ("Lunch is at\n12:00 Sharp, then\n09:30 Tomorrow", "Lunch is at 12:00 Sharp, then 09:30 Tomorrow|"),
            ("as noted by the\nCommission: the plan", "as noted by the Commission: the plan|"),
        ] {
            assert_eq!(text(&parse(typed)), joined);
        }
    }

    #[test]
    fn lettered_and_roman_lists_typed_line_by_line_stay_lines() {
        // Lines that start with markers in sequence, as EU texts and Outlook write a list,
        // stay lines (text44a F44a-2: "The Council: (a) welcomes …; (b) calls on …").
        for typed in [
            "The Council:\n(a) welcomes the progress;\n(b) calls on the Commission;\n(c) invites Member States.",
            "The parties agreed to:\na) set up a working group;\nb) meet again in autumn.",
            "Three strands were named:\ni. research;\nii. standards;\niii. skills.",
            "The Council agreed:\n(1) to continue the dialogue;\n(2) to meet again in autumn.",
            "Next steps:\n– draft a joint note\n– hold a follow-up call",
            "(i) the first\n(ii) the second\n(iii) the third\n(iv) the fourth",
            "Items:\n(g) seven\n(h) eight\n(i) nine",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        // Under a numbered item, the letters stay lines of the item.
        let blocks = parse("1. Hold a call\n(a) first\n(b) second");
        let Block::List { items, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(text(&items[0]), "Hold a call\n(a) first\n(b) second|");
        // A marker on one line alone, or out of sequence, is text a sentence goes on from.
        for (typed, joined) in [
            ("as set out in point\n(a) of Article 5", "as set out in point (a) of Article 5|"),
            ("points\n(a) and\n(c) apply", "points (a) and (c) apply|"),
            ("see\n(a) above and\nb) below", "see (a) above and b) below|"),
            ("the result\n– as expected –\nwas good", "the result – as expected – was good|"),
        ] {
            assert_eq!(text(&parse(typed)), joined);
        }
        // The enumerations of other EU legal texts: German `aa)` under `a)`, French, Italian,
        // Spanish and Portuguese ordinals, and provisions one a line (text45a F45a-14: "b)
        // fordern. aa) erstens; bb) zweitens.", "Punkty: 1° pierwszy; 2° drugi.").
        for typed in [
            "Die Parteien:\na) begrüßen;\nb) fordern.\naa) erstens;\nbb) zweitens.",
            "Punkty:\n1° pierwszy;\n2° drugi.",
            "Las partes acordaron:\n1.º crear un grupo de trabajo;\n2.º reunirse de nuevo en otoño.",
            "As partes acordaram:\n1.ª reunião em Lisboa;\n2.ª reunião em Tóquio.",
            "Articles:\nArt. 1 Scope;\nArt. 2 Definitions.\n§ 1 Geltungsbereich\n§ 2 Begriffe",
        ] {
            assert_eq!(text(&parse(typed)), format!("{typed}|"));
        }
        assert_eq!(text(&parse("as laid down in\n§ 1 and\n§ 3 of the Act")), "as laid down in § 1 and § 3 of the Act|");
    }

    #[test]
    fn emphasis_and_strong_are_marked() {
        let b = parse("plain *em* **strong**");
        let Block::Paragraph(i) = &b[0] else { panic!("{b:?}") };
        assert!(i.iter().any(|i| i.emphasis && i.text == "em"));
        assert!(i.iter().any(|i| i.strong && i.text == "strong"));
    }

    #[test]
    fn underscores_and_tildes_are_kept_as_written() {
        let b = parse("an _under_ and __double__ word, ~~struck~~, *real* emphasis");
        let Block::Paragraph(i) = &b[0] else { panic!("{b:?}") };
        assert_eq!(plain_text(i), "an _under_ and __double__ word, ~~struck~~, real emphasis");
        assert!(i.iter().any(|i| i.emphasis && i.text == "real"));
        assert!(!i.iter().any(|i| i.emphasis && i.text.contains("under")));
    }

    #[test]
    fn list_numbers_are_kept_as_written() {
        let b = parse("00. zero\n1) one\n");
        let Block::List { markers, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(markers, &["00."]);
        let Block::List { markers, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!(markers, &["1)"]);
    }

    #[test]
    fn pros_and_cons_and_a_last_footnote_keep_their_signs() {
        // text47a F47a-10: `+` and `-` items next to each other are one list of signs, and a
        // lone `*` item under a sentence at the text's end is a footnote with its star.
        let b = parse("The Council weighed it.\n\n+ Faster procedures\n- Higher cost\n\n+ Less paperwork");
        let Block::List { start: None, items, markers, .. } = &b[1] else { panic!("{b:?}") };
        assert_eq!((items.len(), markers.as_slice()), (3, ["+", "-", "+"].map(String::from).as_slice()));
        assert!(signed(markers));
        assert_eq!(b.len(), 2, "{b:?}");
        // (Before a list of sources written after it, too.)
        let b = parse("Trade grew [1].\n\n* Figures are provisional.\n\n[1]: https://example.org/report");
        let Block::Paragraph(i) = &b[1] else { panic!("{b:?}") };
        assert_eq!(plain_text(i), "* Figures are provisional.");
        for src in [
            "Trade grew by 12 % in 2025.\n* Figures are *provisional*.",
            "Trade grew.*\n\n* Figures are *provisional*.",
        ] {
            let b = parse(src);
            let Some(Block::Paragraph(i)) = b.last() else { panic!("{b:?}") };
            assert_eq!(plain_text(i), "* Figures are provisional.", "{src}");
            assert!(i.iter().any(|i| i.emphasis && i.text == "provisional"), "{src}");
        }
        // Lists of bullets are bullets; signs escaped to print begin their lines.
        let b = parse("- a\n- b\n\n* c\n* d");
        assert!(b.iter().all(|b| matches!(b, Block::List { markers, .. } if !signed(markers))), "{b:?}");
        let b = parse("Text:\n\n* one");
        assert!(matches!(&b[1], Block::List { .. }), "{b:?}");
        let b = parse("\\+ Faster\n\\+ Cheaper\n\\* Note");
        let Block::Paragraph(i) = &b[0] else { panic!("{b:?}") };
        assert_eq!(plain_text(i), "+ Faster\n+ Cheaper\n* Note");
    }

    #[test]
    fn lists_keep_their_numbers_and_nesting() {
        let b = parse("3. three\n4. four\n   - inner\n");
        let Block::List { start, items, markers, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(markers, &["3.", "4."]);
        assert_eq!(*start, Some(3));
        assert_eq!(items.len(), 2);
        assert!(matches!(items[1][1], Block::List { start: None, .. }));
        assert_eq!(text(&b), "three|four|inner|");
    }

    #[test]
    fn links_show_their_target() {
        let b = parse("See [the site](https://example.org) or <https://x.eu>.");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        assert_eq!(plain_text(i), "See the site (https://example.org) or https://x.eu.");
        assert_eq!(i[1].link.as_deref(), Some("https://example.org"));
    }

    #[test]
    fn addresses_in_plain_text_are_links() {
        let b = parse("See https://www.soumu.go.jp/menu_news/s-news/01.html, or www.example.eu (our site).\n\nWrite to desk@example.org.");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        let links: Vec<(&str, &str)> = i.iter().filter_map(|i| Some((i.text.as_str(), i.link.as_deref()?))).collect();
        assert_eq!(
            links,
            [
                (
                    "https://www.soumu.go.jp/menu_news/s-news/01.html",
                    "https://www.soumu.go.jp/menu_news/s-news/01.html"
                ),
                ("www.example.eu", "https://www.example.eu"),
            ]
        );
        assert_eq!(
            plain_text(i),
            "See https://www.soumu.go.jp/menu_news/s-news/01.html, or www.example.eu (our site)."
        );
        let Block::Paragraph(i) = &b[1] else { panic!() };
        assert_eq!(i[1].link.as_deref(), Some("mailto:desk@example.org"));
        assert_eq!(plain_text(i), "Write to desk@example.org.");
        // Brackets that belong to the address stay; code stays code.
        let b = parse("(https://en.wikipedia.org/wiki/Data_(computing)) `https://no.link`");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        assert_eq!(i[1].text, "https://en.wikipedia.org/wiki/Data_(computing)");
        assert!(i.iter().all(|i| !i.code || i.link.is_none()));
        // Quote marks around an address are not part of it, whichever the language's.
        let around = [
            "«https://e.org/g»",
            "„https://e.org/g“",
            "“https://e.org/g”",
            "‘https://e.org/g’",
            "‹https://e.org/g›",
            "‚https://e.org/g‘",
            "[https://e.org/g]",
            "{https://e.org/g}",
            "https://e.org/g…",
            "https://e.org/g—and",
        ];
        for quoted in around {
            let b = parse(&format!("See {quoted}."));
            let Block::Paragraph(i) = &b[0] else { panic!() };
            assert_eq!(i[1].link.as_deref(), Some("https://e.org/g"), "{quoted}");
            assert_eq!(plain_text(i), format!("See {quoted}."));
        }
        // A bracket opened inside stays; a name cut by a backslash is no address.
        let b = parse(r"See https://e.org/a[1] and a\_b@example.org.");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        let links: Vec<&str> = i.iter().filter_map(|i| i.link.as_deref()).collect();
        assert_eq!(links, ["https://e.org/a[1]"]);
    }

    #[test]
    fn an_address_ends_where_japanese_text_starts() {
        let links = |src: &str| -> Vec<(String, String)> {
            let b = parse(src);
            let Block::Paragraph(i) = &b[0] else { panic!("{b:?}") };
            assert_eq!(plain_text(i), src, "the text is printed as written");
            i.iter().filter_map(|i| Some((i.text.clone(), i.link.clone()?))).collect()
        };
        let pair = |text: &str, link: &str| (text.to_string(), link.to_string());
        assert_eq!(
            links("詳細はhttps://example.org/reportをご覧ください。（資料：www.example.org）"),
            [
                pair("https://example.org/report", "https://example.org/report"),
                pair("www.example.org", "https://www.example.org")
            ]
        );
        assert_eq!(
            links("詳細はhttps://example.org/reportをご覧ください。連絡先policy@example.orgまで。"),
            [
                pair("https://example.org/report", "https://example.org/report"),
                pair("policy@example.org", "mailto:policy@example.org")
            ]
        );
        assert_eq!(links("参照　www.example.org、以上"), [pair("www.example.org", "https://www.example.org")]);
        // An address with Japanese in it is written in angle brackets.
        let b = parse("詳細は<https://ja.wikipedia.org/wiki/東京>を");
        let Block::Paragraph(i) = &b[0] else { panic!("{b:?}") };
        assert_eq!(i[1].link.as_deref(), Some("https://ja.wikipedia.org/wiki/東京"));
        // Letters of other scripts belong to the address.
        assert_eq!(
            links("See https://de.wikipedia.org/wiki/Straße."),
            [pair("https://de.wikipedia.org/wiki/Straße", "https://de.wikipedia.org/wiki/Straße")]
        );
        // An apostrophe belongs to a name (and stays straight); quotes around one do not.
        assert_eq!(
            links("Write to o'brien@example.ie or 'desk@example.org'."),
            [
                pair("o'brien@example.ie", "mailto:o'brien@example.ie"),
                pair("desk@example.org", "mailto:desk@example.org")
            ]
        );
        // text35b F35b-1: a name or a host in letters past ASCII is the address's, whole (the
        // link went to `ller@example.de`).
        assert_eq!(
            links("Write to jürgen.müller@example.de, zoë@example.org or info@bürgeramt.de."),
            [
                pair("jürgen.müller@example.de", "mailto:jürgen.müller@example.de"),
                pair("zoë@example.org", "mailto:zoë@example.org"),
                pair("info@bürgeramt.de", "mailto:info@bürgeramt.de")
            ]
        );
        // text37b F37b-1: a combining mark in the name is of it (the link went to `lá@…`), and
        // a character never drawn too, left out of the link (it went to `ample@…`).
        assert_eq!(
            links("Write to adéṣọ̀lá@example.org or ex\u{AD}ample@example.org."),
            [
                pair("adéṣọ̀lá@example.org", "mailto:adéṣọ̀lá@example.org"),
                pair("ex\u{AD}ample@example.org", "mailto:example@example.org")
            ]
        );
        // Asterisks and underscores inside an address are part of it, not emphasis.
        assert_eq!(
            links("See www.example.org/a*b*c and https://example.org/x**y**z_w today."),
            [
                pair("www.example.org/a*b*c", "https://www.example.org/a*b*c"),
                pair("https://example.org/x**y**z_w", "https://example.org/x**y**z_w")
            ]
        );
        // A quote mark or angle bracket ends an address, as in raw HTML printed as text.
        assert_eq!(
            links(r#"<a href="https://example.org/x">here</a> or "www.example.eu/y"."#),
            [
                pair("https://example.org/x", "https://example.org/x"),
                pair("www.example.eu/y", "https://www.example.eu/y")
            ]
        );
        // Emphasis around an address is still emphasis.
        let b = parse("*See www.example.org* today");
        let Block::Paragraph(i) = &b[0] else { panic!("{b:?}") };
        assert_eq!(plain_text(i), "See www.example.org today");
        assert!(i[0].emphasis && i[1].emphasis && i[1].link.as_deref() == Some("https://www.example.org"), "{i:?}");
        // An e-mail address whose domain or name starts `www.` is an e-mail address.
        assert_eq!(
            links("info@www.example.org or www.desk@example.org"),
            [
                pair("info@www.example.org", "mailto:info@www.example.org"),
                pair("www.desk@example.org", "mailto:www.desk@example.org")
            ]
        );
    }

    #[test]
    fn every_address_of_a_long_paragraph_is_found_in_one_pass() {
        // Each address was searched for from scratch after the one before: 80,000 took 25 s.
        let text = "www.a.org a@b.org, (see https://e.org/x_(y))) ".repeat(2_000);
        let b = parse(&text);
        let Block::Paragraph(i) = &b[0] else { panic!() };
        let links: Vec<&str> = i.iter().filter_map(|i| i.link.as_deref()).collect();
        assert_eq!(links.len(), 6_000);
        assert_eq!(links[..3], ["https://www.a.org", "mailto:a@b.org", "https://e.org/x_(y)"]);
        assert_eq!(plain_text(i), text.trim_end());
        // Two e-mail addresses in one word, and one before a web address.
        let b = parse("a@b.org,c@d.org;x@y.org/https://e.org");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        let links: Vec<&str> = i.iter().filter_map(|i| i.link.as_deref()).collect();
        assert_eq!(links, ["mailto:a@b.org", "mailto:c@d.org", "mailto:x@y.org", "https://e.org"]);
    }

    #[test]
    fn link_targets_are_ones_a_reader_can_follow() {
        let b = parse("<desk@example.org>, [site](www.example.org), [part](#intro), [doc](/files/x.pdf)");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        let targets: Vec<Option<&str>> = i.iter().filter(|i| i.text.trim() != ",").map(|i| i.link.as_deref()).collect();
        assert!(targets.contains(&Some("mailto:desk@example.org")), "{targets:?}");
        assert!(targets.contains(&Some("https://www.example.org")), "{targets:?}");
        assert_eq!(plain_text(i), "desk@example.org, site (www.example.org), part (#intro), doc (/files/x.pdf)");
        assert!(i.iter().filter(|i| i.text.contains("part") || i.text.contains("doc")).all(|i| i.link.is_none()));
        // Addresses right after a colon, Latin or Japanese, are links too.
        let b = parse("URL:https://example.org 連絡先：b@example.org");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        let links: Vec<&str> = i.iter().filter_map(|i| i.link.as_deref()).collect();
        assert_eq!(links, ["https://example.org", "mailto:b@example.org"]);
    }

    #[test]
    fn tables_have_header_and_rows() {
        let b = parse("| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 | 4 |\n");
        let Block::Table { aligns, header, rows } = &b[0] else { panic!("{b:?}") };
        assert_eq!(aligns, &[Align::Left, Align::Right]);
        assert_eq!(plain_text(&header[1]), "b");
        assert_eq!(rows.len(), 2);
        assert_eq!(plain_text(&rows[1][0]), "3");
    }

    #[test]
    fn rows_past_their_header_are_reported_unless_the_cells_past_it_are_empty() {
        let (_, unprinted) = parse_checked("| a | b |\n|---|---|\n| 1 | 2 | |\n| 3 | `x \\| y` |\n| 4 | 5 | 6 |\n");
        assert_eq!(unprinted.rows, [("| 4 | 5 | 6 |".to_string(), 3, 2)]);
    }

    #[test]
    fn link_titles_print_and_unused_definitions_are_reported() {
        let src = "See [the site][s] and [t](https://e.org \"hover\").\n\n[s]: https://s.org\n[unused]: https://u.org \"T\"\n";
        let (b, unprinted) = parse_checked(src);
        assert_eq!(
            plain_text(match &b[0] {
                Block::Paragraph(i) => i,
                _ => panic!("{b:?}"),
            }),
            "See the site (https://s.org) and t (https://e.org \"hover\")."
        );
        assert_eq!(unprinted.definitions, ["[unused]: https://u.org \"T\""]);
        // A label defined twice: the second definition prints nothing either.
        let (_, unprinted) =
            parse_checked("[a][] and [b][]\n\n[a]: https://a.org\n[A]: https://dup.org\n[b]: https://b.org\n");
        assert_eq!((unprinted.definitions.len(), unprinted.redefined), (0, vec!["[A]: https://dup.org".to_string()]));
    }

    #[test]
    fn two_citations_side_by_side_and_task_boxes_print_as_typed() {
        // text46a F46a-4: `[1][2]` was read as the text `1` linked to source 2: "the AI Act 1
        // (https://…/b)". text46a F46a-35: a task box `[X]` printed `[x]`.
        let src = "The AI Act [1][2] and the Data Act [2][4] and [3][] apply.\n\n\
                   [1]: https://eur-lex.europa.eu/a\n[2]: https://eur-lex.europa.eu/b\n[3]: https://c.eu\n\n\
                   - [ ] Draft\n- [x] Agree\n- [X] Book\n";
        let (b, _) = parse_checked(src);
        let text: String = b.iter().map(|b| format!("{b:?}")).collect();
        let first = match &b[0] {
            Block::Paragraph(i) => plain_text(i),
            b => panic!("{b:?}"),
        };
        assert_eq!(first, "The AI Act [1][2] and the Data Act [2][4] and [3][] apply.");
        assert!(!text.contains("eur-lex.europa.eu/b)"), "{text}");
        for item in ["[ ] Draft", "[x] Agree", "[X] Book"] {
            assert!(text.contains(item), "{item}: {text}");
        }
    }

    #[test]
    fn numbered_citations_and_their_list_of_sources_print_as_typed() {
        // text44a F44a-3: `[1]` with a definition `[1]: https://…` read as a link: "the AI Act
        // 1 (https://…)", and the typed list of sources was gone.
        let src = "The AI Act [1] and the Data Act [2], as [the site][s] says.\n\n\
                   [1]: https://eur-lex.europa.eu/eli/reg/2024/1689/oj\n\
                   [2]: https://eur-lex.europa.eu/eli/reg/2023/2854/oj\n\n\
                   Further text.\n\n[s]: https://s.org\n[3]: https://www.meti.go.jp/\n";
        let (b, unprinted) = parse_checked(src);
        let texts: Vec<String> = b
            .iter()
            .map(|b| match b {
                Block::Paragraph(i) => plain_text(i),
                _ => panic!("{b:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "The AI Act [1] and the Data Act [2], as the site (https://s.org) says.",
                "[1]: https://eur-lex.europa.eu/eli/reg/2024/1689/oj\n[2]: https://eur-lex.europa.eu/eli/reg/2023/2854/oj",
                "Further text.",
                "[3]: https://www.meti.go.jp/",
            ]
        );
        // Its addresses are links, as any address written as text; a list printed is not unused.
        assert!(matches!(&b[1], Block::Paragraph(i) if i.iter().any(|i| i.link.is_some())), "{b:?}");
        assert!(unprinted.definitions.is_empty(), "{:?}", unprinted.definitions);
        // A reference link with text of its own is a link, as written.
        let (b, _) = parse_checked("See [the act][1].\n\n[1]: https://a.org\n");
        assert_eq!(
            plain_text(match &b[0] {
                Block::Paragraph(i) => i,
                _ => panic!("{b:?}"),
            }),
            "See the act (https://a.org)."
        );
    }

    #[test]
    fn html_and_images_are_kept_as_text() {
        let b = parse("a <b>bold</b> tag ![logo](l.png)");
        // The tags are runs of their own, printed as typed (see `Inline::raw`).
        assert_eq!(text(&b), "a |<b>|bold|</b>| tag logo (l.png)|");
        let Block::Paragraph(i) = &b[0] else { panic!() };
        assert_eq!(i.iter().filter(|i| i.raw).map(|i| i.text.as_str()).collect::<Vec<_>>(), ["<b>", "</b>"]);
    }

    #[test]
    fn entity_references_and_a_backslash_at_a_line_end_print_as_typed() {
        let b = parse("R&amp;D &copy; 2026, &#x41;BC, a&nbsp;b and *&lt;em&gt;*\n\nFiles are in C:\\\nand the rest.");
        assert_eq!(
            text(&b),
            "R&amp;D &copy; 2026, &#x41;BC, a&nbsp;b and |&lt;em&gt;|Files are in C:\\ and the rest.|"
        );
        // Two spaces at a line's end are still a line break: no character is lost.
        assert_eq!(text(&parse("one  \ntwo")), "one\ntwo|");
        // In code, as ever, nothing is decoded.
        assert_eq!(text(&parse("`&amp;`")), "&amp;|");
    }

    #[test]
    fn backslashes_print_unless_they_stop_markup() {
        let src = r"On \\srv\share and C:\Users\_data, \d+\.\d+; \*not emphasis\* and \[no link\]";
        assert_eq!(text(&parse(src)), r"On \\srv\share and C:\Users\_data, \d+\.\d+; *not emphasis* and [no link]|");
        let table = parse("| Path | Pattern |\n|---|---|\n| \\\\s\\_x | a\\|b \\d\\- |\n");
        let Block::Table { rows, .. } = &table[0] else { panic!("a table: {table:?}") };
        assert_eq!(plain_text(&rows[0][0]), r"\\s\_x");
        assert_eq!(plain_text(&rows[0][1]), r"a|b \d\-");
        // At a line's start, an escape still keeps the line from being a heading or a list.
        assert_eq!(text(&parse("\\# 1\n\n1\\. 2")), "# 1|1. 2|");
        // An asterisk or a backtick with nothing to pair with in its block, or inside an
        // address, needs no escape: the backslash stays (`C:\*.txt`), as typed.
        let src =
            "Files C:\\*.txt here.\n\nIn C:\\Users\\*\\AppData.\n\nSee https://e.org/a\\*b and *this*.\n\nA \\` tick.";
        let typed = r"Files C:\*.txt here.|In C:\Users\*\AppData.|See |https://e.org/a\*b| and |this|.|A \` tick.|";
        assert_eq!(text(&parse(src)), typed);
        let Block::Paragraph(i) = &parse(src)[2] else { panic!() };
        assert_eq!(i[1].link.as_deref(), Some(r"https://e.org/a\*b"));
        // Where two escaped asterisks could pair, both backslashes go, as CommonMark has it;
        // but not where a star would print as typed without its backslash (between marks,
        // beside a path's slash, inside a word): text49b F49b-6, `C:\*.txt to D:\*.bak` lost both.
        assert_eq!(text(&parse(r"\*a\* and *b\*")), r"*a* and *b*|");
        for typed in [r"C:\*.txt and C:\Users\*\AppData", r"Copy C:\*.txt to D:\*.bak now", r"Match a\*b\*c here"] {
            assert_eq!(text(&parse(typed)).replace('|', ""), typed, "{typed}");
        }
        // An asterisk that could open nothing keeps its backslash; at a line's start, an
        // escape keeps the line from being a list.
        assert_eq!(text(&parse(r"a \* b and \*c\*")), r"a \* b and *c*|");
        assert_eq!(text(&parse("\\* not a list")), "* not a list|");
        // A partner must be able to pair: not an asterisk that could not open before it, nor
        // one in code, nor one in another table cell; a backtick, one left open or after it.
        for typed in [
            r"see C:\Users\*\AppData and C:\*.txt here",
            r"regex ^\s*\w+\*$ here",
            r"a \* b and 2\*3 here",
            r"C:\*.txt and `x*y` here",
            r"Use `code` and then 5\` here",
        ] {
            // (Code prints without its backticks; an escaped one stays.)
            let printed = typed.replace("`code`", "code").replace("`x*y`", "x*y");
            assert_eq!(text(&parse(typed)).replace('|', ""), printed, "{typed}");
        }
        let table = parse("| Path | Glob |\n|---|---|\n| C:\\*.txt | x\\*y |\n");
        let Block::Table { rows, .. } = &table[0] else { panic!("a table: {table:?}") };
        assert_eq!((plain_text(&rows[0][0]), plain_text(&rows[0][1])), (r"C:\*.txt".into(), r"x\*y".into()));
        assert_eq!(text(&parse(r"\`c\` and \*a\*")), "`c` and *a*|");
    }

    #[test]
    fn code_blocks_keep_lines() {
        let b = parse("```\nx = 1\ny = 2\n```\n");
        assert_eq!(b, vec![Block::Code(vec!["x = 1".into(), "y = 2".into()])]);
    }

    /// A redline's paragraph is two versions in one: a German quotation in an English
    /// sentence keeps its language where words of it changed, its kept and inserted words by
    /// the new version's quotation, its deleted ones by the old's; the English around stays.
    #[test]
    fn a_quotation_keeps_its_language_in_both_versions_of_a_changed_paragraph() {
        let (d, i) = (Some(Change::Deleted), Some(Change::Inserted));
        let runs = [
            (
                "The minister said: “Wir haben heute die wichtigsten Fragen der künstlichen Intelligenz ausführlich ",
                None,
            ),
            ("besprochen", d),
            ("erörtert", i),
            (" und gemeinsam Lösungen gefunden.” Then the ", None),
            ("meeting", d),
            ("session", i),
            (" ended.", None),
        ];
        let text: String = runs.iter().map(|r| r.0).collect();
        let quoted = quoted_languages(&runs, "en");
        let pieces: Vec<(&str, &str)> = quoted.iter().map(|(q, l)| (&text[q.clone()], *l)).collect();
        assert_eq!(
            pieces,
            [(
                "Wir haben heute die wichtigsten Fragen der künstlichen Intelligenz ausführlich besprochenerörtert und \
                gemeinsam Lösungen gefunden.",
                "de"
            )]
        );
        // Unchanged, the same as the quotations of its text.
        let same = [(text.as_str(), None)];
        assert_eq!(quoted_languages(&same, "en"), crate::language::quoted_languages(&text, "en"));
        // A quotation only one version has: its text alone.
        let runs = [
            ("He said: ", None),
            ("“Wir haben heute die wichtigsten Fragen der künstlichen Intelligenz besprochen.”", d),
        ];
        let text: String = runs.iter().map(|r| r.0).collect();
        let pieces: Vec<&str> = quoted_languages(&runs, "en").iter().map(|(q, _)| &text[q.clone()]).collect();
        assert_eq!(pieces, ["Wir haben heute die wichtigsten Fragen der künstlichen Intelligenz besprochen."]);
        // French quoted in the German quotation, a word of it changed: French inside German.
        let runs = [
            (
                "He said “Wir werden die Zusammenarbeit mit Japan im Bereich der künstlichen Intelligenz vertiefen, \
            und er sagte „Nous allons renforcer la coopération avec le Japon dans le domaine de l'intelligence ",
                None,
            ),
            ("artificielle", d),
            ("numérique", i),
            ("“ in Paris” yesterday.", None),
        ];
        let text: String = runs.iter().map(|r| r.0).collect();
        let pieces: Vec<(&str, &str)> =
            quoted_languages(&runs, "en").iter().map(|(q, l)| (&text[q.clone()], *l)).collect();
        assert_eq!(pieces.iter().map(|p| p.1).collect::<Vec<_>>(), ["de", "fr"], "{pieces:?}");
        assert!(pieces[0].0.starts_with("Wir") && pieces[0].0.ends_with("in Paris"), "{pieces:?}");
        assert!(pieces[1].0.starts_with("Nous") && pieces[1].0.ends_with("artificiellenumérique"), "{pieces:?}");
    }

    /// pulldown-cmark expands at most 100 KB of addresses in reference links; the first one
    /// past them prints as typed, and validation is told which and where (text17 F4).
    #[test]
    fn a_reference_link_past_the_parser_s_fuel_is_told() {
        let address = format!("https://example.org/{}", "a".repeat(80)); // 100 bytes
        let text = |items: usize| {
            let lines: String = (0..items).map(|i| format!("Item {i}: [the report][r].\n\n")).collect();
            format!("{lines}[r]: {address}\n")
        };
        // 1,000 links of 100 bytes spend it exactly: the 1,001st is text.
        let (blocks, unprinted) = parse_checked(&text(1_001));
        let (expanded, label, written, fuel) = unprinted.unexpanded.unwrap();
        assert_eq!((expanded, label.as_str(), fuel), (1_000, "[r]", REFERENCE_FUEL));
        let src = text(1_001);
        assert_eq!((src[..written.at].matches('\n').count(), written.written.as_str()), (2_000, "[r]"));
        let Some(Block::Paragraph(last)) = blocks.last() else { panic!() };
        assert_eq!(plain_text(last), "Item 1000: [the report][r].");
        assert_eq!(parse_checked(&text(1_000)).1.unexpanded, None);
        // A collapsed reference is named as typed (text20 N-6).
        let collapsed = text(1_001).replace("[the report][r]", "[r][]");
        assert_eq!(parse_checked(&collapsed).1.unexpanded.map(|u| u.1), Some("[r][]".to_string()));
        assert_eq!(parse_checked(&text(10)).1.unexpanded, None);
        // A text longer than 100 KB has as many bytes to expand as it has (text19 H70-9).
        let long = format!("{}\n\n{}", "word ".repeat(30_000), text(2_500));
        let (_, unprinted) = parse_checked(&long);
        assert_eq!(unprinted.unexpanded.map(|u| (u.0, u.3)), Some((long.len().div_ceil(100), long.len())));
    }

    #[test]
    fn a_link_that_names_no_place_leads_nowhere() {
        // text21b P21-1: a scheme with no host, name or number after it opened nothing.
        let nowhere = [
            "https:example.org",
            "https:/x",
            "mailto:@",
            "mailto:?subject=x",
            "https://?",
            "https://#frag",
            "tel:+",
            "https://:80",
            "http://@",
            "https://.",
            "ftp://",
            "HTTPS://",
            "www.",
            "https://%20",
            "desk@example.",
            "www.-.-",
            "https://-a",
            "https://example-.org",
            "https://example.org:99999/",
            "https://example.org:abc/",
            "https://example.org:1x/",
            "https://[::1]:70000/",
            "http://e.org:0/",
            "https://[2001:db8::zz]/",
            "https://[::1::2]/",
            "https://[1.2.3.4]/",
            "https://[v1.x]/",
            "https://[12345::1]/",
        ];
        let fine = [
            "https://example.org",
            "HTTPS://EXAMPLE.ORG:8080/x?y#z",
            "http://user@example.org",
            "https://[::1]/",
            "https://localhost",
            "mailto:desk@example.org?subject=x",
            "tel:+81-3-5253-5920",
            "ftp://ftp.example.org",
        ];
        let text: String = nowhere.iter().chain(&fine).map(|a| format!("[a]({a}) ")).collect();
        let (_, unprinted) = parse_checked(&text);
        let found: Vec<&str> = unprinted.relative.iter().map(|w| w.address.as_str()).collect();
        assert_eq!(found, nowhere);
        // An autolink too.
        assert_eq!(parse_checked("Call <tel:+> now.").1.relative.len(), 1);
        // Written as plain text, such an address is no link (text22a R22-2), and dots after
        // `www` are no address (R22-1: this panicked).
        let plain = "http://@ https://:80 https://.example.org www.-.- end. The www... (www.). www.. x";
        let Block::Paragraph(i) = &parse(plain)[0] else { panic!() };
        assert!(i.iter().all(|i| i.link.is_none()), "{i:?}");
        assert_eq!(plain_text(i), plain);
        let fine = "https://[2001:db8::1]/ https://user:pw@example.org:8080/x www.example.org <https://総務省.jp> \
                    https://example.org./a https://my_host.example.org/";
        let Block::Paragraph(i) = &parse(fine)[0] else { panic!() };
        assert_eq!(i.iter().filter(|i| i.link.is_some()).count(), 6, "{i:?}");
        // (text23 F23-3: a name ending in a dot, or with `_`, is a host.)
        assert!(parse_checked("[a](mailto:desk@example.org.) [b](https://my_host.example.org/)").1.relative.is_empty());
    }
}
