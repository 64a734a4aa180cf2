//! Events of the Markdown parser → blocks: the containers open while events stream in, and
//! the inline runs of the block being read.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::links::{autolink, link_target};
use super::markers::{pasted_bullet, Marker};
use super::shapes::{cells, dash_bullet, numbered_line, sign_bullet, spaced_head, starts_a_line};
use super::{Align, Block, Cell, Inline, Unprinted};
use crate::script::is_japanese;

/// Containers that are open while events stream in.
#[derive(Debug)]
enum Open {
    Blocks(Vec<Block>),
    List { start: Option<u64>, items: Vec<Vec<Block>>, markers: Vec<String> },
    Item(Vec<Block>),
    Quote(Vec<Block>),
    Table { aligns: Vec<Align>, header: Vec<Cell>, rows: Vec<Vec<Cell>>, in_head: bool },
    Row(Vec<Cell>),
}

#[derive(Default)]
pub(super) struct Builder {
    stack: Vec<Open>,
    /// Inline content of the paragraph / heading / cell being read.
    inlines: Vec<Inline>,
    code: Option<String>,
    strong: u32,
    emphasis: u32,
    /// The marker of the list item about to start, as written.
    pub(super) item_marker: String,
    /// Open emphasis, innermost last: `Some(marker)` when it was written with underscores
    /// and is kept as text.
    pub(super) literal: Vec<Option<&'static str>>,
    /// Open links: where each leads (none for an address no reader can follow), the address
    /// as written, and where its text starts.
    link: Vec<(Option<String>, String, String, usize)>,
    image_depth: u32,
    /// Open images: the address (and title) printed after each.
    images: Vec<String>,
    /// What is not printed as written (see [`Unprinted`]).
    pub(super) unprinted: Unprinted,
    /// Raw HTML is being written (see [`Inline::raw`]).
    raw_html: bool,
    /// A soft line break read and not yet written: a space, or nothing between two
    /// Japanese characters (see [`Builder::push_text`]).
    pub(super) soft_break: bool,
    /// Where in the last inline's text its last line starts (after its last `\n`): kept as
    /// text is pushed, so that a line break need not search the paragraph so far for it
    /// (text43a F43a-12: a paragraph of 280,000 joined lines took 26 s).
    line_start: usize,
    /// The typed line being read, when it starts with a list's marker (see [`Marker`]):
    /// the marker, and where the line break before it is in `inlines` (its inline and byte),
    /// with what was written for it (`\n`, a space, or nothing).
    listed: Option<(Marker, usize, usize, &'static str)>,
    /// The code block being read is a list item's text after its marker and five spaces or
    /// more (see [`super::shapes::after_marker`]): read as text.
    pub(super) item_text: bool,
    /// The marker of the line about to be pushed, when the parser gives its star apart from
    /// its word (`*First`): found in the text as typed.
    pub(super) glued_star: Option<Marker>,
    /// The paragraph being read keeps its lines (see [`super::typed_lines::kept`]).
    pub(super) kept_lines: bool,
    /// The list about to end goes on the list before it, as one list of `+` and `-` signs
    /// (see `slips::signs`).
    pub(super) join_list: bool,
}

impl Builder {
    pub(super) fn push_text(&mut self, text: &str, code: bool) {
        if text.is_empty() {
            return;
        }
        if let Some(c) = &mut self.code {
            c.push_str(text);
            return;
        }
        // A line break inside a paragraph is a space between words, but Japanese has no
        // spaces between words: between two Japanese characters it joins them with nothing
        // (as Pandoc's `east_asian_line_breaks` does), and so it does between a Japanese
        // character and a mark Japanese sets full width (`。` and `※`, `○`, `①`, `…`), a digit
        // or a Latin word in Japanese text (see [`crate::script::joins_lines`]). A line
        // that starts with a mark that begins a line of its own (`・`, `※`, `○`, `①`) stays a
        // line, as typed.
        if std::mem::take(&mut self.soft_break) {
            let before = self.inlines.last().and_then(|i| i.text.chars().last());
            let after = text.chars().next();
            // (Not before a quotation mark that opens Latin text, `山田` / `“We agree…”`:
            // text41a F41a-19.)
            let latin_quote = after.is_some_and(|b| "“‘„«\"'".contains(b))
                && text.chars().nth(1).is_some_and(|c| c.is_ascii_alphabetic());
            let joined = !latin_quote && crate::script::joins_lines(self.inlines.last().map_or("", |i| &i.text), text);
            // (A numbered line starts a line under a Japanese one, or when it is written in
            // Japanese itself, `ア　AI` / `イ　5G`: text43a F43a-3. And a label in brackets is a
            // line of its own: the line after it starts a line.)
            let line = self.inlines.last().map_or("", |i| i.text.get(self.line_start..).unwrap_or(""));
            let label = line.starts_with(['【', '＜', '〔', '［', '〈', '《'])
                && line.ends_with(['】', '＞', '〕', '］', '〉', '》'])
                && line.chars().all(|c| !c.is_whitespace());
            // (A row of cells under a row stays a line: F49a-23.)
            let row = cells(text) && cells(line);
            // (A line that starts with a list's marker stays a line when the line above starts
            // with the one before it, `(a) …;` / `(b) …;`, and so does that line: text44a F44a-2.)
            let marker = Marker::of(text).or(self.glued_star.take());
            let listed = marker.zip(self.listed.take()).filter(|(m, (above, ..))| m.follows(above));
            if let Some((_, (_, inline, at, written))) = listed {
                self.break_line_at(inline, at, written);
            }
            let written = if self.kept_lines
                || after.is_some_and(starts_a_line)
                || dash_bullet(text)
                || sign_bullet(text)
                || spaced_head(text)
                || row
                // (A sign that would begin a list, escaped to print, `\+ Faster procedures`
                // or a footnote's `\* Provisional`, begins a line as typed: F47a-10.)
                || text.starts_with("+ ")
                || text.starts_with("* ")
                || pasted_bullet(text)
                || marker.is_some_and(|m| m.tab || listed.is_some())
                || (before.is_some_and(is_japanese) || after.is_some_and(is_japanese)) && numbered_line(text)
                || label && after.is_some_and(is_japanese)
            {
                "\n"
            } else if !joined {
                " "
            } else {
                ""
            };
            self.push_text(written, false);
            let inline = self.inlines.len().saturating_sub(1);
            let at = self.inlines.last().map_or(0, |i| i.text.len() - written.len());
            self.listed = marker.map(|m| (m, inline, at, written));
        } else if self.inlines.last().is_none_or(|i| i.text.ends_with('\n')) {
            // (A line at the paragraph's start, or after a hard break.)
            self.listed = Marker::of(text).map(|m| (m, 0, 0, "\n"));
        }
        let look = Inline {
            text: String::new(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            code,
            link: self.link.last().and_then(|(target, _, _, _)| target.clone()),
            change: None,
            raw: self.raw_html,
        };
        let line_in = |text: &str| text.rfind('\n').map(|n| n + 1);
        match self.inlines.last_mut() {
            Some(last)
                if last.strong == look.strong
                    && last.emphasis == look.emphasis
                    && last.code == look.code
                    && last.link == look.link
                    && last.raw == look.raw =>
            {
                if let Some(n) = line_in(text) {
                    self.line_start = last.text.len() + n;
                }
                last.text.push_str(text)
            }
            _ => {
                self.line_start = line_in(text).unwrap_or(0);
                self.inlines.push(Inline { text: text.to_string(), ..look })
            }
        }
    }

    /// Makes what was written for a line break at byte `at` of inline `inline` (a space, or
    /// nothing) a line break of its own.
    fn break_line_at(&mut self, inline: usize, at: usize, written: &str) {
        let last = self.inlines.len().saturating_sub(1);
        let Some(text) = self.inlines.get_mut(inline).filter(|_| written != "\n") else { return };
        text.text.replace_range(at..at + written.len(), "\n");
        if inline == last {
            self.line_start = text.text.rfind('\n').map_or(0, |n| n + 1);
        }
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        self.soft_break = false;
        self.listed = None;
        self.kept_lines = false;
        let mut v = std::mem::take(&mut self.inlines);
        // A trailing hard break carries no text.
        if let Some(last) = v.last_mut() {
            let trimmed = last.text.trim_end_matches('\n').len();
            last.text.truncate(trimmed);
        }
        v.retain(|i| !i.text.is_empty());
        v.into_iter().flat_map(autolink).collect()
    }

    /// Adds a finished block to the innermost open container.
    fn emit(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Open::Blocks(v)) | Some(Open::Item(v)) | Some(Open::Quote(v)) => v.push(block),
            _ => {
                self.stack.push(Open::Blocks(vec![block]));
            }
        }
    }

    /// Loose inline text outside a paragraph (tight list items) becomes a paragraph.
    fn flush_loose(&mut self) {
        if !self.inlines.is_empty() && !matches!(self.stack.last(), Some(Open::Row(_))) {
            let p = self.take_inlines();
            if !p.is_empty() {
                self.emit(Block::Paragraph(p));
            }
        }
    }

    pub(super) fn event(&mut self, ev: Event<'_>) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.push_text(&t, false),
            Event::Code(t) => self.push_text(&t, true),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push_text(&t, true),
            Event::Html(t) | Event::InlineHtml(t) => {
                if self.code.is_none() {
                    self.raw_html = true;
                    self.push_text(&t, false);
                    self.raw_html = false;
                }
            }
            Event::FootnoteReference(t) => self.push_text(&format!("[^{t}]"), false),
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => self.push_text("\n", false),
            Event::Rule => {
                self.flush_loose();
                self.emit(Block::Rule)
            }
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }, false),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } => {
                // (Told before the paragraph starts: not for the loose text it ends.)
                let kept = std::mem::take(&mut self.kept_lines);
                self.flush_loose();
                self.kept_lines = kept && matches!(tag, Tag::Paragraph);
            }
            Tag::BlockQuote(_) => {
                self.flush_loose();
                self.stack.push(Open::Quote(Vec::new()))
            }
            Tag::CodeBlock(_) => {
                self.flush_loose();
                self.code = Some(String::new())
            }
            Tag::List(start) => {
                self.flush_loose();
                self.stack.push(Open::List { start, items: Vec::new(), markers: Vec::new() })
            }
            Tag::Item => {
                let marker = std::mem::take(&mut self.item_marker);
                if let Some(Open::List { markers, .. }) = self.stack.last_mut() {
                    markers.push(marker);
                }
                self.stack.push(Open::Item(Vec::new()))
            }
            Tag::Table(aligns) => {
                self.flush_loose();
                let aligns = aligns
                    .into_iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        _ => Align::Left,
                    })
                    .collect();
                self.stack.push(Open::Table { aligns, header: vec![], rows: vec![], in_head: false })
            }
            Tag::TableHead => {
                if let Some(Open::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                self.stack.push(Open::Row(Vec::new()))
            }
            Tag::TableRow => self.stack.push(Open::Row(Vec::new())),
            Tag::TableCell => self.inlines.clear(),
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
            Tag::Link { dest_url, title, .. } => {
                let start = self.inlines.len();
                self.link.push((link_target(&dest_url), dest_url.to_string(), title.to_string(), start))
            }
            Tag::Image { dest_url, title, .. } => {
                self.image_depth += 1;
                let title = if title.is_empty() { String::new() } else { format!(" \"{title}\"") };
                self.images.push(format!("{dest_url}{title}"))
            }
            Tag::HtmlBlock | Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {}
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                let p = self.take_inlines();
                if !p.is_empty() {
                    self.emit(Block::Paragraph(p))
                }
            }
            TagEnd::Heading(level) => {
                let h = self.take_inlines();
                if !h.is_empty() {
                    self.emit(Block::Heading(level as u8, h))
                }
            }
            TagEnd::HtmlBlock => {
                let p = self.take_inlines();
                if !p.is_empty() {
                    self.emit(Block::Paragraph(p))
                }
            }
            TagEnd::CodeBlock => {
                let text = self.code.take().unwrap_or_default();
                if std::mem::take(&mut self.item_text) {
                    // (Its lines without the spaces that made them code.)
                    let lines: Vec<&str> = text.lines().map(str::trim_start).collect();
                    super::parse(&lines.join("\n")).into_iter().for_each(|block| self.emit(block));
                    return;
                }
                let lines = text.trim_end_matches('\n').split('\n').map(str::to_string).collect();
                self.emit(Block::Code(lines))
            }
            TagEnd::BlockQuote(_) => {
                self.flush_loose();
                if let Some(Open::Quote(v)) = self.stack.pop() {
                    self.emit(Block::Quote(v))
                }
            }
            TagEnd::Item => {
                self.flush_loose();
                if let Some(Open::Item(v)) = self.stack.pop() {
                    if let Some(Open::List { items, .. }) = self.stack.last_mut() {
                        items.push(v)
                    }
                }
            }
            TagEnd::List(_) => {
                if let Some(Open::List { start, mut items, mut markers }) = self.stack.pop() {
                    let join = std::mem::take(&mut self.join_list);
                    let before = match self.stack.last_mut() {
                        Some(Open::Blocks(v) | Open::Item(v) | Open::Quote(v)) => v.last_mut(),
                        _ => None,
                    };
                    match before {
                        Some(Block::List { start: None, items: above, markers: signs, .. }) if join => {
                            above.append(&mut items);
                            signs.append(&mut markers);
                        }
                        _ => self.emit(Block::List { start, items, markers, changed: Vec::new() }),
                    }
                }
            }
            TagEnd::TableCell => {
                let cell = self.take_inlines();
                if let Some(Open::Row(cells)) = self.stack.last_mut() {
                    cells.push(cell)
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Open::Row(cells)) = self.stack.pop() {
                    if let Some(Open::Table { header, rows, in_head, .. }) = self.stack.last_mut() {
                        if *in_head {
                            *header = cells;
                            *in_head = false;
                        } else {
                            rows.push(cells)
                        }
                    }
                }
            }
            TagEnd::Table => {
                if let Some(Open::Table { aligns, header, rows, .. }) = self.stack.pop() {
                    self.emit(Block::Table { aligns, header, rows })
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                if let Some((target, url, title, start)) = self.link.pop() {
                    let shown: String =
                        self.inlines[start.min(self.inlines.len())..].iter().map(|i| i.text.as_str()).collect();
                    // The target is always visible, and so is a title: a printed briefing has
                    // no hover.
                    let same = shown.trim() == url || format!("mailto:{}", shown.trim()) == url;
                    let title = if title.is_empty() { String::new() } else { format!(" \"{title}\"") };
                    if (!same && !url.is_empty()) || !title.is_empty() {
                        let printed =
                            if same || url.is_empty() { title.trim().to_string() } else { format!("{url}{title}") };
                        self.link.push((target, url.clone(), String::new(), start));
                        self.push_text(&format!(" ({printed})"), false);
                        self.link.pop();
                    }
                }
            }
            TagEnd::Image => {
                self.image_depth = self.image_depth.saturating_sub(1);
                if let Some(src) = self.images.pop() {
                    self.push_text(&format!(" ({src})"), false)
                }
            }
            _ => {}
        }
    }

    /// Makes the list of one `*` item that ends the text read so far the footnote it was
    /// typed as: a paragraph that starts with its star (`* Figures are provisional.`;
    /// text47a F47a-10).
    pub(super) fn footnote(&mut self) {
        let Some(Open::Blocks(blocks)) = self.stack.last_mut() else { return };
        let Some(last) = blocks.last_mut() else { return };
        let Block::List { start: None, items, markers, .. } = last else { return };
        let ([item], [star]) = (items.as_mut_slice(), markers.as_slice()) else { return };
        let [Block::Paragraph(inlines)] = item.as_mut_slice() else { return };
        let mut text = vec![Inline { text: format!("{star} "), ..Inline::default() }];
        text.append(inlines);
        *last = Block::Paragraph(text);
    }

    pub(super) fn finish(mut self) -> Vec<Block> {
        self.flush_loose();
        let mut out = Vec::new();
        // Unwind anything left open (cannot happen with a well-formed event stream).
        while let Some(open) = self.stack.pop() {
            match open {
                Open::Blocks(mut v) => {
                    v.append(&mut out);
                    out = v;
                }
                Open::Item(v) | Open::Quote(v) => out.splice(0..0, v).for_each(drop),
                _ => {}
            }
        }
        out
    }
}
