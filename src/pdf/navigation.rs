//! Getting around a briefing: link annotations over link text, and the outline (bookmarks).

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use rustc_hash::FxHashMap;

use super::objects::{name, text_string};
use super::writer::Writer;
use crate::layout::{Document, Item, LinkTarget, NodeId};

/// The descriptions (`/Contents`) of the link annotations written so far, by link element:
/// each is made once, however many lines (and so annotations) its link runs over.
#[derive(Default)]
pub struct Descriptions(FxHashMap<NodeId, Object>);

impl Descriptions {
    /// The description of link element `node`: its alternate text as a bookmark shows a
    /// heading, on one line and at most [`BOOKMARK_CHARS`] characters. A contents entry of a
    /// 200 KB title ran over 4,000 lines, each annotation carrying the whole title: 1.1 GB,
    /// and an abort for 1.9 MB (text46a F46a-21).
    fn of(&mut self, doc: &Document, node: NodeId) -> Object {
        self.0
            .entry(node)
            .or_insert_with(|| text_string(&shortened(doc.structure.node(node).alt.as_deref().unwrap_or_default())))
            .clone()
    }
}

/// The link annotations of page `index`, each with the link element it belongs to: one per
/// line of a link (a link broken across lines is clickable on each), with a description
/// (`/Contents`, see [`Descriptions`]), the print flag, and a URI action or a destination in
/// this document.
pub fn links(
    doc: &Document,
    index: usize,
    page_ids: &[ObjectId],
    descriptions: &mut Descriptions,
) -> Vec<(NodeId, Dictionary)> {
    let h = doc.height;
    // Areas of one link side by side on one line (a link with a bold word) are one.
    let mut areas: Vec<(NodeId, [f32; 4], &LinkTarget)> = Vec::new();
    for item in &doc.pages[index].items {
        let Item::Link { x, y, width, height, target, node } = item else { continue };
        let rect = [*x, h - (y + height), x + width, h - y];
        match areas.last_mut() {
            Some((n, r, _)) if n == node && r[1] == rect[1] && r[3] == rect[3] && (rect[0] - r[2]).abs() < 1.0 => {
                r[2] = rect[2]
            }
            _ => areas.push((*node, rect, target)),
        }
    }
    areas
        .into_iter()
        .map(|(node, rect, target)| {
            let mut d = Dictionary::from_iter([
                ("Type", name("Annot")),
                ("Subtype", name("Link")),
                ("Rect", rect.iter().map(|&v| Object::Real((v * 100.0).round() / 100.0)).collect::<Vec<_>>().into()),
                ("Border", vec![0.into(), 0.into(), 0.into()].into()),
                ("F", Object::Integer(4)),
                ("Contents", descriptions.of(doc, node)),
            ]);
            match target {
                LinkTarget::Uri(uri) => d.set(
                    "A",
                    Object::Dictionary(Dictionary::from_iter([
                        ("S", name("URI")),
                        ("URI", Object::String(ascii_uri(uri).into_bytes(), StringFormat::Literal)),
                    ])),
                ),
                LinkTarget::Page { page, y } => d.set("Dest", destination(doc, page_ids, *page, *y)),
                LinkTarget::Anchor(_) => {}
            }
            (node, d)
        })
        .collect()
}

/// A destination: page `page` (index) scrolled to `y` (from the top).
fn destination(doc: &Document, page_ids: &[ObjectId], page: usize, y: f32) -> Object {
    let page = page_ids.get(page).or(page_ids.first()).copied().unwrap_or((0, 0));
    let top = (doc.height - y + 4.0).round();
    Object::Array(vec![Object::Reference(page), name("XYZ"), Object::Null, Object::Real(top), Object::Null])
}

/// A URI action's target in 7-bit ASCII (ISO 32000-1, 12.6.4.7): bytes outside printable
/// ASCII, spaces included, percent-encoded as UTF-8 (`straße` → `stra%C3%9Fe`).
fn ascii_uri(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for b in target.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Characters of a heading a bookmark shows: a bookmark pane shows some forty, and a
/// 1,000-character title in each of 4,000 bookmarks made 17 MB of a document's 132 (before
/// compression), 1.2 MB of its 20 MB file.
const BOOKMARK_CHARS: usize = 200;

/// `text` on one line, as a title bar, a file dialog and a bookmark show one: each line break
/// typed in it (a long title broken by hand, `title: |`) and the spaces around it are a
/// space (text43a F43a-28: a viewer showed the first line only). Every line break the page
/// prints as one: a line feed, a carriage return, and Unicode's line and paragraph separators
/// and next line, U+2028, U+2029, U+0085 (text45b F45b-20).
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    const BREAKS: [char; 5] = ['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'];
    if !text.contains(BREAKS) {
        return text.into();
    }
    text.split(BREAKS).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ").into()
}

/// A heading as its bookmark shows it, or a link's description: whole, or past
/// [`BOOKMARK_CHARS`] characters cut at the last space before them (or between grapheme
/// clusters, where there is none near), with "…". The heading or link itself is whole on the
/// page and in the structure.
fn shortened(title: &str) -> std::borrow::Cow<'_, str> {
    use unicode_segmentation::UnicodeSegmentation as _;
    let title: std::borrow::Cow<'_, str> = one_line(title);
    let title = title.as_ref();
    let Some((end, _)) = title.grapheme_indices(true).nth(BOOKMARK_CHARS) else { return title.to_string().into() };
    let cut = title[..end].rfind(' ').filter(|&at| at >= end / 2).unwrap_or(end);
    format!("{}…", title[..cut].trim_end()).into()
}

/// The outline: entries nest by level (sections, topics under them; in a dossier, each
/// briefing above its sections). Each opens its page at the heading.
pub fn outline(out: &mut Writer, doc: &Document, page_ids: &[ObjectId]) -> Option<ObjectId> {
    if doc.outline.is_empty() || page_ids.is_empty() {
        return None;
    }
    let root = out.new_object_id();
    let ids: Vec<ObjectId> = doc.outline.iter().map(|_| out.new_object_id()).collect();
    // Parent of each entry (None: the root), found with a stack of open entries.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(ids.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in doc.outline.iter().enumerate() {
        while stack.last().is_some_and(|&p| doc.outline[p].level >= e.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    // Each entry's children (`children[0]`: the root's), and how many entries lie under it;
    // the entries are in reading order, so a child comes after its parent.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); ids.len() + 1];
    for (i, p) in parent.iter().enumerate() {
        children[p.map_or(0, |p| p + 1)].push(i);
    }
    let mut descendants = vec![0i64; ids.len()];
    for j in (0..ids.len()).rev() {
        if let Some(p) = parent[j] {
            descendants[p] += 1 + descendants[j];
        }
    }
    for (slot, list) in children.iter().enumerate() {
        let parent_id = if slot == 0 { root } else { ids[slot - 1] };
        for (n, &i) in list.iter().enumerate() {
            let e = &doc.outline[i];
            let mut d = Dictionary::from_iter([
                ("Title", text_string(&shortened(&e.title))),
                ("Parent", Object::Reference(parent_id)),
                ("Dest", destination(doc, page_ids, e.page, e.y)),
            ]);
            if n > 0 {
                d.set("Prev", Object::Reference(ids[list[n - 1]]));
            }
            if n + 1 < list.len() {
                d.set("Next", Object::Reference(ids[list[n + 1]]));
            }
            let kids = &children[i + 1];
            if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
                d.set("First", Object::Reference(ids[f]));
                d.set("Last", Object::Reference(ids[l]));
                // Open, showing every descendant.
                d.set("Count", Object::Integer(descendants[i]));
            }
            out.insert(ids[i], Object::Dictionary(d));
        }
    }
    let top = &children[0];
    out.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Outlines")),
            ("First", Object::Reference(ids[top[0]])),
            ("Last", Object::Reference(ids[top[top.len() - 1]])),
            ("Count", Object::Integer(ids.len() as i64)),
        ])),
    );
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_over_several_lines_is_one_line_whatever_breaks_them() {
        assert_eq!(one_line("Results of the\n  Workshop\r\n"), "Results of the Workshop");
        assert_eq!(one_line("Line one\u{2028}line two\u{2029}three\u{85}four"), "Line one line two three four");
        assert!(matches!(one_line("One line"), std::borrow::Cow::Borrowed("One line")));
    }

    #[test]
    fn uris_are_ascii() {
        assert_eq!(ascii_uri("https://example.eu/straße?q=a b"), "https://example.eu/stra%C3%9Fe?q=a%20b");
        assert_eq!(ascii_uri("mailto:x@example.org"), "mailto:x@example.org");
    }

    #[test]
    fn a_long_heading_s_bookmark_is_cut_at_a_space_with_an_ellipsis() {
        assert_eq!(shortened("Data flows"), "Data flows");
        let long = "word ".repeat(60);
        let shown = shortened(&long);
        assert!(shown.ends_with("word…") && shown.chars().count() <= BOOKMARK_CHARS + 1, "{shown}");
        // No space near: between grapheme clusters (é typed as e and a combining accent).
        let accents = "e\u{301}".repeat(300);
        let shown = shortened(&accents);
        assert_eq!(shown, format!("{}…", "e\u{301}".repeat(BOOKMARK_CHARS)));
    }
}
