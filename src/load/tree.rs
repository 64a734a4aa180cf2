//! YAML text → a tree of [`Node`]s with byte spans, built from the parser's events.
//!
//! The builder is iterative (an explicit stack of open collections), so nesting costs heap,
//! not call stack. Aliases are resolved by cloning the anchored node; collections are shared
//! behind an `Rc`, so a clone is cheap, and the size of what a clone *stands for* is checked
//! against [`Limits`] before it is made. The finished tree is never deeper than
//! `limits.max_depth`, which bounds every recursive walk over it (serde, `Drop`).

use std::borrow::Cow;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

pub use super::duplicate::{Both, Duplicate};
use super::offsets::Offsets;
use super::recover::{
    blank_out, follows_from, mend_moved_dashes, repair, resync, stopped, InQuotes, MAX_SYNTAX_ERRORS,
};
use super::{lines, slips, Limits};
use crate::diag::{Diagnostic, SourceFile, Span};

/// A YAML node and the bytes it came from.
#[derive(Debug, Clone)]
pub struct Node {
    pub span: Span,
    pub kind: Rc<NodeKind>,
    size: Size,
}

#[derive(Debug)]
pub enum NodeKind {
    /// Text in Unicode NFC.
    Scalar {
        text: String,
        style: Style,
    },
    Seq(Vec<Node>),
    /// Entries in the order written; key nodes are kept for their spans.
    Map(Vec<(Node, Node)>),
}

/// How a scalar was written. Only plain scalars can be numbers, booleans or null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    Block,
}

/// What a node stands for once its aliases are expanded.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    nodes: usize,
    /// Bytes of scalar text.
    text: usize,
    /// Collections on the longest path down, this one included.
    height: usize,
}

impl Size {
    fn add(&mut self, child: Size) {
        self.nodes += child.nodes;
        self.text += child.text;
        self.height = self.height.max(child.height + 1);
    }
}

impl Node {
    /// An empty mapping at `span` (what an empty document stands for).
    pub fn empty_map(span: Span) -> Node {
        Node { span, kind: Rc::new(NodeKind::Map(Vec::new())), size: Size { nodes: 1, text: 0, height: 1 } }
    }

    /// An empty plain scalar at `span` (a neutral value to deserialize from).
    pub fn null(span: Span) -> Node {
        let kind = NodeKind::Scalar { text: String::new(), style: Style::Plain };
        Node { span, kind: Rc::new(kind), size: Size { nodes: 1, text: 0, height: 0 } }
    }

    /// A scalar node made by the loader (a projection of a bilingual file).
    pub fn scalar_node(span: Span, text: String, style: Style) -> Node {
        let size = Size { nodes: 1, text: text.len(), height: 0 };
        Node { span, kind: Rc::new(NodeKind::Scalar { text, style }), size }
    }

    /// The text of a scalar node.
    pub fn scalar(&self) -> Option<(&str, Style)> {
        match &*self.kind {
            NodeKind::Scalar { text, style } => Some((text, *style)),
            _ => None,
        }
    }

    /// `null`, `~` or nothing, written plain.
    pub fn is_null(&self) -> bool {
        matches!(self.scalar(), Some((t, Style::Plain)) if matches!(t, "" | "~" | "null" | "Null" | "NULL"))
    }
}

/// The document's root (`None` when the text holds no document) and the problems that did
/// not stop the build (a second document, a tag; duplicate keys apart).
pub struct Tree {
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
    /// Keys given twice in one mapping (the second is dropped).
    pub duplicates: Vec<Duplicate>,
    /// A `---` that starts a second document, reported at it: what follows is not read.
    pub second_document: Option<Diagnostic>,
}

/// A parse that met problems: every syntax error (after each, parsing starts again at the
/// next line that is a key or an item no deeper than the broken line, see [`resync`]), or the
/// limit that stopped parsing, with the other problems found; and, when parsing went on to
/// the end after each syntax error, the tree of the rest ([`Recovered`]).
pub struct Broken {
    pub diagnostics: Vec<Diagnostic>,
    pub recovered: Option<Box<Recovered>>,
}

/// The tree of a text with syntax errors, read with each broken block blanked out, so that
/// the rest of the file can be checked too.
pub struct Recovered {
    pub tree: Tree,
    /// What was blanked, from the start of each broken block's first line.
    pub blanked: Vec<std::ops::Range<usize>>,
    /// Where a character inside a quoted text was made a space (an escape's backslash, a
    /// quote that ended the text early): the value that holds it is not the one typed.
    pub mended: Vec<usize>,
}

/// The keys the text is read for (`keys_of::<T>`), asked only to explain a syntax error.
pub type Keys = fn() -> super::KeySets;

/// [`Keys`], asked once.
struct LazyKeys {
    make: Keys,
    made: std::cell::OnceCell<super::KeySets>,
}

impl LazyKeys {
    fn get(&self) -> &super::KeySets {
        self.made.get_or_init(self.make)
    }
}

/// Parses `file` into a tree. See [`Broken`] for what `Err` holds.
pub fn parse(file: &SourceFile, limits: &Limits, keys: Keys) -> Result<Tree, Broken> {
    // Asked of the types once, at the first slip, for every pass after it.
    let keys = LazyKeys { make: keys, made: std::cell::OnceCell::new() };
    let keys = &keys;
    let mut text = Cow::Borrowed(file.text.as_str());
    let mut errors: Vec<Diagnostic> = Vec::new();
    // Full-width spaces and colons typed for ASCII ones: named, and read as meant.
    if let Some((mended, found)) = super::wide::mend(&text, &|key, beside| keys.get().beside(key, beside)) {
        text = Cow::Owned(mended);
        errors.extend(found);
    }
    let mut blanked = Vec::new();
    let mut mended = Vec::new();
    let mut renames: Vec<(usize, String)> = Vec::new();
    let mut dashes_looked_for = false;
    loop {
        let (stop, mut found) = match parse_text(&text, limits, keys, &renames) {
            Ok(tree) => {
                // A key given twice because its item's dash moved down a line: named, and the
                // file read again (once) with the dash where it was meant.
                let moved = (!dashes_looked_for)
                    .then(|| mend_moved_dashes(&text, tree.duplicates.iter().map(|d| (d.span.start, d.key.as_str()))))
                    .flatten();
                dashes_looked_for = true;
                if let Some((mended, found)) = moved {
                    text = Cow::Owned(mended);
                    errors.extend(found);
                    continue;
                }
                if errors.is_empty() {
                    return Ok(tree);
                }
                return Err(Broken {
                    diagnostics: errors,
                    recovered: Some(Box::new(Recovered { tree, blanked, mended })),
                });
            }
            Err(stop) => {
                let (stop, found) = *stop;
                (Some(stop), found)
            }
        };
        let Some(Stop { diagnostic, syntax, at, mend }) = stop else {
            errors.append(&mut found);
            return Err(Broken { diagnostics: errors, recovered: None });
        };
        let again = errors.iter().any(|e| e.span == diagnostic.span && e.message == diagnostic.message);
        // A slip past the limit stops the reading (twenty are read past, and the rest of the
        // file checked, when there are no more).
        if syntax && !again && errors.len() >= MAX_SYNTAX_ERRORS {
            stopped(&mut errors);
            // What comes before the next slip is read and checked; from its line on, nothing.
            let from = lines::line_start(&text, at.unwrap_or(text.len()).min(text.len()));
            return match parse_text(&blank_out(&text, from..text.len()), limits, keys, &renames) {
                Ok(tree) => {
                    blanked.push(from..text.len());
                    Err(Broken { diagnostics: errors, recovered: Some(Box::new(Recovered { tree, blanked, mended })) })
                }
                Err(_) => Err(Broken { diagnostics: errors, recovered: None }),
            };
        }
        if !again && !follows_from(&file.text, &mended, &errors, &diagnostic) {
            errors.push(diagnostic);
        }
        if let Some(mend) = mend.filter(|_| syntax && !again) {
            text = Cow::Owned(mend.apply(&text, &mut blanked, &mut mended, &mut errors));
            continue;
        }
        let sets = keys.get();
        // A mapping's key that lost its colon is given one back, so that what the mapping
        // holds is read and checked; anything else is blanked out.
        if let Some((repaired, rename)) = at.filter(|_| syntax && !again).and_then(|at| repair(&text, at, sets)) {
            text = Cow::Owned(repaired);
            renames.extend(rename);
            continue;
        }
        match at.filter(|_| syntax && !again).and_then(|at| resync(&text, at, sets)) {
            Some((masked, range)) => {
                text = Cow::Owned(masked);
                blanked.push(range);
            }
            None => {
                errors.append(&mut found);
                return Err(Broken { diagnostics: errors, recovered: None });
            }
        }
    }
}

/// What stopped a parse: a syntax error (after which parsing can start again further on) or
/// a limit.
struct Stop {
    diagnostic: Diagnostic,
    syntax: bool,
    /// Where the parser stopped, which recovery starts from: the diagnostic may point
    /// elsewhere in the same text (at an escape inside a quoted text the parser stopped at the
    /// start of: text27 F27-2, recovery from the escape's line left the quote open).
    at: Option<usize>,
    /// A slip inside one quoted text, mended there rather than by blanking its block.
    mend: Option<InQuotes>,
}

/// One pass of the parser over `text`; a scalar that starts at an offset of `renames` reads
/// as the text given there (a key [`repair`] took the colon's place in).
fn parse_text(
    text: &str,
    limits: &Limits,
    keys: &LazyKeys,
    renames: &[(usize, String)],
) -> Result<Tree, Box<(Stop, Vec<Diagnostic>)>> {
    let mut b = Builder {
        text,
        keys,
        renames,
        offsets: Offsets::new(text),
        limits,
        stack: Vec::new(),
        anchors: HashMap::new(),
        unused: BTreeMap::new(),
        root: None,
        documents: 0,
        second_document: None,
        nodes: 0,
        text_bytes: 0,
        aliased: false,
        line: 1,
        last_end: 0,
        diagnostics: Vec::new(),
        duplicates: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let result = match next {
            Ok((event, span)) => {
                b.line = span.start.line();
                let span = Span::new(b.offsets.byte(span.start), b.offsets.byte(span.end));
                let step = b.event(event, span);
                if span.end > span.start {
                    b.last_end = b.last_end.max(span.end);
                }
                step.map_err(|diagnostic| Stop {
                    at: diagnostic.span.map(|s| s.start),
                    diagnostic,
                    syntax: false,
                    mend: None,
                })
            }
            Err(e) => Err(b.syntax_error(e.marker(), e.info())),
        };
        match result {
            Ok(Flow::Continue) => {}
            Ok(Flow::Stop) => break,
            Err(stop) => {
                b.diagnostics.extend(b.duplicates.iter().map(Duplicate::diagnostic));
                return Err(Box::new((stop, b.diagnostics)));
            }
        }
    }
    b.diagnostics
        .extend(b.unused.values().map(|&(amp, value, style)| super::marks::unused_anchor(text, amp, value, style)));
    Ok(Tree { root: b.root, diagnostics: b.diagnostics, duplicates: b.duplicates, second_document: b.second_document })
}

enum Flow {
    Continue,
    Stop,
}

/// A collection whose end event has not arrived yet.
struct Frame {
    start: usize,
    anchor: usize,
    size: Size,
    kind: FrameKind,
}

enum FrameKind {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(Node, Node)>,
        /// A key waiting for its value, and the line it is on.
        key: Option<(Node, usize)>,
        /// Scalar keys seen so far, their lines and entries, for duplicate detection.
        seen: HashMap<String, (usize, usize)>,
    },
}

struct Builder<'a> {
    text: &'a str,
    keys: &'a LazyKeys,
    renames: &'a [(usize, String)],
    offsets: Offsets<'a>,
    limits: &'a Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    /// Anchors on text values that no alias has repeated yet: the `&`, the value's span and style.
    unused: BTreeMap<usize, (usize, Span, Style)>,
    root: Option<Node>,
    documents: usize,
    second_document: Option<Diagnostic>,
    /// Nodes and scalar bytes so far, aliases expanded.
    nodes: usize,
    text_bytes: usize,
    aliased: bool,
    /// Line of the current event (the parser counts them).
    line: usize,
    /// End of the last event that covered any text: where a block collection ends, and where
    /// to look for a block scalar's `|` or `>`.
    last_end: usize,
    diagnostics: Vec<Diagnostic>,
    duplicates: Vec<Duplicate>,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<Flow, Diagnostic> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    // (`...` ends a document: what follows it starts the next with no `---`.)
                    let ended = super::lines::line_above(self.text, span.start)
                        .filter(|(_, l)| !self.text[span.start..].starts_with("---") && l.trim_end() == "...");
                    self.second_document = Some(match ended {
                        Some((at, _)) => Diagnostic::new(
                            Some(Span::new(at, at + 3)),
                            "",
                            "`...` ends the YAML document here: the lines after it are not read",
                        )
                        .with_help("remove the `...` line"),
                        None => {
                            Diagnostic::new(Some(span), "", "a second YAML document; the file must hold exactly one")
                                .with_help("remove the `---` line and what follows it, or move it to its own file")
                        }
                    });
                    return Ok(Flow::Stop);
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let (span, style) = self.scalar_span(span, style);
                self.tag(tag.as_deref(), span);
                // A `#` glued to text after the value: dropped as a comment, unless said.
                let end = match style {
                    // (An empty value's span is its key's end: its colon comes first.)
                    Style::Plain if text.is_empty() && self.text[span.end..].starts_with(':') => Some(span.end + 1),
                    Style::Plain => Some(span.end),
                    Style::Quoted => Some(super::quoted::closing_quote(self.text, span.start)),
                    Style::Block => Some(span.end),
                };
                self.diagnostics.extend(end.and_then(|end| super::glued::glued_comment(self.text, span.start, end)));
                let keys = self.stack.iter().filter_map(|f| match &f.kind {
                    FrameKind::Map { key: Some((k, _)), .. } => k.scalar().map(|(t, _)| t),
                    _ => None,
                });
                self.diagnostics.extend(super::escape_slips::in_a_path(self.text, span.start, keys));
                if let Some(amp) = (anchor != 0).then(|| super::marks::anchor_before(self.text, span.start)).flatten() {
                    self.unused.insert(anchor, (amp, span, style));
                }
                // (A renamed key spans its last letter too, which the mended text read as a colon.)
                let (text, span) = match self.renames.iter().find(|(at, _)| *at == span.start) {
                    Some((_, key)) => (key.clone(), Span { start: span.start, end: span.start + key.len() }),
                    None => (super::folds::japanese(self.text, span, style, nfc(text)), span),
                };
                let size = Size { nodes: 1, text: text.len(), height: 0 };
                self.charge(size, span)?;
                let node = Node { span, kind: Rc::new(NodeKind::Scalar { text, style }), size };
                self.finish(node, anchor);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                self.tag(tag.as_deref(), span);
                if self.stack.len() >= self.limits.max_depth {
                    return Err(self.too_deep(span));
                }
                self.charge(Size { nodes: 1, text: 0, height: 1 }, span)?;
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    FrameKind::Seq(Vec::new())
                } else {
                    FrameKind::Map { entries: Vec::new(), key: None, seen: HashMap::new() }
                };
                let size = Size { nodes: 1, text: 0, height: 1 };
                self.stack.push(Frame { start: span.start, anchor, size, kind });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Err(Diagnostic::new(Some(span), "", "unbalanced YAML collection"));
                };
                // Flow collections end at their bracket; block ones at their last child.
                let end = if span.end > span.start { span.end } else { self.last_end.max(frame.start) };
                let kind = match frame.kind {
                    FrameKind::Seq(items) => NodeKind::Seq(items),
                    FrameKind::Map { entries, .. } => NodeKind::Map(entries),
                };
                let node = Node { span: Span::new(frame.start, end), kind: Rc::new(kind), size: frame.size };
                self.finish(node, frame.anchor);
            }
            Event::Alias(id) => {
                self.unused.remove(&id);
                // The anchor is registered when its node is complete, so an alias inside the
                // node it names finds nothing.
                let Some(size) = self.anchors.get(&id).map(|target| target.size) else {
                    return Err(Diagnostic::new(Some(span), "", "this alias refers to a node that contains it"));
                };
                if self.stack.len() + size.height > self.limits.max_depth {
                    return Err(self.too_deep(span));
                }
                self.aliased = true;
                self.charge(size, span)?;
                if let Some(target) = self.anchors.get(&id) {
                    let node = Node { span, kind: Rc::clone(&target.kind), size };
                    self.attach(node);
                }
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(Flow::Continue)
    }

    fn tag(&mut self, tag: Option<&saphyr_parser::Tag>, span: Span) {
        self.diagnostics.extend(super::marks::unknown_tag(tag, span));
    }

    /// A scalar's span and style. A block scalar's span starts at its `|` or `>`, which the
    /// parser's span (content only) leaves out, and ends at its last non-blank character.
    fn scalar_span(&self, span: Span, style: ScalarStyle) -> (Span, Style) {
        match style {
            ScalarStyle::Plain => (span, Style::Plain),
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => (span, Style::Quoted),
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let text = self.text;
                let from = self.last_end.min(span.start);
                let start =
                    text.get(from..span.start).and_then(|t| t.find(['|', '>'])).map_or(span.start, |i| from + i);
                let end = text.get(start..span.end).map_or(span.end, |t| start + t.trim_end().len());
                (Span::new(start, end), Style::Block)
            }
        }
    }

    /// Counts `size` against the node and text budgets before anything is built.
    fn charge(&mut self, size: Size, span: Span) -> Result<(), Diagnostic> {
        let nodes = self.nodes.saturating_add(size.nodes);
        let text = self.text_bytes.saturating_add(size.text);
        if nodes > self.limits.max_nodes {
            let message = if self.aliased {
                format!("too many nodes after expanding aliases (limit {})", self.limits.max_nodes)
            } else {
                format!("too many nodes (limit {})", self.limits.max_nodes)
            };
            return Err(Diagnostic::new(Some(span), "", message)
                .with_help("a briefing needs far fewer; check for aliases (`*name`) that repeat large parts"));
        }
        if text > self.limits.max_bytes {
            return Err(Diagnostic::new(
                Some(span),
                "",
                format!("too much text after expanding aliases (limit {} bytes)", self.limits.max_bytes),
            ));
        }
        self.nodes = nodes;
        self.text_bytes = text;
        Ok(())
    }

    fn too_deep(&self, span: Span) -> Diagnostic {
        Diagnostic::new(Some(span), "", format!("nested too deeply (limit {} levels)", self.limits.max_depth))
    }

    /// Registers a completed node under its anchor, then adds it to its parent.
    fn finish(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        self.attach(node);
    }

    fn attach(&mut self, node: Node) {
        let Some((frame, outer)) = self.stack.split_last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut frame.kind {
            FrameKind::Seq(items) => {
                frame.size.add(node.size);
                items.push(node);
            }
            FrameKind::Map { key: key @ None, .. } => *key = Some((node, self.line)),
            FrameKind::Map { entries, key, seen } => {
                let Some((k, key_line)) = key.take() else {
                    return;
                };
                if let Some((text, _)) = k.scalar() {
                    if let Some(&(line, at)) = seen.get(text) {
                        let (key, both) = (text.to_string(), Both::of(&entries[at].1, &node));
                        let within = outer.iter().rev().find_map(|f| match &f.kind {
                            FrameKind::Map { key: Some((k, _)), .. } => k.scalar().map(|(t, _)| t.to_string()),
                            _ => None,
                        });
                        let (within, second) =
                            (within.unwrap_or_default(), node.scalar().map_or("", |(t, _)| t).into());
                        self.duplicates.push(Duplicate { key, span: k.span, first_line: line, both, within, second });
                        return;
                    }
                    seen.insert(text.to_string(), (key_line, entries.len()));
                }
                frame.size.add(k.size);
                frame.size.add(node.size);
                entries.push((k, node));
            }
        }
    }

    fn syntax_error(&self, at: &Marker, info: &str) -> Stop {
        let text = self.text;
        let start = slips::place(text, self.offsets.byte(*at), info);
        let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
        // The scanner allows 255 levels of `[`/`{` and reads ahead, so very deep flow
        // nesting is stopped there (at the 256th bracket) before the builder sees level 65.
        if info == "recursion limit exceeded" {
            return Stop {
                diagnostic: self.too_deep(Span::new(start, end)),
                syntax: false,
                at: Some(start),
                mend: None,
            };
        }
        let diagnostic = slips::explain(text, Span::new(start, end), info, self.keys.get());
        // (Recovery goes from where the slip is named, but for an escape inside a quoted
        // text, which is named inside it: from the text's start.)
        let escape = super::escape_slips::is_escape(info);
        let mend = InQuotes::of(text, start, info, &diagnostic);
        let at = if escape { Some(start) } else { diagnostic.span.map(|s| s.start) };
        Stop { at, diagnostic, syntax: true, mend }
    }
}

/// `text` in Unicode NFC, so that what the user sees and what is compared agree (and CJK
/// compatibility ideographs as typed: [`crate::script::nfc`]).
fn nfc(text: Cow<'_, str>) -> String {
    match crate::script::nfc(&text) {
        Cow::Borrowed(_) => text.into_owned(),
        Cow::Owned(normal) => normal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefing_keys() -> crate::load::KeySets {
        crate::load::keys_of::<crate::model::RawBriefing>()
    }

    fn tree(text: &str) -> Result<Tree, Vec<Diagnostic>> {
        parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).map_err(|b| b.diagnostics)
    }

    fn root(text: &str) -> Node {
        match tree(text) {
            Ok(Tree { root: Some(root), diagnostics, duplicates, second_document: None })
                if diagnostics.is_empty() && duplicates.is_empty() =>
            {
                root
            }
            Ok(t) => panic!("{:?}", t.diagnostics),
            Err(d) => panic!("{d:?}"),
        }
    }

    fn entries(node: &Node) -> &[(Node, Node)] {
        match &*node.kind {
            NodeKind::Map(e) => e,
            k => panic!("not a map: {k:?}"),
        }
    }

    fn spanned<'t>(text: &'t str, node: &Node) -> &'t str {
        &text[node.span.start..node.span.end]
    }

    #[test]
    fn spans_are_bytes_even_after_non_ascii_text() {
        let text = "name: Ünïcødé 日本\nnext: \"q\"\nlast: [a, b]\n";
        let r = root(text);
        let e = entries(&r);
        assert_eq!(spanned(text, &e[0].1), "Ünïcødé 日本");
        assert_eq!(spanned(text, &e[1].0), "next");
        assert_eq!(spanned(text, &e[1].1), "\"q\"");
        assert_eq!(spanned(text, &e[2].1), "[a, b]");
        assert_eq!(spanned(text, &r), text.trim_end());
    }

    #[test]
    fn long_non_ascii_text_converts_offsets_past_many_strides() {
        let text = format!("a: {}\nb: end\n", "é".repeat(500));
        let r = root(&text);
        assert_eq!(spanned(&text, &entries(&r)[1].1), "end");
    }

    #[test]
    fn block_scalars_span_from_indicator_to_last_text() {
        let text = "summary: |\n  one\n  two\n\nnext: x\n";
        let r = root(text);
        assert_eq!(spanned(text, &entries(&r)[0].1), "|\n  one\n  two");
        let text = "- >-\n  folded\n";
        let r = root(text);
        let NodeKind::Seq(items) = &*r.kind else { panic!() };
        assert_eq!(spanned(text, &items[0]), ">-\n  folded");
    }

    #[test]
    fn scalars_are_nfc() {
        let r = root("a: e\u{301}\n");
        assert_eq!(entries(&r)[0].1.scalar(), Some(("\u{e9}", Style::Plain)));
    }

    #[test]
    fn duplicate_keys_are_reported_on_the_second_and_dropped() {
        let t = tree("a: 1\nb: 2\na: 3\n").unwrap();
        assert_eq!(t.duplicates.len(), 1);
        assert_eq!(t.duplicates[0].span, Span::new(10, 11));
        assert_eq!(entries(t.root.as_ref().unwrap()).len(), 2);
    }

    /// `    title: C` above `  - body: D`: the dash moved down a line. Named at the key, and
    /// the item read as meant (its misspelt key is there to be reported), not a duplicate
    /// `title` and an item without one.
    #[test]
    fn a_dash_moved_down_a_line_is_named_and_the_item_read() {
        let item_keys = |tree: &Tree, i: usize| -> Vec<String> {
            let NodeKind::Seq(items) = &*entries(tree.root.as_ref().unwrap())[1].1.kind else { panic!() };
            entries(&items[i]).iter().map(|(k, _)| k.scalar().unwrap().0.to_string()).collect()
        };
        for topics in [
            "  - title: A\n    body: B\n    title: C\n  - bdy: D\n  - title: E\n    body: F\n",
            // (Blank lines and a comment between; the item's block text below.)
            "  - title: A\n    body: B\n    title: C\n\n  # next\n  - bdy: |\n      D\n",
        ] {
            let text = format!("title: T\ntopics:\n{topics}");
            let broken = parse(&SourceFile::new("t.yaml", &text), &Limits::default(), briefing_keys).err().unwrap();
            let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
            assert_eq!(
                messages,
                ["this item's `- ` moved below this line: `title:` is read as the item above's, given twice"],
                "{text}"
            );
            assert_eq!(broken.diagnostics[0].span.map(|s| s.start), text.find("title: C"));
            let tree = broken.recovered.unwrap().tree;
            assert!(tree.duplicates.is_empty());
            assert_eq!(item_keys(&tree, 0), ["title", "body"]);
            assert_eq!(item_keys(&tree, 1), ["title", "bdy"]);
        }
        // A key given twice with the next item holding its own: a duplicate, as written.
        let text = "title: T\ntopics:\n  - title: A\n    title: C\n  - title: E\n    body: F\n";
        let t = tree(text).unwrap();
        assert_eq!(t.duplicates.len(), 1);
        assert_eq!(item_keys(&t, 1), ["title", "body"]);
        // A second key between the duplicate and the dash: not this slip.
        let text = "title: T\ntopics:\n  - title: A\n    title: C\n    lang: fr\n  - body: F\n";
        assert_eq!(tree(text).unwrap().duplicates.len(), 1);
    }

    /// `title: Data: next steps`: named, and the value read as typed, so that a second such
    /// slip in the same item is reported in the same run.
    #[test]
    fn a_colon_in_a_value_is_named_and_the_rest_of_its_item_read() {
        let text = "title: T\ntopics:\n  - title: Data: next steps\n    body: They agreed: a: b.\n    bdy: x\n";
        let file = SourceFile::new("t.yaml", text);
        let broken = parse(&file, &Limits::default(), briefing_keys).err().unwrap();
        let found: Vec<(usize, &str)> =
            broken.diagnostics.iter().map(|d| (file.line_col(d.span.unwrap().start).0, d.message.as_str())).collect();
        assert_eq!(found, [(3, "the value of `title` contains `: `"), (4, "the value of `body` contains `: `")]);
        let tree = broken.recovered.unwrap().tree;
        let NodeKind::Seq(items) = &*entries(tree.root.as_ref().unwrap())[1].1.kind else { panic!() };
        let values: Vec<&str> = entries(&items[0]).iter().map(|(_, v)| v.scalar().unwrap().0).collect();
        assert_eq!(values, ["Data: next steps", "They agreed: a: b.", "x"]);
    }

    #[test]
    fn a_second_document_is_an_error() {
        let t = tree("a: 1\n---\nb: 2\n").unwrap();
        let second = t.second_document.unwrap();
        assert_eq!(second.span, Some(Span::new(5, 8)));
        assert!(second.message.contains("second YAML document"));
        assert_eq!(entries(t.root.as_ref().unwrap()).len(), 1);
        // `...` in the middle of a file: named at the `...`.
        let text = "a: 1\n...\nb: 2\n";
        let second = tree(text).unwrap().second_document.unwrap();
        assert_eq!(second.span, Some(Span::new(5, 8)));
        assert!(second.message.starts_with("`...` ends the YAML document here"), "{}", second.message);
    }

    #[test]
    fn aliases_clone_the_anchored_node() {
        let text = "a: &x {k: v}\nb: *x\n";
        let r = root(text);
        let e = entries(&r);
        assert_eq!(spanned(text, &e[1].1), "*x");
        assert_eq!(entries(&e[1].1)[0].1.scalar(), Some(("v", Style::Plain)));
    }

    #[test]
    fn recursive_aliases_are_an_error() {
        let d = tree("a: &x [*x]\n").err().unwrap();
        assert!(d[0].message.contains("refers to a node that contains it"));
    }

    #[test]
    fn syntax_errors_are_reported_at_the_parser_marker() {
        let text = "a:\n  - b: @c\n";
        let d = tree(text).err().unwrap();
        assert!(d[0].message.starts_with("a value that starts with `@`"), "{d:?}");
        assert_eq!(d[0].span.map(|s| s.start), text.find('@'));
    }

    /// The common slips are reported where they were made, not where the parser noticed.
    #[test]
    fn common_slips_point_at_the_slip() {
        let first = |text: &str| {
            let d = tree(text).err().unwrap().remove(0);
            let file = SourceFile::new("t.yaml", text);
            let (line, col) = file.line_col(d.span.unwrap().start);
            (d.message, line, col, d.help.unwrap_or_default())
        };
        let (message, line, col, help) = first("title:Results\ndate: 2020-10-06\n");
        assert_eq!((message.as_str(), line, col), ("no space after `title:`", 1, 6));
        assert!(help.contains("write `title: …`"), "{help}");
        let (message, line, col, _) = first("a:\n- title: x\n  body:text\nb: 1\n");
        assert_eq!((message.as_str(), line, col), ("no space after `body:`", 3, 7));
        let (message, line, col, _) = first("a: 1\ncontact\n  tel: 2\n");
        assert_eq!((message.as_str(), line, col), ("missing `:` after `contact`", 2, 8));
        let (message, line, col, help) = first("a:\n  b: c\n\td: e\n");
        assert_eq!((line, col), (3, 1), "{message}");
        assert!(help.contains("spaces, not tabs"), "{help}");
        let (message, line, _, help) = first("a:\n- b: 1\n - c: 2\n");
        assert_eq!((message.as_str(), line), ("this item is indented further than the one before it", 3));
        assert!(help.contains("same column"), "{help}");
        let (message, line, col, help) = first("a:\n  - title: Topic 1: Data  # note\n");
        assert_eq!((message.as_str(), line, col), ("the value of `title` contains `: `", 2, 19));
        assert_eq!(help, "put the value in quotes: title: \"Topic 1: Data\"");
        let (message, line, col, _) = first("a:\n  - b: c\n      d: e\n");
        assert_eq!((message.as_str(), line, col), ("this key is indented further than `b:` above it", 3, 7));
        // A line of a `|` text less in than its first line, still further in than its key.
        let (message, line, col, _) = first("a:\n  - body: |\n      one\n\n     two\n  - body: c\n");
        let want = "this line of the text after `body: |` is indented less than the lines above it";
        assert_eq!((message.as_str(), line, col), (want, 5, 6));
        // A tab alone on a line inside a block's text: the tab, and the block read whole.
        let text = "a:\n  - body: |\n      one\n\t\n      two\n    bdy: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["a tab on a line that looks empty ends the text above it"]);
        assert_eq!(broken.diagnostics[0].span.map(|s| s.start), text.find('\t'));
        let read = format!("{:?}", broken.recovered.unwrap().tree.root);
        assert!(read.contains("one\\n\\ntwo") && read.contains("\"bdy\""), "{read}");
        // A value that starts with a character YAML reserves: named, and the rest read (the
        // second slip reported in the same run).
        let text = "a:\n  - title: @EU: results\n    body: | Both agreed.\n    bdy: `x`\n";
        let found: Vec<String> = tree(text).err().unwrap().into_iter().map(|d| d.message).collect();
        assert_eq!(
            found,
            [
                "a value that starts with `@` must be quoted",
                "the text after `body: |` must start on the next line",
                "a value that starts with `` ` `` must be quoted"
            ]
        );
        // A quote never closed, at the end of the file: at its opening quote.
        let (message, line, col, _) = first("a: 1\nb: \"%-d %B\n");
        assert_eq!((message.as_str(), line, col), ("this quoted text is never closed", 2, 4));
        // A URL's colon is not a missing space.
        let (message, ..) = first("url:https://example.org\nb: 1\n");
        assert_eq!(message, "no space after `url:`");
        let (message, ..) = first("http://example.org\nb: 1\n");
        assert_ne!(message, "no space after `http:`");
        // Quotes ended too early, brackets never closed.
        let (message, line, col, help) = first("a:\n  - title: 'It's here'\n");
        assert_eq!((message.as_str(), line, col), ("the text in single quotes ended at an apostrophe", 2, 15));
        assert!(help.contains("`It''s`"), "{help}");
        let (message, ..) = first("a: \"say \"hi\" now\"\n");
        assert_eq!(message, "the text in double quotes ended at a quotation mark");
        let (message, _, _, help) = first("a:\n  title: [Draft] Results\n");
        assert_eq!(message, "text after the value of `title`, which YAML reads as a list");
        assert!(help.ends_with("title: \"[Draft] Results\""), "{help}");
        let (message, line, col, _) = first("a: 1\ntel: ['x]', [2], 3 # [\nb: 2\n");
        assert_eq!((message.as_str(), line, col), ("this `[` is never closed", 2, 6));
    }

    #[test]
    fn a_key_that_lost_its_colon_is_named_once_and_nothing_follows_from_it() {
        let contact = "contact:\n  tel: \"1\"\n";
        let topic = "topics:\n  - title: A\n    body: B\n";
        for (text, want) in [
            // The first line, with text after it, above a key of the same column.
            (format!("title Workshop\ndate: 2020-10-06\n{topic}{contact}"), (1, 6, "title")),
            // Below another key's value: not that value's text that lost its indentation.
            (
                format!("title: T\ndate: 2020-10-06\norganisation Ministry of X\n{topic}{contact}"),
                (3, 13, "organisation"),
            ),
            // A list item's first key, and a block's key, with one line of text or more.
            (format!("title: T\ntopics:\n  - title Data flows\n    body: B\n{contact}"), (3, 10, "title")),
            (format!("title: T\ntopics:\n  - title: A\n    body |\n      one\n      two\n{contact}"), (4, 9, "body")),
            (format!("title: T\nsummary |\n  hello\n{topic}{contact}"), (2, 8, "summary")),
            (format!("title: T\nsummary |\n  hello\n  world\n{topic}{contact}"), (2, 8, "summary")),
            (format!("title: T\ntopics:\n  - title: A\n    body|\n      one\n{contact}"), (4, 9, "body")),
            // Before a mapping written on the line, whatever the parser tripped on in it (and
            // the key is not "missing" too).
            (
                format!("title: T\ntopics:\n  - title {{ en: \"A, b\", ja: \"B\" }}\n    body: B\n{contact}"),
                (3, 10, "title"),
            ),
            // Alone, with no value: beside the other keys, or the very last text of the file.
            (format!("title: T\n{topic}contact:\n  tel: \"1\"\n  fax\n"), (7, 6, "fax")),
            (format!("title: T\n{topic}contact"), (5, 8, "contact")),
            // A tab for the colon; a comment after the line, or between it and the next key.
            (format!("title\tWorkshop\ndate: 2020-10-06\n{topic}{contact}"), (1, 6, "title")),
            (format!("title Workshop # draft\ndate: 2020-10-06\n{topic}{contact}"), (1, 6, "title")),
            (format!("title Workshop\n# the date\ndate: 2020-10-06\n{topic}{contact}"), (1, 6, "title")),
            (format!("title: T\n{topic}contact:\n  division X\n  # phone\n  tel: \"1\"\n"), (6, 11, "division")),
        ] {
            let file = SourceFile::new("t.yaml", &text);
            let all: Vec<_> = tree(&text)
                .err()
                .unwrap()
                .into_iter()
                .map(|d| {
                    let (line, col) = file.line_col(d.span.unwrap().start);
                    (line, col, d.message)
                })
                .collect();
            let (line, col, key) = want;
            assert_eq!(all, [(line, col, format!("missing `:` after `{key}`"))], "{text}");
        }
        // Two in a row are two slips.
        let text = format!("title: T\norganisation X\nsummary Text\n{topic}{contact}");
        let d: Vec<String> = tree(&text).err().unwrap().into_iter().map(|d| d.message).collect();
        assert_eq!(d, ["missing `:` after `organisation`", "missing `:` after `summary`"]);
        // Text below a value that lost its indentation is still named so, even when its first
        // word is a key: one given already (`date`), or one of another mapping (`name` is the
        // contact's, `contact` not a topic's).
        for (text, key) in [
            (format!("title: T\nsummary: The ministry\nheld a workshop\n{topic}{contact}"), "summary"),
            (format!("title: T\ndate: 2020-10-06\nsummary: |\n  They agreed on the\ndate of the next one.\n{topic}{contact}"), "summary"),
            (format!("title: T\nsummary: |\n  They agreed on the\nname of the group.\n{topic}{contact}"), "summary"),
            (format!("title: T\ntopics:\n  - title: A\n    body: |\n      Call the\n    contact point.\n{contact}"), "body"),
            // In the column of a list's `- `, where no key can be.
            (format!("title: T\ntopics:\n  - title: A\n    body: a panel\n  body of experts.\n{contact}"), "body"),
        ] {
            let d = tree(&text).err().unwrap();
            let want = format!("this text is indented no further than `{key}:`");
            assert!(d[0].message.starts_with(&want), "{text}: {d:?}");
        }
    }

    #[test]
    fn a_mappings_key_that_lost_its_colon_gets_it_back_and_its_block_is_read() {
        let text = "title: T\ncontact\n  tel: \"1\"\n  emial: x\n";
        let file = SourceFile::new("t.yaml", text);
        let broken = parse(&file, &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["missing `:` after `contact`"]);
        let tree = broken.recovered.unwrap().tree;
        let contact = &entries(tree.root.as_ref().unwrap())[1];
        assert_eq!(contact.0.scalar().unwrap().0, "contact");
        let keys: Vec<&str> = entries(&contact.1).iter().map(|(k, _)| k.scalar().unwrap().0).collect();
        assert_eq!(keys, ["tel", "emial"]);
        // A tab before such a key: taken out, and the block read.
        let text = "title: T\n\tcontact:\n  tel: \"1\"\n  emial: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["a tab where YAML allows only spaces"]);
        let tree = broken.recovered.unwrap().tree;
        let contact = &entries(tree.root.as_ref().unwrap())[1];
        assert_eq!(entries(&contact.1).len(), 2);
        // A comment after the key, or a slip above it of a word that is not a key: the same.
        for text in [
            "title: T\ncontact  # who\n  tel: \"1\"\n  emial: x\n",
            "title: T\n\tcontact: # who\n  tel: \"1\"\n  emial: x\n",
            "title: T\nfoo\n  x: 1\ncontact\n  tel: \"1\"\n  emial: x\n",
        ] {
            let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
            let tree = broken.recovered.unwrap().tree;
            let root = entries(tree.root.as_ref().unwrap());
            let contact = root.iter().find(|(k, _)| k.scalar().unwrap().0 == "contact").expect(text);
            assert_eq!(entries(&contact.1).len(), 2, "{text}");
        }
        // A tab before the first key of a block: at the block's depth, not its holder's.
        let text = "title: T\ncontact:\n\tnote: x\n  tel: \"1\"\n  emial: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let tree = broken.recovered.unwrap().tree;
        assert_eq!(entries(&entries(tree.root.as_ref().unwrap())[1].1).len(), 2);
        // Misspelt too: read under its own name, for the deserializer to say what was meant.
        let text = "title: T\ncontcat\n  tel: \"1\"\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let tree = broken.recovered.unwrap().tree;
        let (key, _) = &entries(tree.root.as_ref().unwrap())[1];
        assert_eq!((key.scalar().unwrap().0, key.span), ("contcat", Span::new(9, 16)));
        // Not a key of the file nor near one, or nothing below it: blanked as before.
        for text in ["title: T\nwhatever\n  tel: \"1\"\n", "title: T\ncontact\ndate: 2020-10-06\n"] {
            let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
            let tree = broken.recovered.unwrap().tree;
            assert_eq!(entries(tree.root.as_ref().unwrap()).len(), 1 + usize::from(text.contains("date")), "{text}");
        }
    }

    #[test]
    fn a_key_or_an_item_out_of_line_is_the_one_error_and_its_mapping_is_read() {
        let contact = "contact:\n  tel: \"1\"\n";
        let further = "this item is indented further than";
        for (topics, want) in [
            // A key deeper than the key above it, whose value YAML would run on into it.
            ("  - title: A\n     bdy: B\n", (4, 6, "this key is indented further than `title:` above it")),
            // An item deeper than the next of its list, or in the column of the last one's keys.
            ("    - title: A\n    bdy: B\n  - title: C\n    body: D\n", (3, 5, further)),
            ("  - title: C\n    body: D\n    - title: A\n    bdy: B\n", (5, 5, further)),
            // One space too far, its keys where they belong.
            ("  - title: C\n    body: D\n   - title: A\n    bdy: B\n", (5, 4, further)),
            // The first item alone further out: every later one is read with it, one error.
            ("- title: C\n  body: D\n  - title: A\n    bdy: B\n  - title: E\n    body: F\n", (5, 3, further)),
        ] {
            let text = format!("title: T\ntopics:\n{topics}{contact}");
            let file = SourceFile::new("t.yaml", &text);
            let broken = parse(&file, &Limits::default(), briefing_keys).err().unwrap();
            let all: Vec<_> = broken
                .diagnostics
                .iter()
                .map(|d| {
                    let (line, col) = file.line_col(d.span.unwrap().start);
                    (line, col, d.message.as_str())
                })
                .collect();
            assert_eq!(all.len(), 1, "{text}: {all:?}");
            assert_eq!((all[0].0, all[0].1), (want.0, want.1), "{text}: {all:?}");
            assert!(all[0].2.starts_with(want.2), "{text}: {all:?}");
            // The item is read whole: its misspelt key is there to be reported.
            let tree = broken.recovered.unwrap().tree;
            let topics = &entries(tree.root.as_ref().unwrap())[1].1;
            let NodeKind::Seq(items) = &*topics.kind else { panic!("{text}") };
            assert!(items.iter().any(|i| entries(i).iter().any(|(k, _)| k.scalar().unwrap().0 == "bdy")), "{text}");
        }
        // A key between two depths: moved to the one above it, and what it holds read (a tab
        // in its text is the second slip, not the end of a block that a duplicate key follows).
        let text = "title: T\norganisation:\n  en: A\n  ja: B\n summary:\n  en: |\n    one\n\ttwo\n  ja: |\n    三\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["this line does not line up with the ones above", "a tab where YAML allows only spaces"]);
        let read = broken.recovered.unwrap().tree;
        let keys: Vec<&str> = entries(read.root.as_ref().unwrap()).iter().map(|(k, _)| k.scalar().unwrap().0).collect();
        assert_eq!(keys, ["title", "organisation", "summary"]);
        // Not when the key belongs to the deeper mapping (` fax:` among a contact's keys): the
        // top level would take it for its own.
        let text = "title: T\ncontact:\n  tel: \"1\"\n fax: \"2\"\ndate: 2020-10-06\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let read = broken.recovered.unwrap().tree;
        let keys: Vec<&str> = entries(read.root.as_ref().unwrap()).iter().map(|(k, _)| k.scalar().unwrap().0).collect();
        assert_eq!(keys, ["title", "contact", "date"]);
        // A block's first key left at its holder's column: that key named, the block read.
        let text = "title: T\ncontact:\ndivision: X\n  tel: \"1\"\n  emial: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["this key is indented no further than `contact:` above it"]);
        assert_eq!(broken.diagnostics[0].span.map(|s| s.start), text.find("division"));
        let read = broken.recovered.unwrap().tree;
        let held = &entries(read.root.as_ref().unwrap())[1].1;
        let keys: Vec<&str> = entries(held).iter().map(|(k, _)| k.scalar().unwrap().0).collect();
        assert_eq!(keys, ["tel", "emial"]);
        // A line of text where a block starts: that line named and left out, the block read.
        for (text, holder, misspelt) in [
            ("title: T\ncontact:\n    the Division\n  tel: \"1\"\n  emial: x\n", "contact", "emial"),
            ("title: T\ntopics:\n    AI and data\n  - title: A\n    bdy: B\n", "topics", "bdy"),
        ] {
            let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
            let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
            let want =
                format!("this text is read as the value of `{holder}:`, which then cannot hold the lines below it");
            assert_eq!(messages, [want.as_str()], "{text}");
            // The block is read: the misspelt key in it is there to be reported.
            let read = format!("{:?}", broken.recovered.unwrap().tree.root);
            assert!(read.contains(&format!("\"{misspelt}\"")), "{read}");
        }
        // `-title:` among items, or alone: the space after the dash, and the item read.
        let text = "title: T\ntopics:\n  -title: C\n    bdy: D\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["no space after `-`"]);
        assert!(format!("{:?}", broken.recovered.unwrap().tree.root).contains("\"bdy\""));
        let text = "title: T\ntopics:\n  - title: A\n    body: B\n  -title: C\n    bdy: D\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["no space after `-`"]);
        let read = broken.recovered.unwrap().tree;
        let NodeKind::Seq(items) = &*entries(read.root.as_ref().unwrap())[1].1.kind else { panic!() };
        let keys: Vec<&str> = entries(&items[1]).iter().map(|(k, _)| k.scalar().unwrap().0).collect();
        assert_eq!(keys, ["title", "bdy"]);
        // A block's keys in the column of an item's dash (its holder's line lost): one error.
        let text = "title: T\ntopics:\n  - title: A\n    body: B\n  division: X\n  tel: \"1\"\n  fax: \"2\"\n";
        assert_eq!(tree(text).err().unwrap().len(), 1);
        // A block's first key further in than its holder but less than the keys after it.
        let text = "title: T\ncontact:\n tel: \"1\"\n  fax: \"2\"\n  emial: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["this key is indented less than the keys below it"]);
        assert_eq!(broken.diagnostics[0].span.map(|s| s.start), text.find("tel"));
        assert!(format!("{:?}", broken.recovered.unwrap().tree.root).contains("\"emial\""));
        // A key between two items, less in than their dash: named there, the items after it
        // still read.
        for body in ["body: |\n      B\n", "body: B\n"] {
            let text = format!("title: T\ntopics:\n  - title: A\n{body}  - title: C\n    bdy: D\n");
            let broken = parse(&SourceFile::new("t.yaml", &text), &Limits::default(), briefing_keys).err().unwrap();
            let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
            assert_eq!(messages, ["`body:` is indented less than the items around it"], "{text}");
            assert!(format!("{:?}", broken.recovered.unwrap().tree.root).contains("\"bdy\""), "{text}");
        }
        // The only item too deep: its key is named as the one out of line.
        let text = format!("title: T\ntopics:\n    - title: A\n    body: B\n{contact}");
        let d: Vec<String> = tree(&text).err().unwrap().into_iter().map(|d| d.message).collect();
        assert_eq!(d, ["this key does not line up with `title:` of its item"]);
    }

    #[test]
    fn a_hash_glued_to_text_after_a_value_is_not_dropped_silently() {
        for (text, word) in [("title: Results of meeting #10\n", "#10"), ("color: #1f3a68\n", "#1f3a68")] {
            let d = tree(text).unwrap().diagnostics;
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert_eq!(d[0].message, format!("`{word}` is read as a comment, and dropped"), "{text}");
            assert_eq!(&text[d[0].span.unwrap().start..d[0].span.unwrap().end], word);
        }
        // A comment is a comment: a space after its `#`, or on a line of its own.
        // And after a closing quote or a date, where nothing could be the value's (text43a F43a-1).
        for text in [
            "title: Results # draft\n",
            "# one\ntitle: A\n  # two\n",
            "size: A4  #\n",
            "a: \"x #1\"\n",
            "title: \"Results\" #draft\n",
            "date: 2026-05-12 #moved\n",
        ] {
            assert!(tree(text).unwrap().diagnostics.is_empty(), "{text}");
        }
    }

    #[test]
    fn keys_indented_with_tabs_are_read_at_the_depth_meant() {
        // A block indented with a tab throughout: each tab reported, every key read.
        let text = "title: T\ncontact:\n\tname: A\n\temial: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        let messages: Vec<&str> = broken.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["a tab where YAML allows only spaces"; 2]);
        let tree = broken.recovered.unwrap().tree;
        let contact = &entries(tree.root.as_ref().unwrap())[1].1;
        let keys: Vec<(&str, usize)> =
            entries(contact).iter().map(|(k, _)| (k.scalar().unwrap().0, k.span.start)).collect();
        assert_eq!(keys, [("name", text.find("name").unwrap()), ("emial", text.find("emial").unwrap())]);
        // A line indented with a tab inside a block blanked after a slip is part of that block,
        // not the end of it.
        let text = "title: T\nsummary:\n  en: |x\n    one\n\ttwo\n    three\n  ja: B\n";
        let d = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap().diagnostics;
        assert_eq!(d.len(), 1, "{d:?}");
        // One tab among keys indented with spaces, where it has room: moved to their depth.
        let text = "title: T\ncontact:\n  name: A\n \t emial: x\n";
        let broken = parse(&SourceFile::new("t.yaml", text), &Limits::default(), briefing_keys).err().unwrap();
        assert_eq!(broken.diagnostics.len(), 1);
        let tree = broken.recovered.unwrap().tree;
        assert_eq!(entries(&entries(tree.root.as_ref().unwrap())[1].1).len(), 2);
    }

    #[test]
    fn a_first_line_indented_further_than_the_rest_is_the_one_error() {
        let rest = "date: 2020-10-06\ntopics:\n  - title: A\n    body: B\ncontact:\n  tel: \"1\"\n";
        for (first, message) in [
            (" title: T\n", "this line is indented further than the keys below it"),
            ("\ttitle: T\n", "a tab where YAML allows only spaces"),
        ] {
            let text = format!("# A comment first.\n{first}{rest}");
            let d = tree(&text).err().unwrap();
            let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
            assert_eq!(messages, [message], "{text}");
            assert_eq!(SourceFile::new("t.yaml", &text).line_col(d[0].span.unwrap().start).0, 2);
        }
    }

    #[test]
    fn a_bracket_never_closed_is_the_one_error_however_many_keys_follow() {
        let text =
            "title: T\nlang: [en, ja\ndate: 2020-10-06\ntopics:\n  - title: A\n    body: B\ncontact:\n  tel: 1\n";
        let d = tree(text).err().unwrap();
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["this `[` is never closed"]);
        let file = SourceFile::new("t.yaml", text);
        assert_eq!(file.line_col(d[0].span.unwrap().start), (2, 7));
        // Alone, before quoted text, a mapping's: the next keys and items are read into it.
        for (open, bracket) in [("[", "["), ("{", "{"), ("[\"Draft\"", "["), ("{Draft", "{"), ("[a, [b", "[")] {
            let text = format!("title: T\nsummary: {open}\ntopics:\n  - title: A\n    body: B\ncontact:\n  tel: 1\n");
            let d = tree(&text).err().unwrap();
            let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
            assert_eq!(messages, [format!("this `{bracket}` is never closed")], "{text}");
        }
        // A translation left open, or closed with a full-width brace: the `: ` of the keys
        // after it are not values with a colon in them.
        for (close, help) in [("", "add the `}` where it ends"), ("｝", "the `｝` on this line is full-width")] {
            let text = format!(
                "title: T\ntopics:\n  - title: {{ en: D, ja: デ{close}\n    body: {{ en: B, ja: ビ }}\n  - title: {{ en: A, ja: A }}\n"
            );
            let d = tree(&text).err().unwrap();
            let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
            assert_eq!(messages, ["this `{` is never closed"], "{text}");
            assert!(d[0].help.as_deref().unwrap_or("").starts_with(help), "{:?}", d[0].help);
        }
    }

    #[test]
    fn parsing_goes_on_after_a_syntax_error_at_the_next_line_no_deeper() {
        let text = "a: 'It's'\nb:c\nd: 1\nl:\n  - x: [y] z\n    w: 1\n  - v: 2\ne: 'ok'\n";
        let d = tree(text).err().unwrap();
        let file = SourceFile::new("t.yaml", text);
        let lines: Vec<usize> = d.iter().map(|d| file.line_col(d.span.unwrap().start).0).collect();
        assert_eq!(lines, [1, 2, 5], "{d:?}");
        // Blanking keeps every offset, and a slip in a value keeps its key.
        let (masked, range) = resync("k: 'é's'\n  more\nn: 1\n", 6, &briefing_keys()).unwrap();
        assert_eq!(masked, format!("k:{}\n      \nn: 1\n", " ".repeat(7)));
        assert_eq!(range, 0..16);
        // A file of slips stops after MAX_SYNTAX_ERRORS, and says so.
        let slips: String = (0..40).map(|i| format!("a{i}:b\nc{i}: 1\n")).collect();
        let d = tree(&slips).err().unwrap();
        assert_eq!(d.len(), MAX_SYNTAX_ERRORS + 1);
        assert!(d[MAX_SYNTAX_ERRORS].message.starts_with("stopped after 20 syntax errors"), "{d:?}");
        // (A note, not a problem: "20 problems", not 21.)
        let shown = crate::diag::render_all(&SourceFile::new("t.yaml", &slips), &d);
        assert!(
            shown.ends_with(
                "t.yaml: note: stopped after 20 syntax errors; there may be more\n\nerror: 20 problems in t.yaml\n"
            ),
            "{shown}"
        );
        // What comes before the next slip is still read, to be checked; the rest is not.
        let broken = parse(&SourceFile::new("t.yaml", &slips), &Limits::default(), briefing_keys).err().unwrap();
        let recovered = broken.recovered.expect("the file up to the 21st slip is read");
        // (The twenty `c` keys: each `a` line was a slip, blanked.)
        assert_eq!(entries(recovered.tree.root.as_ref().unwrap()).len(), MAX_SYNTAX_ERRORS);
        assert!(recovered.blanked.last().is_some_and(|r| r.end == slips.len()), "{:?}", recovered.blanked);
        // Exactly as many as the limit: each reported, no "there may be more".
        let twenty: String = (0..MAX_SYNTAX_ERRORS).map(|i| format!("a{i}:b\nc{i}: 1\n")).collect();
        let d = tree(&twenty).err().unwrap();
        assert_eq!(d.len(), MAX_SYNTAX_ERRORS, "{d:?}");
    }

    #[test]
    fn depth_is_limited_for_block_flow_and_aliases() {
        let limits = Limits { max_depth: 3, ..Limits::default() };
        let file = SourceFile::new("t.yaml", "a:\n  b:\n    c:\n      d: 1\n");
        let d = parse(&file, &limits, briefing_keys).err().unwrap().diagnostics;
        assert!(d[0].message.contains("nested too deeply (limit 3 levels)"), "{d:?}");
        assert_eq!(file.line_col(d[0].span.unwrap().start).0, 4);
        let file = SourceFile::new("t.yaml", "a: &x [[1]]\nb: [*x]\n");
        let d = parse(&file, &limits, briefing_keys).err().unwrap().diagnostics;
        assert_eq!(d[0].span, Some(Span::new(16, 18)));
        let ok = SourceFile::new("t.yaml", "a: &x [[1]]\nb: *x\n");
        assert!(parse(&ok, &limits, briefing_keys).is_ok());
    }

    #[test]
    fn node_budget_is_checked_before_cloning() {
        let limits = Limits { max_nodes: 20, ..Limits::default() };
        let file = SourceFile::new("t.yaml", "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n");
        let d = parse(&file, &limits, briefing_keys).err().unwrap().diagnostics;
        assert_eq!(d[0].message, "too many nodes after expanding aliases (limit 20)");
        assert_eq!(d[0].span, Some(Span::new(31, 33)));
    }

    #[test]
    fn empty_text_has_no_root() {
        assert!(tree("# nothing\n").unwrap().root.is_none());
    }
}
