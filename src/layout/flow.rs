//! The vertical flow: everything on the pages becomes a list of unbreakable [`Block`]s (a line
//! of text, a rule, a slice of a table row) with the space above them and whether they must
//! stay with the next one. Pagination (`paginate.rs`) then only has to cut this list.

use crate::fonts::{FontBook, FontStyle};
use crate::hyphenate::Hyphenator;
use crate::theme::{Align, JapaneseFace, Rgb, TextStyle, Theme, MIN_INDENTED};

use super::structure::{Artifact, NodeId, Role, Structure, Tag};
use super::text::{self, mark_japanese, Look, Mincho, Run, Setting, Span};
use super::{BulletShape, Item, TextItem};

#[cfg(test)]
thread_local! {
    /// How many texts were measured (see `running`'s tests).
    pub(super) static MEASURES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

mod changes;
mod quotes;
mod tags;

/// An unbreakable piece of the flow. Item positions are relative to the block's top edge
/// (y) and to the page's left edge (x).
#[derive(Debug, Clone, Default)]
pub struct Block {
    pub height: f32,
    /// Space above; dropped at the top of a page.
    pub space_before: f32,
    pub items: Vec<Item>,
    /// Never end a page after this block (headings, first lines of paragraphs…).
    pub keep_with_next: bool,
    /// This block starts an outline / table-of-contents target.
    pub anchor: Option<usize>,
    /// This block belongs to a framed group (the contact block).
    pub group: Option<usize>,
    /// A table-of-contents line: the page number of this anchor is filled in after pagination.
    pub toc_entry: Option<TocEntry>,
    /// Start a new page before this block (each briefing of a dossier).
    pub break_before: bool,
    /// Which briefing of a dossier the block belongs to (0 for a single briefing's own).
    pub owner: usize,
    /// How far the block's items reach below its top, when that is more than `height` (two
    /// columns set side by side: the next block may start beside this one's last line).
    pub extent: f32,
    /// The run of columns ([`Flow::regions`]) the block is set in, if any.
    pub region: Option<usize>,
    /// A row of a table ([`Flow::heads`]): at the top of a page, its header row is repeated
    /// above it.
    pub head: Option<usize>,
}

/// A stretch of the flow set in columns: its blocks are set a column wide, and pagination
/// fills the columns in turn (each `shift` points right of the one before), balancing them
/// on the page where the stretch ends.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub columns: u8,
    pub shift: f32,
}

/// What the flow owes the next block: space, an outline anchor, a page break.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pending {
    pub space: f32,
    pub anchor: Option<usize>,
    pub page_break: bool,
}

/// Where a table-of-contents line wants its page number.
#[derive(Debug, Clone)]
pub struct TocEntry {
    pub anchor: usize,
    /// The entry's link element, which the number belongs to.
    pub node: NodeId,
    /// The right edge for the number, and its baseline within the block.
    pub right: f32,
    pub baseline: f32,
    pub look: Look,
    /// Where the entry's text ends (dot leaders start here).
    pub text_end: f32,
}

/// What hangs in the indent before a list item's first line.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    /// A number as the user wrote it (`1.`, `07)`).
    Text(String),
    /// A number a redline marks: of an item deleted or inserted, or typed anew (`3.`, `1.`
    /// before, marked inserted).
    Changed(String, crate::markdown::Change),
    /// A bullet, in a redline drawn in the colour of its item's change.
    Bullet(BulletShape, Option<crate::markdown::Change>),
}

/// A heading others can jump to (outline entries and table-of-contents lines).
#[derive(Debug, Clone)]
pub struct Anchor {
    /// Its title, after its number and a space when it has one (`3. Trade`).
    pub title: String,
    /// Its number (`3.`, `1.2`), or nothing: the contents hang its title's lines beside it.
    pub number: String,
    pub level: u8,
    /// The language of what it leads to (a briefing, a topic), for its contents entry.
    pub lang: String,
}

/// A frame round a group of blocks.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub color: Rgb,
    /// Full frame, or only a rule above.
    pub frame: bool,
    pub left: f32,
    pub right: f32,
}

/// Builds the flow. Knows the content area's horizontal extent, the theme and the fonts.
pub struct Flow<'a> {
    pub fonts: &'a FontBook,
    pub theme: &'a Theme,
    pub blocks: Vec<Block>,
    pub anchors: Vec<Anchor>,
    pub groups: Vec<Group>,
    pub regions: Vec<Region>,
    /// Each table's header row as drawn at the top of a page (artifacts) and its height.
    pub heads: Vec<(f32, Vec<Item>)>,
    current_region: Option<usize>,
    /// Left edge and width of the content area, in points.
    pub left: f32,
    pub width: f32,
    /// Space owed before the next block (collapses: the larger of two spaces wins).
    pending_space: f32,
    pending_anchor: Option<usize>,
    pending_break: bool,
    current_group: Option<usize>,
    /// Added to the level of every anchor (a dossier nests each briefing's sections).
    pub level_offset: u8,
    /// The owner given to new blocks.
    pub owner: usize,
    /// How many lists are open (bullets alternate • and – by depth).
    pub list_depth: usize,
    /// The logical structure built so far, and the element new ones go into.
    pub structure: Structure,
    pub parent: NodeId,
    /// The language of what is being set (a topic may have its own).
    pub lang: String,
    /// The level of the heading the current text is under (headings in a body go one below).
    pub heading_level: u8,
    /// Where a redline draws its change bars beside changed lines; `None` outside a redline.
    pub change_bar: Option<f32>,
    /// A redline's changed plain fields (`date`, `contact.tel` …), each shown where it is
    /// printed as its old value struck through, then its new one underlined.
    pub fields: Vec<crate::redline::FieldChange>,
    /// The element each page owner's draft mark and marking are read first in (a dossier's
    /// briefings: their sections); the document's for owners not listed.
    pub owner_nodes: Vec<NodeId>,
}

/// The inline elements (links, code, Japanese spans) of one paragraph or cell, by their
/// look's group and Japanese stretch.
pub type Groups = rustc_hash::FxHashMap<(u32, u32), NodeId>;

/// The key in [`Groups`], with a change's group, of the change's label while it waits for its
/// first mark to be drawn (see `Flow::run_node`).
pub(super) const LABEL: u32 = u32::MAX;

/// The key in [`Groups`], with a change's group, of the link element inside the change that
/// its last linked run belonged to.
pub(super) const CHANGED_LINK: u32 = u32::MAX - 1;

/// The key in [`Groups`], with a link's `Look::link_group`, of a link element that holds
/// changes.
pub(super) const OUTER_LINK: u32 = u32::MAX - 2;

/// The key in [`Groups`], with a look's group, less its quotation's number, of the span of a
/// quotation in another language (see `Look::quote`).
pub(super) const QUOTE: u32 = u32::MAX - 3;

/// The look of text in a role.
pub fn look(style: &TextStyle) -> Look {
    Look::new(FontStyle { bold: style.bold, italic: style.italic }, style.size.0, style.color)
}

impl<'a> Flow<'a> {
    /// A flow for text in language `lang` (BCP 47) across the content area.
    pub fn new(fonts: &'a FontBook, theme: &'a Theme, left: f32, width: f32, lang: &str) -> Flow<'a> {
        Flow {
            fonts,
            theme,
            blocks: Vec::new(),
            anchors: Vec::new(),
            groups: Vec::new(),
            regions: Vec::new(),
            heads: Vec::new(),
            current_region: None,
            left,
            width,
            pending_space: 0.0,
            pending_anchor: None,
            pending_break: false,
            current_group: None,
            level_offset: 0,
            owner: 0,
            list_depth: 0,
            structure: Structure::new(lang),
            parent: Structure::ROOT,
            lang: lang.to_string(),
            heading_level: 1,
            change_bar: None,
            fields: Vec::new(),
            owner_nodes: Vec::new(),
        }
    }

    /// A new structure element in the current one.
    pub fn node(&mut self, role: Role) -> NodeId {
        self.structure.add(self.parent, role, &self.lang)
    }

    /// Says that `node`, holding `text`, is in another language than the flow's, where the
    /// text is clearly in one (text40b F40b-7: a French title or note in an English briefing
    /// was read with an English voice).
    pub fn own_language(&mut self, node: NodeId, text: &str) {
        if let Some(other) = crate::language::other_than(text, &self.lang) {
            self.structure.set_lang(node, other);
        }
    }

    /// A new structure element in the current one, which becomes the current one; returns
    /// the element it replaces, for [`Flow::leave`].
    pub fn enter(&mut self, role: Role) -> (NodeId, NodeId) {
        let node = self.node(role);
        (node, std::mem::replace(&mut self.parent, node))
    }

    pub fn leave(&mut self, previous: NodeId) {
        self.parent = previous;
    }

    /// Places a set run at `x` on `baseline` (given together) as part of element `parent` (or as an artifact),
    /// and over it a link area as tall as the line (`line` = top and height) when the run is a
    /// link.
    pub fn place_run(
        &mut self,
        items: &mut Vec<Item>,
        run: &Run,
        (x, baseline): (f32, f32),
        line: (f32, f32),
        parent: Tag,
        groups: &mut Groups,
    ) {
        let tag = match parent {
            Tag::Node(_) if run.look.gap => Tag::Artifact(Artifact::Layout),
            Tag::Node(p) => {
                let node = self.run_node(run, p, groups);
                if let Some(target) = &run.look.link {
                    let key = match (run.look.link_group, run.look.change) {
                        (0, Some(_)) => (run.look.group, CHANGED_LINK),
                        (0, None) => (run.look.group, 0),
                        (id, _) => (id, OUTER_LINK),
                    };
                    let link = groups.get(&key).copied().unwrap_or(node);
                    items.push(Item::Link {
                        x,
                        y: line.0,
                        width: run.width,
                        height: line.1,
                        target: target.clone(),
                        node: link,
                    });
                }
                self.structure.content(node)
            }
            artifact => artifact,
        };
        if let Some(change) = run.look.change {
            self.change_marks(items, (change, run), (x, baseline), line, groups);
        }
        items.push(Item::Text(TextItem {
            x,
            baseline,
            face: run.face,
            size: run.look.size,
            color: run.look.color,
            text: run.text.clone(),
            width: run.width,
            style: run.look.style,
            tag,
            gaps: run.gaps.clone(),
            actual: run.actual.clone(),
        }));
    }

    /// Runs `f` as if the flow were starting afresh (no space, anchor, page break or group
    /// pending; the structure's root as the current element; the first briefing's furniture),
    /// and returns the blocks it made, for the caller to put elsewhere (the contents).
    pub fn detached(&mut self, f: impl FnOnce(&mut Flow<'a>)) -> Vec<Block> {
        let saved = (
            std::mem::take(&mut self.pending_space),
            self.pending_anchor.take(),
            std::mem::take(&mut self.pending_break),
            self.current_group.take(),
            std::mem::replace(&mut self.parent, Structure::ROOT),
            std::mem::take(&mut self.owner),
        );
        let start = self.blocks.len();
        f(self);
        let blocks = self.blocks.split_off(start);
        (self.pending_space, self.pending_anchor, self.pending_break, self.current_group, self.parent, self.owner) =
            saved;
        blocks
    }

    /// What is owed to the next block.
    pub fn pending(&self) -> Pending {
        Pending { space: self.pending_space, anchor: self.pending_anchor, page_break: self.pending_break }
    }

    /// Owes the next block `p` instead.
    pub fn set_pending(&mut self, p: Pending) {
        (self.pending_space, self.pending_anchor, self.pending_break) = (p.space, p.anchor, p.page_break);
    }

    /// Asks for at least `points` of space before the next block.
    pub fn space(&mut self, points: f32) {
        self.pending_space = self.pending_space.max(points);
    }

    /// The next block is the target of a new outline entry, `title` after its `number` (or
    /// none, `""`); returns its index.
    pub fn anchor(&mut self, number: &str, title: &str, level: u8) -> usize {
        self.anchors.push(Anchor {
            title: if number.is_empty() { title.to_string() } else { format!("{number} {title}") },
            number: number.to_string(),
            level: level + self.level_offset,
            lang: self.lang.clone(),
        });
        let id = self.anchors.len() - 1;
        self.pending_anchor = Some(id);
        id
    }

    /// Starts a framed group; blocks pushed until [`Flow::end_group`] belong to it.
    pub fn begin_group(&mut self, group: Group) {
        self.groups.push(group);
        self.current_group = Some(self.groups.len() - 1);
    }

    pub fn end_group(&mut self) {
        self.current_group = None;
    }

    /// The next block starts a new page.
    pub fn page_break(&mut self) {
        self.pending_break = true;
        self.pending_space = 0.0;
    }

    /// Adds a block, giving it the pending space, page break and anchor.
    pub fn push(&mut self, mut block: Block) {
        self.colour_bars(&mut block.items);
        block.space_before = block.space_before.max(std::mem::take(&mut self.pending_space));
        block.break_before |= std::mem::take(&mut self.pending_break);
        block.owner = self.owner;
        if block.anchor.is_none() {
            block.anchor = self.pending_anchor.take();
        }
        block.group = block.group.or(self.current_group);
        block.region = block.region.or(self.current_region);
        self.blocks.push(block);
    }

    /// Sets what `f` adds in `columns` columns `gutter` points apart (one column: as it is).
    pub fn columns(&mut self, columns: u8, gutter: f32, f: impl FnOnce(&mut Flow<'a>)) {
        if columns < 2 {
            return f(self);
        }
        let n = f32::from(columns);
        let width = ((self.width - gutter * (n - 1.0)) / n).max(20.0);
        self.regions.push(Region { columns, shift: width + gutter });
        let outer = self.current_region.replace(self.regions.len() - 1);
        let full = std::mem::replace(&mut self.width, width);
        f(self);
        self.width = full;
        self.current_region = outer;
    }

    /// Marks the last block as one that must stay with whatever comes next.
    pub fn keep_last_with_next(&mut self) {
        if let Some(b) = self.blocks.last_mut() {
            b.keep_with_next = true;
        }
    }

    /// Which faces text takes, Japanese text (`japanese`) or other: running text (`running`:
    /// not a heading, a table cell or a running line) in the Mincho face where the template
    /// asks for it; otherwise Japanese text takes the signs it shares with Latin text from the
    /// Japanese Gothic face, as paragraphs, table cells, contents and running lines alike
    /// (text46a F46a-1: a table cell and the running foot drew `……` as six small dots).
    pub fn mincho(&self, japanese: bool, running: bool) -> Mincho {
        match (self.theme.japanese_body == JapaneseFace::Mincho && running, japanese) {
            (true, true) => Mincho::All,
            (true, false) => Mincho::Japanese,
            (false, true) => Mincho::Gothic,
            (false, false) => Mincho::Off,
        }
    }

    /// Height of a line of text at `size` points in `style`'s line spacing, and the baseline's
    /// offset from the line's top.
    pub fn line_metrics(&self, size: f32, line_height: f32) -> (f32, f32) {
        let face = self.fonts.family_face(FontStyle::REGULAR);
        let (ascent, descent) = self.fonts.metrics(face).map_or((0.8, -0.2), |m| (m.em(m.ascent), m.em(m.descent)));
        let height = size * line_height;
        let content = (ascent - descent) * size;
        (height, (height - content) / 2.0 + ascent * size)
    }

    /// Sets a paragraph of `spans` in `style` as structure element `node`, `indent` points in
    /// from the content's left edge, with an optional label (a list bullet or a number, with
    /// the element it belongs to) hanging in the indent on the first line. Applies the style's
    /// space before and after; keeps first and last two lines together (no orphans or widows).
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(
        &mut self,
        node: NodeId,
        spans: &[Span],
        style: &TextStyle,
        indent: f32,
        align: Align,
        label: Option<(&Label, f32, NodeId)>,
    ) {
        let indent = self.inset(indent, 0.0);
        let width = (self.width - indent).max(20.0);
        let lang = self.structure.lang_of(node).to_string();
        let japanese = crate::script::primary_language(&lang) == "ja";
        let quoted = quotes::mark_quotations(spans, &lang);
        let spans = quoted.as_deref().unwrap_or(spans);
        let marked;
        let spans = if japanese {
            spans
        } else {
            marked = mark_japanese(spans, &lang);
            &marked[..]
        };
        let heading = matches!(self.structure.node(node).role, Role::H(_));
        let serif;
        let mincho = self.mincho(japanese, !heading);
        let spans = if mincho != Mincho::Off {
            serif =
                spans.iter().map(|s| Span { look: Look { mincho, ..s.look.clone() }, ..s.clone() }).collect::<Vec<_>>();
            &serif[..]
        } else {
            spans
        };
        // Titles and headings are never hyphenated: a broken word in a heading reads as two.
        let hyphens = if self.theme.hyphenate && !heading { Hyphenator::for_language(&lang) } else { None };
        let balance = align == Align::Center;
        let justify = align == Align::Justify;
        let setting = Setting { justify, japanese, heading, balance, hyphens: hyphens.as_deref(), cell: false };
        let lines = text::set_with(spans, width, self.fonts, setting);
        if lines.is_empty() {
            return;
        }
        self.space(style.space_before.0);
        let n = lines.len();
        let mut groups = Groups::default();
        // Japanese running text is set at a wider pitch than Latin (JLREQ 2.4.2).
        let line_height = if japanese && !heading { self.theme.japanese_line_height.0 } else { style.line_height.0 };
        for (i, line) in lines.into_iter().enumerate() {
            let size = line.size.max(style.size.0);
            let (height, baseline) = self.line_metrics(size, line_height);
            let x0 = self.left
                + indent
                + match align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Center => (width - line.width) / 2.0,
                    Align::Right => width - line.width,
                };
            let mut items: Vec<Item> = Vec::new();
            if i == 0 {
                if let Some((label, label_x, label_node)) = label {
                    self.place_label(&mut items, label, style, self.left + label_x, baseline, label_node);
                }
            }
            for run in &line.runs {
                self.place_run(&mut items, run, (x0 + run.x, baseline), (0.0, height), Tag::Node(node), &mut groups);
            }
            // Orphans and widows: the first line stays with the second, the last but one
            // with the last.
            let keep = n > 1 && (i == 0 || i + 2 == n);
            self.push(Block { height, items, keep_with_next: keep, ..Block::default() });
        }
        self.space(style.space_after.0);
    }

    /// A list label alone on a line (an empty item, or one that starts with a table), with
    /// the style's space before and after, as a paragraph has.
    pub fn label_line(&mut self, label: &Label, style: &TextStyle, x: f32, node: NodeId) {
        let size = style.size.0;
        let (height, baseline) = self.line_metrics(size, style.line_height.0);
        let mut items = Vec::new();
        self.place_label(&mut items, label, style, self.left + x, baseline, node);
        self.space(style.space_before.0);
        self.push(Block { height, items, keep_with_next: true, ..Block::default() });
        self.space(style.space_after.0);
    }

    fn place_label(
        &mut self,
        items: &mut Vec<Item>,
        label: &Label,
        style: &TextStyle,
        x: f32,
        baseline: f32,
        node: NodeId,
    ) {
        match label {
            Label::Text(s) => {
                // A space after the number, past its visible end, keeps it apart from the
                // text when the line is read in order ("1. Overview", not "1.Overview").
                self.place_str(items, &format!("{s} "), x, baseline, &look(style), Tag::Node(node));
            }
            Label::Changed(s, change) => {
                let mut l = look(style);
                l.mark(*change, 1, &self.theme.colors);
                self.place_str(items, &format!("{s} "), x, baseline, &l, Tag::Node(node));
            }
            Label::Bullet(shape, change) => {
                let color = change.map_or(style.color, |c| self.theme.colors.of(c));
                items.push(Item::Bullet { x, baseline, size: style.size.0, color, shape: *shape })
            }
        }
    }

    /// Width of a label in `style`.
    pub fn label_width(&self, label: &Label, style: &TextStyle) -> f32 {
        match label {
            Label::Text(s) | Label::Changed(s, _) => self.str_width(s, &look(style)),
            Label::Bullet(shape, _) => shape.width() * style.size.0,
        }
    }

    /// Places a short string (a label, a page number) at `x` as text items, face by face, as
    /// part of `tag`'s element (or as an artifact).
    pub fn place_str(&mut self, items: &mut Vec<Item>, s: &str, x: f32, baseline: f32, look: &Look, tag: Tag) -> f32 {
        let spans = [Span { text: s.to_string(), look: look.clone() }];
        let mut width = 0.0;
        let mut groups = Groups::default();
        for line in text::set(&spans, f32::INFINITY, self.fonts) {
            for run in &line.runs {
                self.place_run(items, run, (x + run.x, baseline), (0.0, 0.0), tag, &mut groups);
            }
            width = line.width;
        }
        width
    }

    /// Width of a short string.
    pub fn str_width(&self, s: &str, look: &Look) -> f32 {
        #[cfg(test)]
        MEASURES.with(|c| c.set(c.get() + 1));
        let spans = [Span { text: s.to_string(), look: look.clone() }];
        text::set(&spans, f32::INFINITY, self.fonts).iter().map(|l| l.width).fold(0.0, f32::max)
    }

    /// `indent`, or less where a further `step` in would leave a line narrower than
    /// [`MIN_INDENTED`] characters of body text: nested lists and quotes stop moving right
    /// there, and every level prints on the page (text44b F44b-4: a list 30 levels deep ran
    /// past the paper's edge; side by side, from 10 levels).
    pub fn inset(&self, indent: f32, step: f32) -> f32 {
        let min = MIN_INDENTED * 0.5 * self.theme.styles.body.size.0;
        indent.min(self.width - min - step).max(0.0)
    }

    /// A horizontal rule across the content area (from `indent`).
    pub fn rule(&mut self, color: Rgb, indent: f32, gap: f32) {
        let indent = self.inset(indent, 0.0);
        self.push(Block {
            height: gap * 2.0,
            items: vec![Item::Line {
                x1: self.left + indent,
                y1: gap,
                x2: self.left + self.width,
                y2: gap,
                color,
                tag: Tag::Artifact(Artifact::Layout),
            }],
            ..Block::default()
        });
    }

    /// A block that only takes up space (padding inside a frame). Unlike [`Flow::space`] it
    /// is kept at the top of a page.
    pub fn strut(&mut self, height: f32) {
        self.push(Block { height, ..Block::default() });
    }
}
