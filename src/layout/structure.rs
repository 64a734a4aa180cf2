//! The briefing's logical structure, as a screen reader gets it: headings, paragraphs, lists,
//! tables, links and the rest, in reading order. Layout builds it while it sets the text, and
//! every item it draws is tagged either with the structure element it belongs to or as an
//! artifact (page furniture, rules, bullets). The PDF stage writes it as the structure tree.

/// A structure element's index in [`Structure::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// What a structure element is (the standard structure types of ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Document,
    /// One briefing of a dossier.
    Sect,
    /// A grouping without meaning of its own (the contact block).
    Div,
    /// A heading, level 1 to 6.
    H(u8),
    P,
    /// A list, and how its items are marked.
    L(Numbering),
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    /// A header cell of a column.
    TH,
    TD,
    BlockQuote,
    Code,
    /// An image, with its text alternative.
    Figure,
    TOC,
    TOCI,
    Link,
    /// Inline text in another language.
    Span,
}

impl Role {
    /// The structure type's name in the PDF.
    pub fn name(&self) -> String {
        match self {
            Role::H(n) => format!("H{}", n.clamp(&1, &6)),
            Role::L(_) => "L".into(),
            other => format!("{other:?}"),
        }
    }
}

/// `ListNumbering` of a list (ISO 32000-1, table 347).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    Disc,
    Decimal,
}

/// What a structure element holds, in order: other elements, and the content of items drawn
/// for it. Each tagged item adds one `Content` to its element when it is made; the PDF stage
/// fills them with the element's marked content in the order it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    Node(NodeId),
    Content,
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: Role,
    pub parent: Option<NodeId>,
    pub kids: Vec<Kid>,
    /// Its language, when it differs from its parent's.
    pub lang: Option<String>,
    /// Text alternative (figures) or the link's description (links).
    pub alt: Option<String>,
    /// What the element's text reads as, when its glyphs do not say it (`/ActualText`): a
    /// word hyphenated across lines, whole; Japanese spaced beside Latin text, without the
    /// gaps; a marking printed in capitals, in its typed case.
    pub actual: Option<String>,
}

/// The structure tree; node 0 is the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub nodes: Vec<Node>,
}

impl Structure {
    /// A tree holding only the document element, in language `lang`.
    pub fn new(lang: &str) -> Structure {
        let root = Node {
            role: Role::Document,
            parent: None,
            kids: Vec::new(),
            lang: Some(lang.to_string()),
            alt: None,
            actual: None,
        };
        Structure { nodes: vec![root] }
    }

    pub const ROOT: NodeId = NodeId(0);

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.0 as usize]
    }

    /// The language in effect for `id`: its own, or its nearest ancestor's.
    pub fn lang_of(&self, mut id: NodeId) -> &str {
        loop {
            let n = self.node(id);
            if let Some(l) = &n.lang {
                return l;
            }
            match n.parent {
                Some(p) => id = p,
                None => return "",
            }
        }
    }

    /// Adds an element as the last child of `parent`, in language `lang` (recorded only where
    /// it differs from the parent's).
    pub fn add(&mut self, parent: NodeId, role: Role, lang: &str) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        let own = (!lang.is_empty() && self.lang_of(parent) != lang).then(|| lang.to_string());
        self.nodes.push(Node { role, parent: Some(parent), kids: Vec::new(), lang: own, alt: None, actual: None });
        self.node_mut(parent).kids.push(Kid::Node(id));
        id
    }

    /// Says outright that `id` is in language `lang`, even where its parent is too (each
    /// column of two languages side by side).
    pub fn set_lang(&mut self, id: NodeId, lang: &str) {
        self.node_mut(id).lang = (!lang.is_empty()).then(|| lang.to_string());
    }

    /// Adds an element as the first child of `parent` (what a reader must hear before
    /// anything else: a draft's mark, a security marking).
    pub fn add_first(&mut self, parent: NodeId, role: Role, lang: &str) -> NodeId {
        let id = self.add(parent, role, lang);
        let kids = &mut self.node_mut(parent).kids;
        if let Some(last) = kids.pop() {
            kids.insert(0, last);
        }
        id
    }

    /// Notes that one more drawn item belongs to `id`, and returns its tag.
    pub fn content(&mut self, id: NodeId) -> Tag {
        self.node_mut(id).kids.push(Kid::Content);
        Tag::Node(id)
    }

    pub fn set_alt(&mut self, id: NodeId, alt: &str) {
        self.node_mut(id).alt = Some(alt.to_string());
    }

    pub fn set_actual(&mut self, id: NodeId, actual: &str) {
        self.node_mut(id).actual = Some(actual.to_string());
    }

    /// Whether `kid` is the last element or content `parent` holds (nothing was added to
    /// `parent` after it).
    pub fn is_last_kid(&self, parent: NodeId, kid: NodeId) -> bool {
        matches!(self.node(parent).kids.last(), Some(Kid::Node(k)) if *k == kid)
    }

    /// Adds `text` to the end of `id`'s `/ActualText` (one that runs over several runs).
    pub fn extend_actual(&mut self, id: NodeId, text: &str) {
        if let Some(actual) = &mut self.node_mut(id).actual {
            actual.push_str(text);
        }
    }
}

/// Page furniture and decoration: what a screen reader skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Artifact {
    /// Rules, frames, table borders, bullets, dot leaders.
    #[default]
    Layout,
    /// The running header.
    Header,
    /// The running footer.
    Footer,
    /// A table's header row repeated at the top of a later page the table runs onto.
    Pagination,
}

/// What a drawn item is to a reader: part of a structure element, or an artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Node(NodeId),
    Artifact(Artifact),
}

impl Default for Tag {
    fn default() -> Self {
        Tag::Artifact(Artifact::Layout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_keep_their_order_and_languages() {
        let mut s = Structure::new("en");
        let p = s.add(Structure::ROOT, Role::P, "en");
        s.content(p);
        let span = s.add(p, Role::Span, "ja");
        s.content(span);
        s.content(p);
        assert_eq!(s.node(p).lang, None, "the document's language is not repeated");
        assert_eq!(s.node(span).lang.as_deref(), Some("ja"));
        assert_eq!(s.node(p).kids, [Kid::Content, Kid::Node(span), Kid::Content]);
        assert_eq!(s.lang_of(span), "ja");
    }
}
