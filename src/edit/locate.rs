//! Finding a field's value in the spanned tree: a path (`topics[2].body`) and a language lead
//! to the scalar that holds the text, or to the mapping where its key would go.

use crate::diag::SourceFile;
use crate::load::tree::{self, Node, NodeKind};
use crate::load::{declared_languages, translation_languages, Limits};

use super::EditError;

/// One parsed text: its tree and its languages.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub root: Node,
    /// `lang: [en, ja]`; empty for a file in one language.
    pub langs: Vec<String>,
    /// Spaces one level of block nesting adds in this file (2 unless it says otherwise).
    pub step: usize,
    /// Where each line feed of `text` is, for [`Doc::line`].
    feeds: Vec<usize>,
}

#[cfg(test)]
thread_local! {
    /// Texts parsed on this thread, in tests that count them (text45b F45b-2).
    pub(super) static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A [`Doc`] without its text: kept while the text is, so that the text an edit made is not
/// parsed again by the next edit (text45b F45b-2).
pub(super) struct Parsed {
    root: Node,
    langs: Vec<String>,
    step: usize,
    feeds: Vec<usize>,
}

impl<'a> Doc<'a> {
    /// The tree of `text`, parsed from it before ([`Doc::parsed`]).
    pub fn of(text: &'a str, parsed: Parsed) -> Doc<'a> {
        let Parsed { root, langs, step, feeds } = parsed;
        Doc { text, root, langs, step, feeds }
    }

    /// The tree without the text, to be given it again with [`Doc::of`].
    pub fn parsed(self) -> Parsed {
        let Doc { root, langs, step, feeds, .. } = self;
        Parsed { root, langs, step, feeds }
    }

    /// Parses `text` (no byte order mark). A text with no document is an empty mapping.
    pub fn parse(text: &'a str) -> Result<Doc<'a>, EditError> {
        #[cfg(test)]
        PARSES.with(|n| n.set(n.get() + 1));
        let file = SourceFile::new("", text);
        // A text with a syntax error is not edited, even where the rest could be read. An edit
        // may make the text larger than a briefing may be: it is read with room for its size
        // and refused for that size (`super::apply`), not as a text that does not parse (text46b
        // F46b-11: "too much text after expanding aliases", in a file that has none).
        let limits = Limits { max_bytes: Limits::default().max_bytes.max(text.len()), ..Limits::default() };
        let parsed =
            tree::parse(&file, &limits, crate::load::keys_of::<crate::model::RawBriefing>).map_err(|broken| {
                let first = broken.diagnostics.first();
                let line = first.and_then(|d| d.span).map_or(0, |s| file.line_col(s.start).0);
                EditError::Unparsable { line, message: first.map_or(String::new(), |d| d.message.clone()) }
            })?;
        let root = match parsed.root {
            Some(root) if !root.is_null() => root,
            _ => Node::empty_map(crate::diag::Span::new(text.len(), text.len())),
        };
        let langs = declared_languages(&root);
        let feeds = text.match_indices('\n').map(|(i, _)| i).collect();
        let mut doc = Doc { text, root, langs, step: 2, feeds };
        doc.step = doc.detect_step().unwrap_or(2);
        Ok(doc)
    }

    /// The smallest indentation a nested block mapping adds over its key, if any is nested.
    fn detect_step(&self) -> Option<usize> {
        let mut best: Option<usize> = None;
        let mut stack = vec![&self.root];
        while let Some(node) = stack.pop() {
            match &*node.kind {
                NodeKind::Map(entries) if !self.is_flow(node) => {
                    for (k, v) in entries {
                        if let NodeKind::Map(inner) = &*v.kind {
                            if let Some((ik, _)) = inner.first() {
                                let (outer, deeper) = (self.col(k.span.start), self.col(ik.span.start));
                                if !self.is_flow(v) && deeper > outer {
                                    best = Some(best.map_or(deeper - outer, |b| b.min(deeper - outer)));
                                }
                            }
                        }
                        stack.push(v);
                    }
                }
                NodeKind::Seq(items) => stack.extend(items),
                _ => {}
            }
        }
        best
    }

    /// Whether `node` is a flow collection (`{…}` or `[…]`).
    pub fn is_flow(&self, node: &Node) -> bool {
        matches!(self.text.as_bytes().get(node.span.start), Some(b'{' | b'['))
            && !matches!(&*node.kind, NodeKind::Scalar { .. })
    }

    /// The 1-based line of byte `at` (lines end at line feeds): found among the feeds, not
    /// counted from the text's start for each field, which made a form fields × file size
    /// (text42b F42b-9: 57 s for 39,000 topics).
    pub fn line(&self, at: usize) -> usize {
        self.feeds.partition_point(|&feed| feed < at) + 1
    }

    /// The column (in characters, from 0) of byte `at`.
    pub fn col(&self, at: usize) -> usize {
        self.text[line_start(self.text, at)..at].chars().count()
    }

    /// The index in `langs` of language `lang` (exactly as `lang:` lists it, in any case).
    pub fn lang_index(&self, path: &str, lang: Option<&str>) -> Result<Option<usize>, EditError> {
        let Some(lang) = lang else { return Ok(None) };
        match self.langs.iter().position(|l| l.eq_ignore_ascii_case(lang)) {
            Some(i) => Ok(Some(i)),
            None => Err(EditError::UnknownLanguage { path: path.to_string(), lang: lang.to_string() }),
        }
    }

    /// The entries of `node` as a translation (`{en: …, ja: …}`): each language's index.
    pub fn translation(&self, node: &Node) -> Option<Vec<Option<usize>>> {
        match &*node.kind {
            NodeKind::Map(entries) if !self.langs.is_empty() => translation_languages(&self.langs, entries),
            _ => None,
        }
    }

    /// The list of topics in each language: one list (`topics: [...]`), or one per language
    /// (`topics: {en: [...], ja: [...]}`); `None` when there is no `topics` key.
    pub fn topic_lists(&self) -> Result<Option<Vec<&Node>>, EditError> {
        let Some((_, topics)) = entry(&self.root, "topics") else { return Ok(None) };
        let lists: Vec<&Node> = match (self.translation(topics), &*topics.kind) {
            (Some(_), NodeKind::Map(entries)) => entries.iter().map(|(_, v)| v).collect(),
            _ => vec![topics],
        };
        for list in &lists {
            let shape = match &*list.kind {
                NodeKind::Seq(_) if self.is_flow(list) => "a list in brackets",
                NodeKind::Seq(_) => continue,
                _ if list.is_null() => continue,
                NodeKind::Map(_) => "a mapping",
                NodeKind::Scalar { .. } => "text",
            };
            let reason = format!("the topics are {shape}; the editor needs a list of topics, one `- ` line each");
            return Err(EditError::Unsupported { path: "topics".into(), reason });
        }
        Ok(Some(lists))
    }
}

/// One step of a field's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Seg {
    Key(String),
    Index(usize),
}

/// `topics[2].body` → `topics`, `2`, `body`.
pub(super) fn parse_path(path: &str) -> Result<Vec<Seg>, EditError> {
    let bad = || EditError::UnknownField(path.to_string());
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if key.is_empty() {
            return Err(bad());
        }
        segs.push(Seg::Key(key.to_string()));
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']').ok_or_else(bad)?;
            segs.push(Seg::Index(index.parse().map_err(|_| bad())?));
            rest = after.strip_prefix('[').unwrap_or(after);
            if !after.is_empty() && !after.starts_with('[') {
                return Err(bad());
            }
        }
    }
    Ok(segs)
}

/// A key and its value in a mapping, with the mapping.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry<'t> {
    pub map: &'t Node,
    pub index: usize,
    pub key: &'t Node,
    pub value: &'t Node,
}

/// Where a field's text is, or where it would go.
pub(super) enum Place<'t> {
    /// The scalar holding the text, the entries that lead to it (the last one its own), and
    /// whether its last step was into a translation.
    Found { value: &'t Node, trail: Vec<Entry<'t>>, translated: bool },
    /// The keys `keys` are missing under `parent`: a mapping, or the empty value of the last
    /// entry of `trail` (`contact:` with nothing after it). `translated`: the first missing key
    /// is a language in a translation.
    Missing { parent: &'t Node, trail: Vec<Entry<'t>>, keys: Vec<String>, translated: bool },
}

/// Follows `segs` (and, through translations, language `lang`) from the root.
pub(super) fn locate<'t>(
    doc: &'t Doc<'_>,
    path: &str,
    segs: &[Seg],
    lang: Option<usize>,
) -> Result<Place<'t>, EditError> {
    let mut node = &doc.root;
    let mut trail: Vec<Entry<'t>> = Vec::new();
    let mut translated = false;
    let mut i = 0;
    loop {
        if let Some(names) = doc.translation(node) {
            let Some(l) = lang else { return Err(EditError::NeedsLanguage(path.to_string())) };
            let NodeKind::Map(entries) = &*node.kind else { unreachable!("a translation is a mapping") };
            match names.iter().position(|n| *n == Some(l)) {
                Some(j) => {
                    trail.push(Entry { map: node, index: j, key: &entries[j].0, value: &entries[j].1 });
                    node = &entries[j].1;
                    translated = true;
                    continue;
                }
                None => {
                    let mut keys = vec![doc.langs[l].clone()];
                    keys.extend(rest_keys(path, &segs[i..])?);
                    return Ok(Place::Missing { parent: node, trail, keys, translated: true });
                }
            }
        }
        let Some(seg) = segs.get(i) else { break };
        i += 1;
        match (seg, &*node.kind) {
            (Seg::Key(k), NodeKind::Map(entries)) => match entries.iter().position(|(key, _)| key_is(key, k)) {
                Some(j) => {
                    trail.push(Entry { map: node, index: j, key: &entries[j].0, value: &entries[j].1 });
                    node = &entries[j].1;
                    translated = false;
                }
                None => {
                    let keys = rest_keys(path, &segs[i - 1..])?;
                    return Ok(Place::Missing { parent: node, trail, keys, translated: false });
                }
            },
            (Seg::Key(_), NodeKind::Scalar { .. }) if node.is_null() && !trail.is_empty() => {
                let keys = rest_keys(path, &segs[i - 1..])?;
                return Ok(Place::Missing { parent: node, trail, keys, translated: false });
            }
            (Seg::Index(n), NodeKind::Seq(items)) if *n < items.len() => {
                node = &items[*n];
                translated = false;
            }
            (Seg::Index(_), _) => return Err(EditError::NoSuchTopic(path.to_string())),
            (Seg::Key(_), _) => {
                let reason = "the value above it is not a mapping".to_string();
                return Err(EditError::Unsupported { path: path.to_string(), reason });
            }
        }
    }
    match &*node.kind {
        NodeKind::Scalar { .. } => Ok(Place::Found { value: node, trail, translated }),
        _ => {
            let reason = "the value is a list or a mapping, not text; change it in the source".to_string();
            Err(EditError::Unsupported { path: path.to_string(), reason })
        }
    }
}

/// The keys of a path's missing tail (an index there names a topic that is not there).
fn rest_keys(path: &str, segs: &[Seg]) -> Result<Vec<String>, EditError> {
    segs.iter()
        .map(|s| match s {
            Seg::Key(k) => Ok(k.clone()),
            Seg::Index(_) => Err(EditError::NoSuchTopic(path.to_string())),
        })
        .collect()
}

fn key_is(key: &Node, name: &str) -> bool {
    key.scalar().is_some_and(|(t, _)| t == name)
}

/// The entry `name` of a mapping node.
pub(super) fn entry<'t>(node: &'t Node, name: &str) -> Option<(&'t Node, &'t Node)> {
    match &*node.kind {
        NodeKind::Map(entries) => entries.iter().find(|(k, _)| key_is(k, name)).map(|(k, v)| (k, v)),
        _ => None,
    }
}

/// The entries of a mapping node (none for anything else).
pub(super) fn entries(node: &Node) -> &[(Node, Node)] {
    match &*node.kind {
        NodeKind::Map(entries) => entries,
        _ => &[],
    }
}

/// Where the line holding byte `at` starts.
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Just past the end of the line holding byte `at` (its `\n` included), or the end of text.
pub(super) fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// Where an entry's text ends: its value's end (or its key's, for an empty value).
pub(super) fn entry_end(text: &str, key: &Node, value: &Node) -> usize {
    key.span.end.max(value_end(text, value))
}

/// Where a node's own text ends: a quoted scalar at its closing quote, anything else at its
/// last character that is not white space (a block collection's span may run on to the next
/// line).
pub(super) fn value_end(text: &str, node: &Node) -> usize {
    let (start, end) = (node.span.start, node.span.end.min(text.len()));
    let bytes = text.as_bytes();
    match bytes.get(start) {
        Some(b'"') => {
            let mut i = start + 1;
            while i < end {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return i + 1,
                    _ => i += 1,
                }
            }
            end
        }
        Some(b'\'') if matches!(&*node.kind, NodeKind::Scalar { .. }) => {
            let mut i = start + 1;
            while i < end {
                match (bytes[i], bytes.get(i + 1)) {
                    (b'\'', Some(b'\'')) => i += 2,
                    (b'\'', _) => return i + 1,
                    _ => i += 1,
                }
            }
            end
        }
        Some(&open @ (b'[' | b'{')) if !matches!(&*node.kind, NodeKind::Scalar { .. }) => {
            // A flow collection ends at its closing bracket, after its last child (a comment
            // after it on the line may hold brackets too).
            let close = if open == b'[' { ']' } else { '}' };
            let last = match &*node.kind {
                NodeKind::Seq(items) => items.last().map(|i| value_end(text, i)),
                NodeKind::Map(entries) => entries.last().map(|(k, v)| entry_end(text, k, v)),
                NodeKind::Scalar { .. } => None,
            };
            let from = last.unwrap_or(start + 1).min(end);
            text[from..end].find(close).map_or(end, |i| from + i + 1)
        }
        _ => start + text[start..end].trim_end().len(),
    }
}
