//! The structure tree (ISO 32000-1, 14.7): the layout's structure elements as PDF structure
//! elements, each holding its marked content (by MCID, page by page) and its link
//! annotations, and the parent tree that leads from content and annotations back to them.

use lopdf::{Dictionary, Object, ObjectId};

use super::objects::{name, text_string};
use super::writer::Writer;
use crate::layout::structure::{Kid, Numbering};
use crate::layout::{NodeId, Role, Structure};

/// A link annotation: its element, page and object, and its key in the parent tree.
pub struct Annotation {
    pub node: NodeId,
    pub page: usize,
    pub id: ObjectId,
    pub key: i64,
}

/// What a structure element holds, as written.
enum Held {
    Element(ObjectId),
    Content { page: usize, mcid: u32 },
    Annotation { page: usize, id: ObjectId },
}

/// Writes the structure tree: `marks[p]` lists page `p`'s tagged items in order, each with
/// its element and MCID (page `p`'s `/StructParents` is `p`). Returns the StructTreeRoot.
pub fn write(
    out: &mut Writer,
    structure: &Structure,
    marks: &[Vec<(NodeId, u32)>],
    page_ids: &[ObjectId],
    annotations: &[Annotation],
) -> ObjectId {
    let n = structure.nodes.len();
    let index = |id: NodeId| id.0 as usize;
    // Each element's drawn items, in the order they were drawn, and its annotations.
    let mut items: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n];
    for (page, list) in marks.iter().enumerate() {
        for &(node, mcid) in list {
            items[index(node)].push((page, mcid));
        }
    }
    let mut annots: Vec<Vec<(usize, ObjectId)>> = vec![Vec::new(); n];
    for a in annotations {
        annots[index(a.node)].push((a.page, a.id));
    }
    // An element is written if it or an element under it holds something; table cells are
    // written even when empty, so that columns stay in step.
    let mut alive: Vec<bool> = (0..n)
        .map(|i| {
            let role = &structure.nodes[i].role;
            !items[i].is_empty() || !annots[i].is_empty() || matches!(role, Role::TH | Role::TD)
        })
        .collect();
    alive[0] = true;
    for i in (1..n).rev() {
        if alive[i] {
            if let Some(p) = structure.nodes[i].parent {
                alive[index(p)] = true;
            }
        }
    }
    // The first page each element's content (its own, or its descendants') is on: an element
    // without content of its own (a table, a row, a list) names that page too, so that tools
    // that place elements by their /Pg find it.
    let mut first_page: Vec<Option<usize>> = items.iter().map(|i| i.first().map(|m| m.0)).collect();
    for i in (1..n).rev() {
        if let (Some(page), Some(p)) = (first_page[i], structure.nodes[i].parent) {
            let slot = &mut first_page[index(p)];
            *slot = Some(slot.map_or(page, |q| q.min(page)));
        }
    }
    let root = out.new_object_id();
    let ids: Vec<Option<ObjectId>> = alive.iter().map(|&a| a.then(|| out.new_object_id())).collect();

    for (i, node) in structure.nodes.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let mut held: Vec<Held> = Vec::new();
        let mut next = items[i].iter().copied();
        let push_content = |held: &mut Vec<Held>, (page, mcid): (usize, u32)| {
            // Items drawn under one marked-content sequence share its MCID.
            let same = matches!(held.last(), Some(Held::Content { page: p, mcid: m }) if *p == page && *m == mcid);
            if !same {
                held.push(Held::Content { page, mcid });
            }
        };
        for kid in &node.kids {
            match kid {
                Kid::Node(c) => {
                    if let Some(cid) = ids[index(*c)] {
                        held.push(Held::Element(cid));
                    }
                }
                Kid::Content => {
                    if let Some(item) = next.next() {
                        push_content(&mut held, item);
                    }
                }
            }
        }
        for item in next {
            push_content(&mut held, item);
        }
        held.extend(annots[i].iter().map(|&(page, id)| Held::Annotation { page, id }));
        let pg = held
            .iter()
            .find_map(|h| match h {
                Held::Content { page, .. } => Some(*page),
                _ => None,
            })
            .or(first_page[i]);
        let kids: Vec<Object> = held
            .into_iter()
            .map(|h| match h {
                Held::Element(e) => Object::Reference(e),
                Held::Content { page, mcid } if Some(page) == pg => Object::Integer(i64::from(mcid)),
                Held::Content { page, mcid } => Object::Dictionary(Dictionary::from_iter([
                    ("Type", name("MCR")),
                    ("Pg", Object::Reference(page_ids[page])),
                    ("MCID", Object::Integer(i64::from(mcid))),
                ])),
                Held::Annotation { page, id } => Object::Dictionary(Dictionary::from_iter([
                    ("Type", name("OBJR")),
                    ("Pg", Object::Reference(page_ids[page])),
                    ("Obj", Object::Reference(id)),
                ])),
            })
            .collect();
        let parent = node.parent.and_then(|p| ids[index(p)]).unwrap_or(root);
        let mut dict = Dictionary::from_iter([("S", name(&node.role.name())), ("P", Object::Reference(parent))]);
        match kids.len() {
            0 => {}
            1 => dict.set("K", kids.into_iter().next().unwrap_or(Object::Null)),
            _ => dict.set("K", Object::Array(kids)),
        }
        if let Some(page) = pg {
            dict.set("Pg", Object::Reference(page_ids[page]));
        }
        if let Some(lang) = &node.lang {
            dict.set("Lang", text_string(lang));
        }
        if let Some(actual) = &node.actual {
            dict.set("ActualText", text_string(actual));
        }
        match &node.role {
            Role::Figure => dict.set("Alt", text_string(node.alt.as_deref().unwrap_or_default())),
            // Text a redline marks as inserted or deleted: a screen reader says which.
            Role::Span if node.alt.is_some() => dict.set("Alt", text_string(node.alt.as_deref().unwrap_or_default())),
            Role::TH => dict.set("A", attributes("Table", "Scope", name("Column"))),
            Role::L(numbering) => {
                let value = match numbering {
                    Numbering::Disc => "Disc",
                    Numbering::Decimal => "Decimal",
                };
                dict.set("A", attributes("List", "ListNumbering", name(value)));
            }
            _ => {}
        }
        out.insert(id, Object::Dictionary(dict));
    }

    // The parent tree: each page's MCIDs, in order, to their elements; each annotation to
    // its link element.
    let mut nums: Vec<Object> = Vec::new();
    for (page, list) in marks.iter().enumerate() {
        let mut by_mcid: Vec<Object> = Vec::new();
        for &(node, mcid) in list {
            if by_mcid.len() == mcid as usize {
                by_mcid.push(ids[index(node)].map_or(Object::Null, Object::Reference));
            }
        }
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(by_mcid));
    }
    for a in annotations {
        nums.push(Object::Integer(a.key));
        nums.push(ids[index(a.node)].map_or(Object::Null, Object::Reference));
    }
    let next_key = annotations.iter().map(|a| a.key + 1).max().unwrap_or(marks.len() as i64).max(marks.len() as i64);
    let parent_tree = out.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    let top = ids[0].map_or(Object::Null, Object::Reference);
    out.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructTreeRoot")),
            ("K", top),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(next_key)),
        ])),
    );
    root
}

/// A structure attribute dictionary of `owner` with one attribute.
fn attributes(owner: &str, key: &str, value: Object) -> Object {
    Object::Dictionary(Dictionary::from_iter([("O", name(owner)), (key, value)]))
}
